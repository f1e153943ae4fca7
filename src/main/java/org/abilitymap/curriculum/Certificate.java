package org.abilitymap.curriculum;

import org.neo4j.driver.Value;

/** A certificate (证书) as read from the graph. */
public record Certificate(String id, String name, String nameEn, String type, String issuer, String level) {

	/** The map projection queries return for this record, on a node bound to {@code ce}. */
	public static final String PROJECTION = "ce {.id, .name, .nameEn, .type, .issuer, .level}";

	public static Certificate of(Value v) {
		return new Certificate(v.get("id").asString(), v.get("name").asString(), v.get("nameEn").asString(null), v.get("type").asString(), v.get("issuer").asString(null), v.get("level").asString(null));
	}
}
