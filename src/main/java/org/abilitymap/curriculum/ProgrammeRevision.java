package org.abilitymap.curriculum;

import org.neo4j.driver.Value;

/** One saved version of a programme document. */
public record ProgrammeRevision(String id, int version, String savedAt, String contentHash, String document) {

	/**
	 * The map projection queries return for this record, on a node bound to {@code r}: the document as it was given
	 * (its source), which saves again unchanged; revisions older than sources have their validated form only.
	 */
	public static final String PROJECTION = """
			r {.id, .version, .contentHash, document: coalesce(r.source, r.document), savedAt: toString(r.savedAt)}""";

	public static ProgrammeRevision of(Value v) {
		return new ProgrammeRevision(v.get("id").asString(), v.get("version").asInt(), v.get("savedAt").asString(), v.get("contentHash").asString(), v.get("document").asString());
	}
}
