package org.abilitymap.curriculum;

import org.neo4j.driver.Value;

/** An industry body (行业组织) as read from the graph. */
public record IndustryBody(String id, String name, String nameEn) {

	/** The map projection queries return for this record, on a node bound to {@code b}. */
	public static final String PROJECTION = "b {.id, .name, .nameEn}";

	public static IndustryBody of(Value v) {
		return new IndustryBody(v.get("id").asString(), v.get("name").asString(), v.get("nameEn").asString(null));
	}
}
