package org.abilitymap.curriculum;

import org.neo4j.driver.Value;

/** A school (学校) as read from the graph. */
public record School(String id, String name, String nameEn) {

	/** The map projection queries return for this record, on a node bound to {@code s}. */
	public static final String PROJECTION = "s {.id, .name, .nameEn}";

	public static School of(Value v) {
		return new School(v.get("id").asString(), v.get("name").asString(), v.get("nameEn").asString(null));
	}
}
