package org.abilitymap.imports;

import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.abilitymap.accounts.Actor;
import org.abilitymap.accounts.Rights;
import org.abilitymap.support.neo4j.Graph;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps an import that writes in many transactions invisible until it is complete: it creates its new nodes with
 * the one label {@code Staged} (no label any read looks for) under an {@code ImportRun}, links them only to each
 * other, and gives them their real labels in one short publishing transaction; a failed run removes what it staged,
 * and what a killed one left is removed at the next start.
 */
@Service
public class StagedImports {

	private static final Logger log = LoggerFactory.getLogger(StagedImports.class);

	/** How often a running import says it is alive. */
	static final long HEARTBEAT_SECONDS = 10;

	/** How long a run may be silent before another instance takes it for abandoned. */
	static final long ABANDONED_AFTER_SECONDS = 60;

	/** Staged nodes removed per transaction. */
	private static final int REMOVE_PER_TRANSACTION = 10_000;

	private final Graph graph;

	private final StagedImportRepository repository;

	private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(work -> {
		Thread thread = new Thread(work, "import-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	StagedImports(Graph graph, StagedImportRepository repository) {
		this.graph = graph;
		this.repository = repository;
	}

	/**
	 * Starts a run: its id goes into every node the import stages ({@code stagedIn}), and it stays alive until
	 * closed.
	 *
	 * @param format the import format, as its command names it ({@code esco})
	 * @param source what is imported, for a person reading the log (a file name, a version)
	 */
	public Run begin(String format, String source) {
		String id = UUID.randomUUID().toString();
		String startedBy = Rights.current().map(Actor::username).orElse("unknown");
		graph.write(tx -> {
			repository.begin(tx, id, format, source, startedBy);
			return true;
		});
		return new Run(id, format, source);
	}

	/**
	 * Removes what unfinished runs staged, with their run nodes, and says in the log which it removed and which it
	 * left to the instance still running them.
	 *
	 * @param exclusive whether this process is the only one using the database (the embedded one), so that every
	 *     run in it was left by a process that stopped; otherwise only runs silent for a minute are removed
	 * @return how many runs were removed
	 */
	public int removeUnfinished(boolean exclusive) {
		int removed = 0;
		for (StagedImportRepository.RunNode run : graph.read(repository::runs)) {
			if (exclusive || run.silentSeconds() > ABANDONED_AFTER_SECONDS) {
				long nodes = removeStaged(run.id());
				graph.write(tx -> {
					repository.delete(tx, run.id());
					return true;
				});
				removed++;
				log.warn("Removed the unfinished {} import of {} begun at {} by {}: {} staged nodes, which no reader "
						+ "ever saw. Import the same files again to complete it.", run.format(), run.source(),
						run.startedAt(), run.startedBy(), nodes);
			}
			else {
				log.info("The {} import of {} begun at {} by {} is still running elsewhere (alive {} s ago); what it "
						+ "has staged is left to it.", run.format(), run.source(), run.startedAt(), run.startedBy(),
						run.silentSeconds());
			}
		}
		for (String orphan : graph.read(repository::orphanedRuns)) {
			long nodes = removeStaged(orphan);
			removed++;
			log.warn("Removed {} staged nodes of an import whose removal had stopped half-way", nodes);
		}
		return removed;
	}

	private long removeStaged(String runId) {
		long total = 0;
		for (long removed = -1; removed != 0;) {
			removed = graph.write(tx -> repository.removeStaged(tx, runId, REMOVE_PER_TRANSACTION));
			total += removed;
		}
		return total;
	}

	/** One import while it writes: alive while open, then published or abandoned. */
	public final class Run implements AutoCloseable {

		private final String id;

		private final String format;

		private final String source;

		private final ScheduledFuture<?> heartbeat;

		private Run(String id, String format, String source) {
			this.id = id;
			this.format = format;
			this.source = source;
			this.heartbeat = heartbeats.scheduleWithFixedDelay(this::touch, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
					TimeUnit.SECONDS);
		}

		/** What the import's staging statements take as {@code $run}, and its staged nodes as {@code stagedIn}. */
		public String id() {
			return id;
		}

		/**
		 * Ends the run inside the transaction that publishes its nodes, so that both commit or neither does.
		 *
		 * @throws IllegalStateException when another instance took the run for abandoned and removed it
		 */
		public void endIn(TransactionContext tx) {
			if (!repository.end(tx, id)) {
				throw new IllegalStateException("The " + format + " import of " + source + " was silent for over "
						+ ABANDONED_AFTER_SECONDS + " s and was removed as abandoned; import it again.");
			}
		}

		/** Removes what the run staged and the run itself, after a failure; returns how many nodes it removed. */
		public long abandon() {
			long nodes = removeStaged(id);
			graph.write(tx -> {
				repository.delete(tx, id);
				return true;
			});
			return nodes;
		}

		private void touch() {
			try {
				graph.write(tx -> {
					repository.touch(tx, id);
					return true;
				});
			}
			catch (RuntimeException ex) {
				log.debug("Could not mark the {} import of {} alive", format, source, ex);
			}
		}

		/** Stops saying the run is alive. */
		@Override
		public void close() {
			heartbeat.cancel(false);
		}
	}
}
