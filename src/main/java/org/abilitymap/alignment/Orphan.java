package org.abilitymap.alignment;

import java.util.List;

import org.abilitymap.curriculum.Course;
import org.abilitymap.curriculum.TeachingLevel;
import org.abilitymap.points.Point;

/**
 * A point the programme teaches that no part of the target requires.
 *
 * @param point the point
 * @param taughtLevelRank the highest teaching level rank
 * @param courses the programme's courses teaching it
 */
public record Orphan(Point point, int taughtLevelRank, List<Teaching> courses) {

	/** The highest teaching level. */
	public TeachingLevel taughtLevel() {
		return TeachingLevel.ofRank(taughtLevelRank);
	}

	/** One course teaching the orphan point. */
	public record Teaching(Course course, int levelRank, Double hours) {

		public TeachingLevel level() {
			return TeachingLevel.ofRank(levelRank);
		}
	}
}
