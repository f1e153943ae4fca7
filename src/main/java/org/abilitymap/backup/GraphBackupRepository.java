package org.abilitymap.backup;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Repository;

/** The queries of a graph backup: everything out in one read, and back in batches. */
@Repository
class GraphBackupRepository {

	/**
	 * What a backup leaves out: the migration history and the server secrets, which every database has of its own,
	 * the marker of a restore that is running, and what imports running meanwhile have staged but not published.
	 */
	static final String KEPT_APART = """
			any(label IN labels(n) WHERE label STARTS WITH '__Liquibase'
			    OR label IN ['ServerSecret', 'RestoreInProgress', 'Staged', 'ImportRun'])""";

	private static final String COUNTS = """
			CALL () { MATCH (n) WHERE NOT %1$s RETURN count(n) AS nodes }
			CALL () { MATCH (n)-[r]->(m) WHERE NOT %1$s AND NOT %2$s RETURN count(r) AS relationships }
			RETURN nodes, relationships
			""".formatted(KEPT_APART, KEPT_APART.replace("(n)", "(m)"));

	private static final String ALL_NODES = """
			MATCH (n) WHERE NOT %s
			RETURN elementId(n) AS element, labels(n) AS labels, properties(n) AS properties
			""".formatted(KEPT_APART);

	private static final String ALL_RELATIONSHIPS = """
			MATCH (n)-[r]->(m) WHERE NOT %s AND NOT %s
			RETURN elementId(n) AS from, type(r) AS type, elementId(m) AS to, properties(r) AS properties
			""".formatted(KEPT_APART, KEPT_APART.replace("(n)", "(m)"));

	/** Nodes a restore would collide with: anything but migrations, secrets and the target's own audit entries. */
	private static final String CONTENT_NODES = """
			MATCH (n) WHERE NOT %s AND NOT n:AuditEntry
			RETURN count(n) AS count
			""".formatted(KEPT_APART);

	private static final String INTERRUPTED_RESTORE = """
			MATCH (marker:RestoreInProgress) RETURN marker.file AS file, toString(marker.startedAt) AS startedAt
			""";

	private static final String DELETE_LEFTOVERS = """
			MATCH (n) WHERE (NOT %s AND NOT n:AuditEntry) OR (n:AuditEntry AND n.id IN $auditEntryIds)
			WITH n LIMIT $batch
			DETACH DELETE n
			RETURN count(*) AS deleted
			""".formatted(KEPT_APART);

	private static final String MARK_RESTORE = """
			MERGE (marker:RestoreInProgress {id: 'graph-restore'})
			SET marker.file = $file, marker.startedAt = datetime()
			""";

	private static final String UNMARK_RESTORE = """
			MATCH (marker:RestoreInProgress) DELETE marker
			""";

	private static final String CREATE_NODES = """
			UNWIND $rows AS row
			CREATE (n:$(row.labels))
			SET n = row.properties
			RETURN row.key AS key, elementId(n) AS element
			""";

	private static final String CREATE_RELATIONSHIPS = """
			UNWIND $rows AS row
			MATCH (from) WHERE elementId(from) = row.from
			MATCH (to) WHERE elementId(to) = row.to
			CREATE (from)-[r:$(row.type)]->(to)
			SET r = row.properties
			RETURN count(r) AS created
			""";

	record Counts(long nodes, long relationships) {
	}

	Counts counts(TransactionContext tx) {
		Record counts = tx.run(COUNTS).single();
		return new Counts(counts.get("nodes").asLong(), counts.get("relationships").asLong());
	}

	void eachNode(TransactionContext tx, Consumer<Record> node) {
		tx.run(ALL_NODES).forEachRemaining(node);
	}

	void eachRelationship(TransactionContext tx, Consumer<Record> relationship) {
		tx.run(ALL_RELATIONSHIPS).forEachRemaining(relationship);
	}

	long contentNodes(TransactionContext tx) {
		return tx.run(CONTENT_NODES).single().get("count").asLong();
	}

	/** The file and start of a restore that did not finish, if one did not. */
	java.util.Optional<String> interruptedRestore(TransactionContext tx) {
		return tx.run(INTERRUPTED_RESTORE).list(r -> r.get("file").asString("?") + " (started " + r.get("startedAt")
			.asString("?") + ")").stream().findFirst();
	}

	long deleteLeftovers(TransactionContext tx, List<String> auditEntryIds, int batch) {
		return tx.run(DELETE_LEFTOVERS, Map.of("auditEntryIds", auditEntryIds, "batch", batch)).single()
			.get("deleted").asLong();
	}

	void markRestore(TransactionContext tx, String file) {
		tx.run(MARK_RESTORE, Map.of("file", file)).consume();
	}

	void unmarkRestore(TransactionContext tx) {
		tx.run(UNMARK_RESTORE).consume();
	}

	/** Creates nodes; answers each row's key with the element id of its new node. */
	Map<Long, String> createNodes(TransactionContext tx, List<Map<String, Object>> rows) {
		Map<Long, String> elements = new java.util.HashMap<>();
		tx.run(CREATE_NODES, Map.of("rows", rows))
			.forEachRemaining(r -> elements.put(r.get("key").asLong(), r.get("element").asString()));
		return elements;
	}

	long createRelationships(TransactionContext tx, List<Map<String, Object>> rows) {
		return tx.run(CREATE_RELATIONSHIPS, Map.of("rows", rows)).single().get("created").asLong();
	}
}
