package org.abilitymap.imports;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Repository;

/**
 * The Cypher of staged imports: the {@code ImportRun} node that stands for an import while it writes, and the
 * {@code Staged} nodes it writes, which carry no label any read looks for until the run publishes them.
 */
@Repository
class StagedImportRepository {

	private static final String BEGIN_RUN = """
			CREATE (:ImportRun {id: $id, format: $format, source: $source, startedBy: $startedBy,
			        startedAt: datetime(), aliveAt: datetime()})
			""";

	private static final String TOUCH_RUN = """
			MATCH (r:ImportRun {id: $id})
			SET r.aliveAt = datetime()
			""";

	/** Run by the publishing transaction: a run that is gone was taken for abandoned, and must not publish. */
	private static final String END_RUN = """
			OPTIONAL MATCH (r:ImportRun {id: $id})
			DELETE r
			RETURN r IS NOT NULL AS ended
			""";

	private static final String DELETE_RUN = """
			MATCH (r:ImportRun {id: $id})
			DELETE r
			""";

	/** Part of what a run staged, so that removing a large run never needs one large transaction. */
	private static final String REMOVE_STAGED = """
			MATCH (n:Staged {stagedIn: $id})
			WITH n LIMIT $limit
			DETACH DELETE n
			RETURN count(*) AS removed
			""";

	/** Every run in the graph, with how long ago it last said it was alive. */
	private static final String RUNS = """
			MATCH (r:ImportRun)
			RETURN r.id AS id, r.format AS format, r.source AS source, r.startedBy AS startedBy,
			       toString(r.startedAt) AS startedAt, duration.inSeconds(r.aliveAt, datetime()).seconds AS silent
			ORDER BY r.startedAt
			""";

	/** Staged nodes whose run node is gone (a removal that stopped half-way), grouped by the run they name. */
	private static final String ORPHANED_RUNS = """
			MATCH (n:Staged)
			WHERE NOT EXISTS { MATCH (:ImportRun {id: n.stagedIn}) }
			RETURN DISTINCT n.stagedIn AS id
			""";

	/** An import run as the graph holds it. */
	record RunNode(String id, String format, String source, String startedBy, String startedAt, long silentSeconds) {
	}

	void begin(TransactionContext tx, String id, String format, String source, String startedBy) {
		tx.run(BEGIN_RUN, Map.of("id", id, "format", format, "source", source, "startedBy", startedBy)).consume();
	}

	void touch(TransactionContext tx, String id) {
		tx.run(TOUCH_RUN, Map.of("id", id)).consume();
	}

	boolean end(TransactionContext tx, String id) {
		return tx.run(END_RUN, Map.of("id", id)).single().get("ended").asBoolean();
	}

	void delete(TransactionContext tx, String id) {
		tx.run(DELETE_RUN, Map.of("id", id)).consume();
	}

	long removeStaged(TransactionContext tx, String id, int limit) {
		return tx.run(REMOVE_STAGED, Map.of("id", id, "limit", limit)).single().get("removed").asLong();
	}

	List<RunNode> runs(TransactionContext tx) {
		return tx.run(RUNS).list(r -> new RunNode(r.get("id").asString(), r.get("format").asString(),
				r.get("source").asString(), r.get("startedBy").asString(), r.get("startedAt").asString(),
				r.get("silent").asLong()));
	}

	List<String> orphanedRuns(TransactionContext tx) {
		return tx.run(ORPHANED_RUNS).list(r -> r.get("id").asString());
	}
}
