package org.abilitymap.curriculum;

import org.neo4j.driver.Value;

/** An industry cluster (集群) as read from the graph. */
public record Cluster(String id, String name, String nameEn, String industryId) {

	/** The map projection queries return for this record, on a node bound to {@code cl}. */
	public static final String PROJECTION = "cl {.id, .name, .nameEn, .industryId}";

	public static Cluster of(Value v) {
		return new Cluster(v.get("id").asString(), v.get("name").asString(), v.get("nameEn").asString(null), v.get("industryId").asString(null));
	}
}
