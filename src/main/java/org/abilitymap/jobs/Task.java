package org.abilitymap.jobs;

import org.neo4j.driver.Value;

/** A typical work task of a submission with the analyst's ratings, as read from the graph. */
public record Task(String id, String name, String nameEn, String description, String frequency, Integer importance,
		Integer difficulty, Provenance provenance) {

	/** Projection of a task node bound to {@code n}, reached over the {@code HAS_TASK} link bound to {@code link}. */
	public static final String PROJECTION = "n {.id, .name, .nameEn, .description, .enterpriseId, .submissionId, .version, "
			+ "frequency: link.frequency, importance: link.importance, difficulty: link.difficulty}";

	public static Task of(Value v) {
		return new Task(v.get("id").asString(), v.get("name").asString(), v.get("nameEn").asString(null),
				v.get("description").asString(null), v.get("frequency").asString(null),
				v.get("importance").isNull() ? null : v.get("importance").asInt(),
				v.get("difficulty").isNull() ? null : v.get("difficulty").asInt(), Provenance.of(v));
	}
}
