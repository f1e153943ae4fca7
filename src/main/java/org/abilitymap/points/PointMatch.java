package org.abilitymap.points;

/**
 * One point of a document that landed on an existing node.
 *
 * @param path where the point is in the document (its first occurrence)
 * @param givenName the name the document used, if any
 * @param point the existing point
 * @param matchedBy which rule matched it
 */
public record PointMatch(String path, String givenName, Point point, MatchRule matchedBy) {

	/** How a document's point was matched to an existing point. */
	public enum MatchRule {
		/** The document gave the id of an existing point. */
		ID,
		/** The document's name equals an existing point's name after normalising. */
		NAME,
		/** The point was imported earlier from a CASE item with the same identifier. */
		CASE_IDENTIFIER
	}
}
