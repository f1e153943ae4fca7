package org.abilitymap.imports;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.abilitymap.accounts.Actor;
import org.abilitymap.accounts.Rights;
import org.abilitymap.audit.AuditEntry.Outcome;
import org.abilitymap.audit.AuditTrail;
import org.abilitymap.audit.AuditTrail.Source;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.support.neo4j.Graph;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps an import that writes in many transactions invisible until it is complete: it creates its new nodes with
 * the label {@code Staged} and a label of its format (no label any read looks for) under an {@code ImportRun}, links
 * them only to each other, and gives them their real labels in one short publishing transaction; a failed run
 * removes what it staged, and what a killed one left is removed at the next start. One run of a format at a time.
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

	private final AuditTrail audit;

	private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(work -> {
		Thread thread = new Thread(work, "import-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	StagedImports(Graph graph, StagedImportRepository repository, AuditTrail audit) {
		this.graph = graph;
		this.repository = repository;
		this.audit = audit;
	}

	/**
	 * Starts a run, after removing what an abandoned run of the format left; it stays alive until closed.
	 *
	 * @param format the import format, for a person reading the log ({@code ESCO})
	 * @param stagedLabel the label every node the run stages carries besides {@code Staged}, and no other staged node
	 *     does (for ESCO, {@code EscoConcept})
	 * @param source what is imported, for a person reading the log (a file name)
	 * @throws InvalidDocumentException with a {@link ProblemCode#CONFLICT} when a run of the format is still alive
	 */
	public Run begin(String format, String stagedLabel, String source) {
		Optional<StagedImportRepository.RunNode> running = graph.write(tx -> repository.runOf(tx, format));
		if (running.isPresent()) {
			StagedImportRepository.RunNode run = running.get();
			if (run.silentSeconds() <= ABANDONED_AFTER_SECONDS) {
				throw new InvalidDocumentException(List.of(new Problem("", ProblemCode.CONFLICT, "An " + format
						+ " import of " + run.source() + " begun at " + run.startedAt() + " by " + run.startedBy()
						+ " is still running; one " + format + " import runs at a time. Import again once it has "
						+ "finished.")));
			}
			remove(run);
		}
		String id = UUID.randomUUID().toString();
		String startedBy = Rights.current().map(Actor::username).orElse("unknown");
		graph.write(tx -> {
			repository.begin(tx, id, format, stagedLabel, source, startedBy);
			return true;
		});
		return new Run(id, format, stagedLabel, source);
	}

	/**
	 * Removes what unfinished runs staged, with their run nodes, and says in the log and the audit trail which it
	 * removed, and in the log which it left to the instance still running them.
	 *
	 * @param exclusive whether this process is the only one using the database (the embedded one), so that every
	 *     run in it was left by a process that stopped; otherwise only runs silent for a minute are removed
	 * @return how many runs were removed
	 */
	public int removeUnfinished(boolean exclusive) {
		int removed = 0;
		for (StagedImportRepository.RunNode run : graph.read(repository::runs)) {
			if (exclusive || run.silentSeconds() > ABANDONED_AFTER_SECONDS) {
				remove(run);
				removed++;
			}
			else {
				log.info("The {} import of {} begun at {} by {} is still running elsewhere (alive {} s ago); what it "
						+ "has staged is left to it.", run.format(), run.source(), run.startedAt(), run.startedBy(),
						run.silentSeconds());
			}
		}
		return removed;
	}

	private void remove(StagedImportRepository.RunNode run) {
		long nodes = removeStaged(run.stagedLabel());
		graph.write(tx -> {
			repository.delete(tx, run.id());
			return true;
		});
		String what = String.format("Removed the unfinished %s import of %s begun at %s by %s: %d staged nodes, "
				+ "which no reader ever saw.", run.format(), run.source(), run.startedAt(), run.startedBy(), nodes);
		audit.recordEvent(Source.SYSTEM, "removeUnfinishedImport", Rights.current().orElse(null), List.of(run.id()),
				Outcome.DONE, what);
		log.warn("{} Import the same files again to complete it.", what);
	}

	private long removeStaged(String stagedLabel) {
		long total = 0;
		for (long removed = -1; removed != 0;) {
			removed = graph.write(tx -> repository.removeStaged(tx, stagedLabel, REMOVE_PER_TRANSACTION));
			total += removed;
		}
		return total;
	}

	/** One import while it writes: alive while open, then published or abandoned. */
	public final class Run implements AutoCloseable {

		private final String id;

		private final String format;

		private final String stagedLabel;

		private final String source;

		private final ScheduledFuture<?> heartbeat;

		private Run(String id, String format, String stagedLabel, String source) {
			this.id = id;
			this.format = format;
			this.stagedLabel = stagedLabel;
			this.source = source;
			this.heartbeat = heartbeats.scheduleWithFixedDelay(this::touch, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
					TimeUnit.SECONDS);
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
			long nodes = removeStaged(stagedLabel);
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
