package org.abilitymap.audit;

import java.util.List;
import java.util.Map;

import org.abilitymap.support.neo4j.Rows;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Repository;

/** The Cypher of the audit trail: entries are only ever created, never changed or deleted. */
@Repository
class AuditRepository {

	private static final String APPEND = """
			CREATE (e:AuditEntry {id: randomUUID(), at: datetime(), actor: $actor, organisationKind: $organisationKind,
			                      organisationId: $organisationId, source: $source, operation: $operation,
			                      entityIds: $entityIds, outcome: $outcome, contentHash: $contentHash,
			                      version: $version, detail: $detail})
			""";

	private static final String MATCHING = """
			MATCH (e:AuditEntry)
			WHERE ($actor IS NULL OR e.actor = $actor)
			  AND ($organisationId IS NULL OR e.organisationId = $organisationId)
			  AND ($entityId IS NULL OR $entityId IN e.entityIds)
			  AND ($operation IS NULL OR e.operation = $operation)
			  AND ($outcome IS NULL OR e.outcome = $outcome)
			  AND ($from IS NULL OR e.at >= datetime($from))
			  AND ($to IS NULL OR e.at < datetime($to))
			""";

	private static final String PAGE = MATCHING + """
			RETURN %s AS item
			ORDER BY e.at DESC, e.id
			SKIP $offset LIMIT $limit
			""".formatted(AuditEntry.PROJECTION);

	private static final String COUNT = MATCHING + "RETURN count(e) AS total";

	void append(TransactionContext tx, Map<String, Object> entry) {
		tx.run(APPEND, entry).consume();
	}

	List<AuditEntry> page(TransactionContext tx, Map<String, Object> filter, long offset, int limit) {
		Map<String, Object> parameters = new java.util.HashMap<>(filter);
		parameters.put("offset", offset);
		parameters.put("limit", limit);
		return tx.run(PAGE, parameters).list(r -> AuditEntry.of(r.get("item")));
	}

	long count(TransactionContext tx, Map<String, Object> filter) {
		return tx.run(COUNT, filter).single().get("total").asLong();
	}

	static Map<String, Object> parameters(AuditFilter filter, String from, String to) {
		return Rows.of("actor", filter.actor(), "organisationId", filter.organisationId(), "entityId",
				filter.entityId(), "operation", filter.operation(), "outcome", filter.outcome(), "from", from, "to", to);
	}
}
