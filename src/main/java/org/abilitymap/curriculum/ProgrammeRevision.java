package org.abilitymap.curriculum;

import org.neo4j.driver.Value;

/** One saved version of a programme document. */
public record ProgrammeRevision(String id, int version, String savedAt, String contentHash, String document) {

	/** The map projection queries return for this record, on a node bound to {@code r}. */
	public static final String PROJECTION = "r {.id, .version, .contentHash, .document, savedAt: toString(r.savedAt)}";

	public static ProgrammeRevision of(Value v) {
		return new ProgrammeRevision(v.get("id").asString(), v.get("version").asInt(), v.get("savedAt").asString(), v.get("contentHash").asString(), v.get("document").asString());
	}
}
