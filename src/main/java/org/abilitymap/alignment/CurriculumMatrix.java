package org.abilitymap.alignment;

import java.util.List;

import org.abilitymap.curriculum.Course;
import org.abilitymap.curriculum.TeachingLevel;
import org.abilitymap.jobs.ProficiencyLevel;
import org.abilitymap.points.Point;

/**
 * A programme's courses × points with levels and hours: the picture auditors print.
 *
 * @param programmeId the programme
 * @param courses the rows, in document order
 * @param points the columns: points taught or required by the programme's target jobs
 * @param cells the non-empty cells
 */
public record CurriculumMatrix(String programmeId, List<Course> courses, List<MatrixPoint> points, List<Cell> cells) {

	/** A column: a point, with what the programme's target jobs require of it (level rank 0 when not required). */
	public record MatrixPoint(Point point, int requiredLevelRank, int importance) {

		/** The required level, or {@code null} when the target jobs do not require the point. */
		public ProficiencyLevel requiredLevel() {
			return requiredLevelRank == 0 ? null : ProficiencyLevel.ofRank(requiredLevelRank);
		}
	}

	/** A course teaching a point at a level for some hours. */
	public record Cell(String courseId, String pointId, int levelRank, Double hours) {

		public TeachingLevel level() {
			return TeachingLevel.ofRank(levelRank);
		}
	}
}
