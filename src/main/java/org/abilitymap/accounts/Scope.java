package org.abilitymap.accounts;

/** Where a role may exercise a right: anywhere, or only on what belongs to its own organisation. */
public enum Scope {

	/** Anything of its kind. */
	ANY,

	/** The enterprise the document or submission names is the actor's own. */
	OWN_ENTERPRISE,

	/** The programme (or programme group) belongs to the actor's own school. */
	OWN_SCHOOL,

	/** The job is in an industry the actor's industry body covers (a cluster it leads, or an industry it covers). */
	INDUSTRY_OF_JOB,

	/** The actor's own account. */
	OWN_ACCOUNT
}
