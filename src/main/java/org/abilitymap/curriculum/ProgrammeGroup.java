package org.abilitymap.curriculum;

import org.neo4j.driver.Value;

/** A programme group (专业群) as read from the graph. */
public record ProgrammeGroup(String id, String name, String nameEn, String schoolId) {

	/** The map projection queries return for this record, on a node bound to {@code g}. */
	public static final String PROJECTION = "g {.id, .name, .nameEn, .schoolId}";

	public static ProgrammeGroup of(Value v) {
		return new ProgrammeGroup(v.get("id").asString(), v.get("name").asString(), v.get("nameEn").asString(null), v.get("schoolId").asString());
	}
}
