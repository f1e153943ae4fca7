package org.abilitymap.curriculum;

import org.neo4j.driver.Value;

/** A course (课程) of a programme as read from the graph. */
public record Course(String id, String programmeId, String name, String nameEn, String block, Double hours, Double credits, Integer semester) {

	/** The map projection queries return for this record, on a node bound to {@code c}. */
	public static final String PROJECTION = "c {.id, .programmeId, .name, .nameEn, .block, .hours, .credits, .semester}";

	public static Course of(Value v) {
		return new Course(v.get("id").asString(), v.get("programmeId").asString(), v.get("name").asString(), v.get("nameEn").asString(null), v.get("block").asString(), v.get("hours").isNull() ? null : v.get("hours").asDouble(), v.get("credits").isNull() ? null : v.get("credits").asDouble(), v.get("semester").isNull() ? null : v.get("semester").asInt());
	}
}
