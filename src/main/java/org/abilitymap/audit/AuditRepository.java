package org.abilitymap.audit;

import java.util.List;
import java.util.Map;

import org.abilitymap.support.neo4j.Rows;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Repository;

/** The Cypher of the audit trail: entries are added to only while their write runs, never deleted. */
@Repository
class AuditRepository {

	/**
	 * Creates the entry of an id, or adds to the one there: the ids it lacks, the document's hash and version, and
	 * {@code $then} as its detail when not null.
	 */
	private static final String RECORD = """
			MERGE (e:AuditEntry {id: $id})
			ON CREATE SET e.at = datetime(), e.actor = $actor, e.organisationKind = $organisationKind,
			              e.organisationId = $organisationId, e.source = $source, e.operation = $operation,
			              e.entityIds = $entityIds, e.outcome = $outcome, e.contentHash = $contentHash,
			              e.version = $version, e.detail = $detail
			ON MATCH SET e.entityIds = e.entityIds + [x IN $entityIds WHERE NOT x IN e.entityIds],
			             e.contentHash = coalesce($contentHash, e.contentHash), e.version = coalesce($version, e.version),
			             e.detail = coalesce($then, e.detail)
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

	void record(TransactionContext tx, Map<String, Object> entry) {
		tx.run(RECORD, entry).consume();
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
