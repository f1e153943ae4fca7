package org.abilitymap.accounts;

/** What an account may do; the rights of each role are the table in {@code docs/authorisation.md}. */
public enum Role {

	/** 企业编辑: submits and revises its own enterprise's work tasks. */
	ENTERPRISE_EDITOR(OrganisationKind.ENTERPRISE),

	/** 行业审核: reviews submissions and sets job requirements within the industries its body covers. */
	INDUSTRY_REVIEWER(OrganisationKind.INDUSTRY_BODY),

	/** 专业带头人: saves and edits its own school's programmes. */
	CURRICULUM_DESIGNER(OrganisationKind.SCHOOL),

	/** 质量监测: reads everything published, every report and export; writes nothing. */
	AUDITOR(OrganisationKind.QUALITY_OFFICE),

	/** 集群组长: reads across its cluster. */
	CLUSTER_LEAD(OrganisationKind.CLUSTER),

	/** 管理员: accounts, organisations and catalogue imports; in any organisation. */
	ADMIN(null);

	private final OrganisationKind organisationKind;

	Role(OrganisationKind organisationKind) {
		this.organisationKind = organisationKind;
	}

	/** Whether an account of an organisation of this kind may hold the role. */
	public boolean fits(OrganisationKind kind) {
		return organisationKind == null || organisationKind == kind;
	}

	/** The kind of organisation an account with this role belongs to; null for any. */
	public OrganisationKind organisationKind() {
		return organisationKind;
	}

	/** The authority Spring Security checks for this role. */
	public String authority() {
		return "ROLE_" + name();
	}
}
