package org.abilitymap.jobs;

/** The level at which a process step requires a skill; ranks compare levels (higher is more demanding). */
public enum ProficiencyLevel {

	/** 了解: knows what it is and when it is used. */
	AWARE(1),
	/** 熟练: does it unaided in routine cases. */
	PRACTISED(2),
	/** 掌握: does it in non-routine cases and can teach it. */
	MASTERED(3);

	private final int rank;

	ProficiencyLevel(int rank) {
		this.rank = rank;
	}

	public int rank() {
		return rank;
	}

	/** The level of a stored rank. */
	public static ProficiencyLevel ofRank(long rank) {
		for (ProficiencyLevel level : values()) {
			if (level.rank == rank) {
				return level;
			}
		}
		throw new IllegalArgumentException("No proficiency level has rank " + rank);
	}
}
