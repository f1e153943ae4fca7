package org.abilitymap.jobs;

import org.neo4j.driver.Value;

/** A national or ESCO occupation as read from the graph. */
public record ReferenceOccupation(String id, String scheme, String code, String uri, String name, String nameEn) {

	/** The map projection queries return for this record, on a node bound to {@code o}. */
	public static final String PROJECTION = "o {.id, .scheme, .code, .uri, .name, .nameEn}";

	public static ReferenceOccupation of(Value v) {
		return new ReferenceOccupation(v.get("id").asString(), v.get("scheme").asString(), v.get("code").asString(null), v.get("uri").asString(null), v.get("name").asString(), v.get("nameEn").asString(null));
	}
}
