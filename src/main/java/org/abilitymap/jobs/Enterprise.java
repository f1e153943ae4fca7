package org.abilitymap.jobs;

import org.neo4j.driver.Value;

/** An enterprise (企业) as read from the graph. */
public record Enterprise(String id, String name, String nameEn) {

	/** The map projection queries return for this record, on a node bound to {@code e}. */
	public static final String PROJECTION = "e {.id, .name, .nameEn}";

	public static Enterprise of(Value v) {
		return new Enterprise(v.get("id").asString(), v.get("name").asString(), v.get("nameEn").asString(null));
	}
}
