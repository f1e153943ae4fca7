package org.abilitymap.curriculum;

import java.util.List;

import org.abilitymap.points.Point;
import org.abilitymap.points.PointMatch;
import org.abilitymap.points.PointWarning;

/**
 * What saving a programme document did.
 *
 * @param outcome created, new version or unchanged
 * @param programmeId the programme
 * @param version its version after the save
 * @param courses how many courses it now has
 * @param matchedPoints named points of the document that landed on existing points
 * @param createdPoints points the document created
 * @param warnings created points whose names look like existing points' (mixed scripts)
 */
public record ProgrammeSaveResult(Outcome outcome, String programmeId, int version, int courses,
		List<PointMatch> matchedPoints, List<Point> createdPoints, List<PointWarning> warnings) {

	/** What happened to the programme. */
	public enum Outcome {
		/** The programme did not exist. */
		CREATED,
		/** A changed document: stored as the next version, the previous document kept as a revision. */
		NEW_VERSION,
		/** The same document as the current version: nothing was written. */
		UNCHANGED
	}
}
