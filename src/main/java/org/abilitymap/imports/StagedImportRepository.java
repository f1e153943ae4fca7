package org.abilitymap.imports;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Repository;

/**
 * The Cypher of staged imports: the {@code ImportRun} node that stands for an import of one format while it writes,
 * and the nodes it stages, which carry the label {@code Staged} and their format's label (never a label any read
 * looks for) until the run publishes them.
 */
@Repository
class StagedImportRepository {

	/** The format's run, if one is in the graph, with how long ago it last said it was alive. */
	private static final String RUN_OF_FORMAT = """
			MATCH (r:ImportRun {format: $format})
			RETURN r.id AS id, r.format AS format, r.stagedLabel AS stagedLabel, r.source AS source,
			       r.startedBy AS startedBy, toString(r.startedAt) AS startedAt,
			       duration.inSeconds(r.aliveAt, datetime()).seconds AS silent
			""";

	/** Every run in the graph, as {@link #RUN_OF_FORMAT} returns one. */
	private static final String RUNS = """
			MATCH (r:ImportRun)
			RETURN r.id AS id, r.format AS format, r.stagedLabel AS stagedLabel, r.source AS source,
			       r.startedBy AS startedBy, toString(r.startedAt) AS startedAt,
			       duration.inSeconds(r.aliveAt, datetime()).seconds AS silent
			ORDER BY r.startedAt
			""";

	/** The format is unique among runs: a second run of one format while the first writes is refused. */
	private static final String BEGIN_RUN = """
			CREATE (:ImportRun {id: $id, format: $format, stagedLabel: $stagedLabel, source: $source,
			        startedBy: $startedBy, startedAt: datetime(), aliveAt: datetime()})
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

	/**
	 * Part of what a run staged, so that removing a large run never needs one large transaction. The placeholder is
	 * the run's staged label, which comes from the importer's code, never from input.
	 */
	private static final String REMOVE_STAGED = """
			MATCH (n:Staged:%s)
			WITH n LIMIT $limit
			DETACH DELETE n
			RETURN count(*) AS removed
			""";

	/** An import run as the graph holds it. */
	record RunNode(String id, String format, String stagedLabel, String source, String startedBy, String startedAt,
			long silentSeconds) {
	}

	Optional<RunNode> runOf(TransactionContext tx, String format) {
		return tx.run(RUN_OF_FORMAT, Map.of("format", format)).list(StagedImportRepository::run).stream().findFirst();
	}

	List<RunNode> runs(TransactionContext tx) {
		return tx.run(RUNS).list(StagedImportRepository::run);
	}

	void begin(TransactionContext tx, String id, String format, String stagedLabel, String source, String startedBy) {
		tx.run(BEGIN_RUN, Map.of("id", id, "format", format, "stagedLabel", stagedLabel, "source", source,
				"startedBy", startedBy)).consume();
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

	long removeStaged(TransactionContext tx, String stagedLabel, int limit) {
		return tx.run(REMOVE_STAGED.formatted(stagedLabel), Map.of("limit", limit)).single().get("removed").asLong();
	}

	private static RunNode run(org.neo4j.driver.Record r) {
		return new RunNode(r.get("id").asString(), r.get("format").asString(), r.get("stagedLabel").asString(),
				r.get("source").asString(), r.get("startedBy").asString(), r.get("startedAt").asString(),
				r.get("silent").asLong());
	}
}
