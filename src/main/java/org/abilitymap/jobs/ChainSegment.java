package org.abilitymap.jobs;

import org.neo4j.driver.Value;

/** A segment of an industry chain as read from the graph. */
public record ChainSegment(String id, String name, String nameEn, String stage) {

	/** The map projection queries return for this record, on a node bound to {@code cs}. */
	public static final String PROJECTION = "cs {.id, .name, .nameEn, .stage}";

	public static ChainSegment of(Value v) {
		return new ChainSegment(v.get("id").asString(), v.get("name").asString(), v.get("nameEn").asString(null), v.get("stage").asString(null));
	}
}
