package org.abilitymap.alignment;

import java.util.List;

import org.abilitymap.curriculum.Course;
import org.abilitymap.curriculum.TeachingLevel;
import org.abilitymap.jobs.Job;
import org.abilitymap.jobs.ProficiencyLevel;
import org.abilitymap.points.Point;

/**
 * A required point the programme does not teach at the required level.
 *
 * @param point the point
 * @param kind never taught, or taught below the required level
 * @param requiredLevel the highest level the target requires
 * @param taughtLevelRank the highest teaching level rank in the programme (0 when never taught)
 * @param importance the highest importance the target gives it
 * @param jobs the target jobs requiring it (empty for a certificate target)
 * @param closestCourse the course that comes closest, if any (see the README for the rule)
 */
public record Gap(Point point, Kind kind, ProficiencyLevel requiredLevel, int taughtLevelRank, int importance,
		List<Job> jobs, Course closestCourse) {

	/** The highest teaching level, or {@code null} when never taught. */
	public TeachingLevel taughtLevel() {
		return taughtLevelRank == 0 ? null : TeachingLevel.ofRank(taughtLevelRank);
	}

	/** Why the point is a gap. */
	public enum Kind {
		NOT_TAUGHT, BELOW_LEVEL
	}
}
