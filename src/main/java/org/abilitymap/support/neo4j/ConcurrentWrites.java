package org.abilitymap.support.neo4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.driver.TransactionCallback;

/**
 * Runs independent write transactions a few at a time, so that one transaction's commit overlaps the next one's
 * writing on another core; after the first failure it starts no more of them and reports which ones committed, so
 * that the caller can undo those.
 */
public final class ConcurrentWrites {

	private ConcurrentWrites() {
	}

	/**
	 * What came of a set of transactions.
	 *
	 * @param committed the (non-null) results of the transactions that committed, in the order they were given
	 * @param failure the first failure, or {@code null} when every transaction committed
	 */
	public record Outcome<T>(List<T> committed, RuntimeException failure) {

		public boolean failed() {
			return failure != null;
		}
	}

	/** As many writers as there are cores, up to four: more only queue for Neo4j's commit. */
	public static int defaultWriters() {
		return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
	}

	/**
	 * Runs every unit in its own write transaction (retried on transient failures, as {@link Graph#write} does) on
	 * up to {@code writers} threads named after {@code name}, and waits for all of them. A unit not yet started when
	 * another fails is skipped. The calling thread's {@link WriteJournal} journals every unit's transaction.
	 */
	public static <T> Outcome<T> run(Graph graph, List<TransactionCallback<T>> units, int writers, String name) {
		AtomicInteger threads = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(writers, units.size())), work -> {
			Thread thread = new Thread(work, name + "-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		AtomicReference<RuntimeException> failure = new AtomicReference<>();
		// The caller's journal records the transactions of the writer threads too.
		WriteJournal journal = WriteJournal.current();
		try {
			List<Future<Optional<T>>> futures = new ArrayList<>();
			for (TransactionCallback<T> unit : units) {
				futures.add(pool.submit(() -> {
					if (failure.get() != null) {
						return Optional.empty();
					}
					WriteJournal previous = WriteJournal.bind(journal);
					try {
						return Optional.ofNullable(graph.write(unit));
					}
					catch (RuntimeException ex) {
						failure.compareAndSet(null, ex);
						throw ex;
					}
					finally {
						WriteJournal.bind(previous);
					}
				}));
			}
			List<T> committed = new ArrayList<>();
			boolean interrupted = false;
			for (Future<Optional<T>> future : futures) {
				while (true) {
					try {
						future.get().ifPresent(committed::add);
						break;
					}
					catch (InterruptedException ex) {
						// The transactions already running must end before the caller can tell what to undo.
						interrupted = true;
						failure.compareAndSet(null, new IllegalStateException("Interrupted while writing", ex));
					}
					catch (ExecutionException ex) {
						if (ex.getCause() instanceof Error error) {
							throw error;
						}
						break;
					}
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
			return new Outcome<>(committed, failure.get());
		}
		finally {
			pool.shutdown();
		}
	}
}
