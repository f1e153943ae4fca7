package org.abilitymap.jobs;

import org.neo4j.driver.Value;

/** A job group (岗位群) as read from the graph. */
public record JobGroup(String id, String name, String nameEn) {

	/** The map projection queries return for this record, on a node bound to {@code g}. */
	public static final String PROJECTION = "g {.id, .name, .nameEn}";

	public static JobGroup of(Value v) {
		return new JobGroup(v.get("id").asString(), v.get("name").asString(), v.get("nameEn").asString(null));
	}
}
