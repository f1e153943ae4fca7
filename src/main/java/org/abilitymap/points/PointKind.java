package org.abilitymap.points;

/** The two kinds of shared competency point, with the graph label each is stored under. */
public enum PointKind {

	/** A skill point (技能点): something a worker can do. */
	SKILL("SkillPoint", "sk-"),
	/** A knowledge point (知识点): something a worker must know. */
	KNOWLEDGE("KnowledgePoint", "kn-");

	private final String label;

	private final String idPrefix;

	PointKind(String label, String idPrefix) {
		this.label = label;
		this.idPrefix = idPrefix;
	}

	/** The node label; safe to splice into Cypher because it comes from this enum, never from input. */
	public String label() {
		return label;
	}

	/** Prefix of ids derived from names. */
	public String idPrefix() {
		return idPrefix;
	}

	/** The kind stored under a label, or {@code null}. */
	public static PointKind ofLabel(String label) {
		for (PointKind kind : values()) {
			if (kind.label.equals(label)) {
				return kind;
			}
		}
		return null;
	}
}
