package org.abilitymap.audit;

import java.util.List;

import org.neo4j.driver.Value;

/**
 * One entry of the audit trail.
 *
 * @param id stable id
 * @param at when it was recorded (ISO date-time): in the write's first transaction, or when a write that committed
 *     nothing ended
 * @param actor username, {@code os:<user>} for the command line, {@code anonymous} when nobody was signed in
 * @param organisationKind kind of the actor's organisation
 * @param organisationId id of the actor's organisation
 * @param source how the write came: GRAPHQL, REST, CLI, LOGIN or SYSTEM
 * @param operation what was asked, such as {@code submitWorkTasks} or {@code POST /api/submissions}
 * @param entityIds the ids it touched
 * @param outcome DONE, REFUSED or FAILED
 * @param contentHash for documents, the stored content hash
 * @param version for documents, the stored version
 * @param detail a short reason for a refusal or failure; {@code Committed, then failed: …} for a write that failed
 *     after one of its transactions committed
 */
public record AuditEntry(String id, String at, String actor, String organisationKind, String organisationId,
		String source, String operation, List<String> entityIds, Outcome outcome, String contentHash, Integer version,
		String detail) {

	/** How a write ended. */
	public enum Outcome {
		/** Written: a transaction of it committed, with this entry (the detail tells of a failure after that). */
		DONE,
		/** Refused: not signed in, not allowed, or invalid input; nothing written. */
		REFUSED,
		/** Failed: an error on the server's side; nothing written. */
		FAILED
	}

	static final String PROJECTION = "e {.id, at: toString(e.at), .actor, .organisationKind, .organisationId, "
			+ ".source, .operation, .entityIds, .outcome, .contentHash, .version, .detail}";

	static AuditEntry of(Value v) {
		return new AuditEntry(v.get("id").asString(), v.get("at").asString(), v.get("actor").asString(),
				v.get("organisationKind").asString(null), v.get("organisationId").asString(null),
				v.get("source").asString(), v.get("operation").asString(),
				v.get("entityIds").isNull() ? List.of() : v.get("entityIds").asList(Value::asString),
				Outcome.valueOf(v.get("outcome").asString()), v.get("contentHash").asString(null),
				v.get("version").isNull() ? null : v.get("version").asInt(), v.get("detail").asString(null));
	}
}
