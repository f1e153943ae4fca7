package org.abilitymap.jobs;

import org.neo4j.driver.Value;

/** A process step (流程) of a task, as read from the graph. */
public record ProcessStep(String id, String name, String nameEn, String description, Provenance provenance) {

	/** Projection of a step node bound to {@code n}. */
	public static final String PROJECTION = "n {.id, .name, .nameEn, .description, .enterpriseId, .submissionId, .version}";

	public static ProcessStep of(Value v) {
		return new ProcessStep(v.get("id").asString(), v.get("name").asString(), v.get("nameEn").asString(null),
				v.get("description").asString(null), Provenance.of(v));
	}
}
