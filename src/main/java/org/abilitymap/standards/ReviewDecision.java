package org.abilitymap.standards;

/** What an industry body decides about a submission version. */
public enum ReviewDecision {

	/** 通过: the submission counts in the job's standard and is what others see. */
	APPROVED,

	/** 驳回: the submission does not count. */
	REJECTED,

	/** 退回修改: the enterprise is asked for a new version. */
	CHANGES_REQUESTED
}
