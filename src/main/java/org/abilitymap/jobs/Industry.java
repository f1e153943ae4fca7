package org.abilitymap.jobs;

import org.neo4j.driver.Value;

/** An industry (产业) as read from the graph. */
public record Industry(String id, String name, String nameEn) {

	/** The map projection queries return for this record, on a node bound to {@code i}. */
	public static final String PROJECTION = "i {.id, .name, .nameEn}";

	public static Industry of(Value v) {
		return new Industry(v.get("id").asString(), v.get("name").asString(), v.get("nameEn").asString(null));
	}
}
