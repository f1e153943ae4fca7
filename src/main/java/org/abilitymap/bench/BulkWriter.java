package org.abilitymap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.abilitymap.support.neo4j.Graph;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * Writes generated rows with {@code UNWIND $rows} statements of at most {@value #BATCH_ROWS} rows, several statements
 * per write transaction (about {@value #TRANSACTION_ELEMENTS} elements each), in the order they were added, and
 * counts the nodes and relationships they create. Transactions are written one at a time by a writer thread, so
 * that the generator makes the next transaction's rows while the database writes the last one.
 */
final class BulkWriter implements AutoCloseable {

	static final int BATCH_ROWS = 10_000;

	/** A transaction is committed once its statements are expected to create about this many elements. */
	static final int TRANSACTION_ELEMENTS = 150_000;

	private final Graph graph;

	private final Consumer<String> progress;

	private final List<Statement> pending = new ArrayList<>();

	private long pendingElements;

	private long nodes;

	private long relationships;

	private long batches;

	private long transactions;

	private final long started = System.nanoTime();

	private final ExecutorService writerThread = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "bench-writer");
		thread.setDaemon(true);
		return thread;
	});

	/** The transaction being written; at most one is, while the generator fills the next. */
	private Future<?> inFlight = CompletableFuture.completedFuture(null);

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

	/**
	 * Writes everything queued so far and waits until it is committed, so that what follows can read it; reports
	 * the totals.
	 */
	void commit() {
		send();
		await(inFlight);
	}

	/** Hands the queued statements to the writer thread as one transaction, once the one before is committed. */
	private void send() {
		if (pending.isEmpty()) {
			return;
		}
		List<Statement> statements = List.copyOf(pending);
		pending.clear();
		pendingElements = 0;
		await(inFlight);
		inFlight = writerThread.submit(() -> write(statements));
	}

	private void write(List<Statement> statements) {
		long[] created = graph.write(tx -> {
			long n = 0;
			long r = 0;
			for (Statement statement : statements) {
				SummaryCounters counters = tx.run(statement.cypher(), Map.of("rows", statement.rows())).consume().counters();
				n += counters.nodesCreated();
				r += counters.relationshipsCreated();
			}
			return new long[] { n, r };
		});
		nodes += created[0];
		relationships += created[1];
		batches += statements.size();
		transactions++;
		progress.accept(String.format("  %,d elements (%,d nodes, %,d relationships) in %d batches, %d transactions, "
				+ "%.1f s: %,.0f elements/s", nodes + relationships, nodes, relationships, batches, transactions,
				seconds(), (nodes + relationships) / seconds()));
	}

	private static void await(Future<?> transaction) {
		try {
			transaction.get();
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while writing the province", ex);
		}
	}

	/** Stops the writer thread; call {@link #commit()} first to keep what is queued. */
	@Override
	public void close() {
		writerThread.shutdownNow();
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
