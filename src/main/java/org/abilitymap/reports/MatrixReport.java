package org.abilitymap.reports;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abilitymap.alignment.CurriculumMatrix;
import org.abilitymap.curriculum.Programme;

/**
 * The curriculum matrix of a programme as printed: its courses × points with the levels its own target jobs require.
 *
 * @param programme the programme
 * @param school the school offering it, if known
 * @param programmeJobs the programme's own target jobs (职业面向), whose levels the matrix shows as required
 * @param generatedAt when the report was made
 * @param matrix the matrix
 */
record MatrixReport(Programme programme, Optional<Named> school, List<Named> programmeJobs, ZonedDateTime generatedAt,
		CurriculumMatrix matrix) {

	/** The cells keyed by course id and point id. */
	Map<String, CurriculumMatrix.Cell> cellsByCourseAndPoint() {
		Map<String, CurriculumMatrix.Cell> cells = new HashMap<>();
		matrix.cells().forEach(cell -> cells.put(key(cell.courseId(), cell.pointId()), cell));
		return cells;
	}

	static String key(String courseId, String pointId) {
		return courseId + "\u0000" + pointId;
	}

	/** The highest level rank taught of each point, by point id. */
	Map<String, Integer> highestTaught() {
		Map<String, Integer> taught = new HashMap<>();
		matrix.cells().forEach(cell -> taught.merge(cell.pointId(), cell.levelRank(), Math::max));
		return taught;
	}

	/** Whether the programme's own jobs require the point above the highest level taught. */
	boolean isGap(CurriculumMatrix.MatrixPoint point, Map<String, Integer> highestTaught) {
		return point.requiredLevelRank() > highestTaught.getOrDefault(point.point().id(), 0);
	}

	/** The file name stem: the programme's code, or its id when it has none. */
	String fileStem() {
		return programme.code() != null && !programme.code().isBlank() ? programme.code() : programme.id();
	}
}
