package org.abilitymap.jobs;

import org.neo4j.driver.Value;

/** A job (岗位) as read from the graph. */
public record Job(String id, String name, String nameEn, String description, String groupId) {

	/** The map projection queries return for this record, on a node bound to {@code j}. */
	public static final String PROJECTION = "j {.id, .name, .nameEn, .description, .groupId}";

	public static Job of(Value v) {
		return new Job(v.get("id").asString(), v.get("name").asString(), v.get("nameEn").asString(null), v.get("description").asString(null), v.get("groupId").asString(null));
	}
}
