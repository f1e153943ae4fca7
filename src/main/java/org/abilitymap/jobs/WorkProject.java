package org.abilitymap.jobs;

import org.neo4j.driver.Value;

/** A work project (项目) of a submission, as read from the graph. */
public record WorkProject(String id, String name, String nameEn, String description, Provenance provenance) {

	/** Projection of a project node bound to {@code n}. */
	public static final String PROJECTION = "n {.id, .name, .nameEn, .description, .enterpriseId, .submissionId, .version}";

	public static WorkProject of(Value v) {
		return new WorkProject(v.get("id").asString(), v.get("name").asString(), v.get("nameEn").asString(null),
				v.get("description").asString(null), Provenance.of(v));
	}
}
