package org.abilitymap.curriculum;

/** The level at which a course teaches a point; its rank compares with a job's required level rank. */
public enum TeachingLevel {

	/** 了解: introduced (rank 1, meets AWARE). */
	INTRODUCED(1),
	/** 理解/熟练: reinforced (rank 2, meets PRACTISED). */
	REINFORCED(2),
	/** 掌握: mastered (rank 3, meets MASTERED). */
	MASTERED(3);

	private final int rank;

	TeachingLevel(int rank) {
		this.rank = rank;
	}

	public int rank() {
		return rank;
	}

	/** The level of a stored rank. */
	public static TeachingLevel ofRank(long rank) {
		for (TeachingLevel level : values()) {
			if (level.rank == rank) {
				return level;
			}
		}
		throw new IllegalArgumentException("No teaching level has rank " + rank);
	}
}
