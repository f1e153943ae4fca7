package org.abilitymap.curriculum;

import org.neo4j.driver.Value;

/** A training base (实训基地) as read from the graph. */
public record TrainingBase(String id, String name, String nameEn, String kind) {

	/** The map projection queries return for this record, on a node bound to {@code tb}. */
	public static final String PROJECTION = "tb {.id, .name, .nameEn, .kind}";

	public static TrainingBase of(Value v) {
		return new TrainingBase(v.get("id").asString(), v.get("name").asString(), v.get("nameEn").asString(null), v.get("kind").asString());
	}
}
