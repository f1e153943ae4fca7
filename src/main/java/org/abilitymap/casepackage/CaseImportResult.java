package org.abilitymap.casepackage;

import java.util.List;

import org.abilitymap.points.Point;
import org.abilitymap.points.PointMatch;
import org.abilitymap.points.PointWarning;

/**
 * What importing a CASE package did.
 *
 * @param outcome whether the framework is new, replaced, or unchanged
 * @param frameworkId the CFDocument's identifier, which is the framework's id
 * @param title the CFDocument's title
 * @param items how many CFItems the package has
 * @param groupingItems how many of them are grouping items rather than points
 * @param hierarchyLinks how many isChildOf associations became {@code PART_OF} links
 * @param matchedPoints items that landed on existing points
 * @param createdPoints points the package created
 * @param warnings created points whose names look like existing points' (mixed scripts)
 */
public record CaseImportResult(Outcome outcome, String frameworkId, String title, int items, int groupingItems,
		int hierarchyLinks, List<PointMatch> matchedPoints, List<Point> createdPoints, List<PointWarning> warnings) {

	/** What happened to the framework. */
	public enum Outcome {
		/** A framework not seen before. */
		CREATED,
		/** A changed package for a framework imported before: its items and hierarchy were replaced. */
		UPDATED,
		/** The same package as last time: nothing was written. */
		UNCHANGED
	}
}
