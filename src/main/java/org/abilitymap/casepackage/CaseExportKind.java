package org.abilitymap.casepackage;

/** What a job's CASE export describes. */
public enum CaseExportKind {

	/** The job competency standard: the points the job requires, with level, importance and essential. */
	STANDARD,
	/** The ability map: the project → task → step → skill → knowledge tree of the job's published (latest approved) submissions. */
	ABILITY_MAP;

	/** The kind named by a command-line or REST option ({@code standard}, {@code ability-map}), or {@code null}. */
	public static CaseExportKind ofOption(String option) {
		if (option == null) {
			return null;
		}
		for (CaseExportKind kind : values()) {
			if (kind.name().equalsIgnoreCase(option.strip().replace('-', '_'))) {
				return kind;
			}
		}
		return null;
	}
}
