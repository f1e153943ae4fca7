package org.abilitymap.jobs;

import java.util.List;

import org.abilitymap.points.Point;
import org.abilitymap.points.PointMatch;
import org.abilitymap.points.PointWarning;

/**
 * What an accepted work-task submission did to the graph.
 *
 * @param outcome whether a submission was created, a new version made, or nothing changed
 * @param submissionId the id of the stored version (the existing one when unchanged)
 * @param version the version number of that submission
 * @param matchedPoints points of the document that landed on existing points
 * @param createdPoints points the document created
 * @param warnings created points whose names look like existing points' (mixed scripts)
 */
public record SubmissionResult(Outcome outcome, String submissionId, int version, List<PointMatch> matchedPoints,
		List<Point> createdPoints, List<PointWarning> warnings) {

	/** What happened to the submission series of this enterprise and job. */
	public enum Outcome {
		/** The first submission of this enterprise for this job. */
		CREATED,
		/** A changed document: stored as the next version, earlier versions kept. */
		NEW_VERSION,
		/** The same document as the latest version: nothing was written. */
		UNCHANGED
	}
}
