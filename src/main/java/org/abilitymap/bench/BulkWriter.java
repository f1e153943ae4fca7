package org.abilitymap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.abilitymap.support.neo4j.Graph;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * Writes generated rows with {@code UNWIND $rows} statements of at most {@value #BATCH_ROWS} rows, several statements
 * per write transaction (about {@value #TRANSACTION_ELEMENTS} elements each), in the order they were added, and
 * counts the nodes and relationships they create.
 */
final class BulkWriter {

	static final int BATCH_ROWS = 10_000;

	/** A transaction is committed once its statements are expected to create about this many elements. */
	static final int TRANSACTION_ELEMENTS = 60_000;

	private final Graph graph;

	private final Consumer<String> progress;

	private final List<Statement> pending = new ArrayList<>();

	private long pendingElements;

	private long nodes;

	private long relationships;

	private long batches;

	private long transactions;

	private final long started = System.nanoTime();

	BulkWriter(Graph graph, Consumer<String> progress) {
		this.graph = graph;
		this.progress = progress;
	}

	private record Statement(String cypher, List<Map<String, Object>> rows) {
	}

	/** Queues {@code rows} for {@code cypher} (which reads {@code $rows}); may commit the queued statements. */
	void add(String cypher, List<Map<String, Object>> rows) {
		add(cypher, rows, 2);
	}

	/**
	 * Queues {@code rows} for {@code cypher}, each expected to create about {@code elementsPerRow} nodes and
	 * relationships (which decides when to commit); may commit the queued statements.
	 */
	void add(String cypher, List<Map<String, Object>> rows, int elementsPerRow) {
		for (int from = 0; from < rows.size(); from += BATCH_ROWS) {
			List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + BATCH_ROWS));
			pending.add(new Statement(cypher, batch));
			pendingElements += (long) batch.size() * elementsPerRow;
			if (pendingElements >= TRANSACTION_ELEMENTS) {
				commit();
			}
		}
	}

	/** Writes everything queued in one transaction, then reports the totals so far. */
	void commit() {
		if (pending.isEmpty()) {
			return;
		}
		long[] created = graph.write(tx -> {
			long n = 0;
			long r = 0;
			for (Statement statement : pending) {
				SummaryCounters counters = tx.run(statement.cypher(), Map.of("rows", statement.rows())).consume().counters();
				n += counters.nodesCreated();
				r += counters.relationshipsCreated();
			}
			return new long[] { n, r };
		});
		nodes += created[0];
		relationships += created[1];
		batches += pending.size();
		transactions++;
		pending.clear();
		pendingElements = 0;
		progress.accept(String.format("  %,d elements (%,d nodes, %,d relationships) in %d batches, %d transactions, "
				+ "%.1f s: %,.0f elements/s", nodes + relationships, nodes, relationships, batches, transactions,
				seconds(), (nodes + relationships) / seconds()));
	}

	long nodes() {
		return nodes;
	}

	long relationships() {
		return relationships;
	}

	double seconds() {
		return (System.nanoTime() - started) / 1e9;
	}
}
