package org.abilitymap.accounts;

/** The kinds of organisation an account can belong to, each a node label of the graph. */
public enum OrganisationKind {

	/** 企业. */
	ENTERPRISE("Enterprise"),

	/** 学校. */
	SCHOOL("School"),

	/** 行业组织. */
	INDUSTRY_BODY("IndustryBody"),

	/** 集群. */
	CLUSTER("Cluster"),

	/** 质量监测 / 评估机构: a quality or audit office, which only accounts refer to. */
	QUALITY_OFFICE("QualityOffice");

	private final String label;

	OrganisationKind(String label) {
		this.label = label;
	}

	/** The node label of organisations of this kind. */
	public String label() {
		return label;
	}

	/** The kind whose node label is {@code label}, or null. */
	public static OrganisationKind ofLabel(String label) {
		for (OrganisationKind kind : values()) {
			if (kind.label.equals(label)) {
				return kind;
			}
		}
		return null;
	}
}
