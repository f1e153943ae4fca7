package org.abilitymap.curriculum;

import org.neo4j.driver.Value;

/** A programme (专业) as read from the graph. */
public record Programme(String id, String code, String name, String nameEn, String level, String schoolId, String groupId, int version, String savedAt) {

	/** The map projection queries return for this record, on a node bound to {@code p}. */
	public static final String PROJECTION = "p {.id, .code, .name, .nameEn, .level, .schoolId, .groupId, .version, savedAt: toString(p.savedAt)}";

	public static Programme of(Value v) {
		return new Programme(v.get("id").asString(), v.get("code").asString(null), v.get("name").asString(), v.get("nameEn").asString(null), v.get("level").asString(null), v.get("schoolId").asString(null), v.get("groupId").asString(null), v.get("version").asInt(0), v.get("savedAt").asString(null));
	}
}
