package org.abilitymap.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.abilitymap.accounts.Actor;
import org.abilitymap.accounts.Rights;
import org.abilitymap.accounts.Role;
import org.abilitymap.audit.AuditEntry.Outcome;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.support.graphql.InvalidArgumentException;
import org.abilitymap.support.neo4j.Graph;
import org.abilitymap.support.neo4j.Rows;
import org.abilitymap.support.neo4j.WriteJournal;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;

/**
 * Appends an entry for every write and lists them, each write's entry committing in the write's own transaction.
 *
 * <p>While a write is open ({@link #begin}) its {@link WriteJournal} is bound to the thread, and each write
 * transaction that {@link Graph#write} runs there (or on the writer threads of
 * {@link org.abilitymap.support.neo4j.ConcurrentWrites}) records the entry just before its commit: the first one to
 * commit creates it, done, with actor, organisation, operation and what {@link AuditScope} holds so far; a later
 * transaction of the same write (an import in batches) adds the ids noted since to that same entry. A crash thus
 * leaves no committed write without its entry, and a transaction that is retried or rolled back leaves nothing of its
 * own, not even the ids it noted. When the write ends, an entry already written stays done; should the write fail or
 * be refused after a transaction of it committed, the entry's detail says so ("Committed, then failed: …") instead
 * of a second, contradictory entry. A write that committed nothing (refused, failed, or one that needed no
 * transaction) is recorded when it ends, in a transaction of its own. Nothing changes an entry after its write ended.
 * Inside {@link Graph#inOneTransaction} (one import run of many documents) each write's entry is written in that one
 * transaction and commits with it, or is rolled back with it; a refusal's entry stays even then.
 */
@Service
public class AuditTrail {

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	private static final int MAX_DETAIL = 500;

	/** Where a write came from. */
	public enum Source {
		/** A GraphQL mutation. */
		GRAPHQL,
		/** A REST upload. */
		REST,
		/** The command line. */
		CLI,
		/** A login. */
		LOGIN,
		/** The application itself (the demo data). */
		SYSTEM
	}

	private final Graph graph;

	private final AuditRepository repository;

	AuditTrail(Graph graph, AuditRepository repository) {
		this.graph = graph;
		this.repository = repository;
	}

	/**
	 * Runs a write and records it: done when it returns, refused when it is refused (not signed in, not allowed,
	 * invalid input), failed on any other exception, which is rethrown.
	 */
	public <T> T record(Source source, String operation, Supplier<T> write) {
		Object begun = begin(source, operation);
		T result;
		try {
			result = write.get();
		}
		catch (RuntimeException ex) {
			end(begun, outcomeOf(ex), ex.getMessage());
			throw ex;
		}
		end(begun, Outcome.DONE, null);
		return result;
	}

	/**
	 * Opens the scope of a write whose outcome is decided by its caller (see {@link #end}); from here on its
	 * transactions on this thread record its entry as they commit.
	 */
	public Object begin(Source source, String operation) {
		AuditScope.Details previous = AuditScope.current();
		Journal journal = new Journal(source, operation, Rights.current().orElse(null), AuditScope.open());
		return new Open(previous, WriteJournal.bind(journal), journal);
	}

	/** Records the write begun with {@link #begin} with its outcome, and closes its scope. */
	public void end(Object begun, Outcome outcome, String detail) {
		Open open = (Open) begun;
		AuditScope.close(open.previousDetails());
		WriteJournal.bind(open.previousJournal());
		finish(open.journal(), Rights.current().orElse(open.journal().actor), outcome, detail);
	}

	/**
	 * Closes the scope of a write begun with {@link #begin} whose outcome is known only later, keeping what it
	 * touched for {@link #endLater}; its transactions from here on, on other threads, are not journalled.
	 */
	public Object detach(Object begun) {
		Open open = (Open) begun;
		AuditScope.close(open.previousDetails());
		WriteJournal.bind(open.previousJournal());
		return new Detached(open.journal(), Rights.current().orElse(open.journal().actor));
	}

	/** Records a write detached with {@link #detach}, once its outcome is known (on any thread). */
	public void endLater(Object detached, Outcome outcome, String detail) {
		Detached write = (Detached) detached;
		finish(write.journal(), write.actor(), outcome, detail);
	}

	/** Records a write that happened without a scope, such as a failed login; {@code actor} may be null. */
	public void recordEvent(Source source, String operation, Actor actor, List<String> entityIds, Outcome outcome,
			String detail) {
		append(entry(UUID.randomUUID().toString(), actor, source, operation,
				new AuditScope.Snapshot(List.copyOf(entityIds), null, null), outcome, shortened(detail), null));
	}

	/** How an exception ends a write. */
	public static Outcome outcomeOf(Throwable ex) {
		return ex instanceof AccessDeniedException || ex instanceof AuthenticationException
				|| ex instanceof InvalidDocumentException || ex instanceof InvalidArgumentException ? Outcome.REFUSED
						: Outcome.FAILED;
	}

	/**
	 * The entries matching a filter, newest first. Auditors and admins see every entry; any other account only those
	 * of its own organisation. What the caller may see is fixed here, so the listing can be read on another thread.
	 */
	public Listing listing(AuditFilter filter) {
		return new Listing(parameters(visible(filter)));
	}

	/** The entries of one filter, as fixed for one caller by {@link #listing}. */
	public final class Listing {

		private final java.util.Map<String, Object> parameters;

		private Listing(java.util.Map<String, Object> parameters) {
			this.parameters = parameters;
		}

		/** A page of entries, newest first. */
		public List<AuditEntry> page(long offset, int limit) {
			return graph.read(tx -> repository.page(tx, parameters, offset, limit));
		}

		/** How many entries match. */
		public long count() {
			return graph.read(tx -> repository.count(tx, parameters));
		}
	}

	private static AuditFilter visible(AuditFilter filter) {
		Actor actor = Rights.requireActor();
		if (actor.system() || actor.hasRole(Role.AUDITOR) || actor.hasRole(Role.ADMIN)) {
			return filter;
		}
		return filter.ofOrganisation(actor.organisationId());
	}

	private static java.util.Map<String, Object> parameters(AuditFilter filter) {
		return AuditRepository.parameters(filter, instant(filter.from(), "from", false), instant(filter.to(), "to", true));
	}

	/** A date means its first moment, or for {@code to} the first moment of the next day. */
	private static String instant(String text, String argument, boolean end) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		try {
			if (value.length() == 10) {
				LocalDate date = LocalDate.parse(value);
				return (end ? date.plusDays(1) : date) + "T00:00:00Z";
			}
			return java.time.OffsetDateTime.parse(value).toString();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidArgumentException(argument, "'" + argument + "' is a date (2026-12-07) or a date-time "
					+ "with its offset (2026-12-07T08:30:00Z), not '" + value + "'.");
		}
	}

	/**
	 * Records how a write ended, unless the entry its transactions wrote already says all: an entry written with the
	 * write gets the ids noted after its last transaction and, when the write then failed, the failure as its detail.
	 */
	private void finish(Journal journal, Actor actor, Outcome outcome, String detail) {
		AuditScope.Snapshot details = journal.details.snapshot();
		boolean written = journal.written();
		if (written && outcome == Outcome.DONE && journal.covers(details)) {
			return;
		}
		String text = shortened(detail);
		String then = outcome == Outcome.DONE ? null
				: shortened("Committed, then " + (outcome == Outcome.REFUSED ? "refused" : "failed")
						+ (text == null ? "." : ": " + text));
		if (written && then != null) {
			log.warn("{} {} committed, then ended {}: {}", journal.source, journal.operation, outcome, text);
		}
		// Merged by id: should a transaction have committed although the driver reported a failure, its entry is
		// completed here rather than doubled.
		append(entry(journal.id, actor, journal.source, journal.operation, details, outcome, text, then));
	}

	private static String shortened(String detail) {
		return detail == null ? null : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
	}

	/**
	 * The parameters of an entry: created with these values, or, when an entry of that id is there already, given
	 * the ids it lacks, the document's hash and version, and {@code then} as its detail when not null.
	 */
	private static Map<String, Object> entry(String id, Actor actor, Source source, String operation,
			AuditScope.Snapshot details, Outcome outcome, String detail, String then) {
		return Rows.of("id", id, "actor", actor == null ? "anonymous" : actor.username(), "organisationKind",
				actor == null || actor.organisationKind() == null ? null : actor.organisationKind().name(),
				"organisationId", actor == null ? null : actor.organisationId(), "source", source.name(), "operation",
				operation, "entityIds", details.entityIds(), "outcome", outcome.name(), "contentHash",
				details.contentHash(), "version", details.version(), "detail", detail, "then", then);
	}

	/**
	 * Writes an entry in a transaction of its own, which no open write's journal records. Inside
	 * {@link Graph#inOneTransaction} the entry of a write that was done joins that transaction, to commit or roll back
	 * with the write it records; any other entry (a refusal, a failure) is kept apart, so that it stays.
	 */
	private void append(Map<String, Object> entry) {
		WriteJournal open = WriteJournal.bind(null);
		try {
			TransactionCallback<Object> write = tx -> {
				repository.record(tx, entry);
				return null;
			};
			if (Outcome.DONE.name().equals(entry.get("outcome"))) {
				graph.write(write);
			}
			else {
				graph.writeApart(write);
			}
		}
		catch (RuntimeException ex) {
			// The write itself has ended either way; a lost entry is logged rather than turned into its failure.
			log.error("Could not record the audit entry of {} {} ({})", entry.get("source"), entry.get("operation"),
					entry.get("outcome"), ex);
		}
		finally {
			WriteJournal.bind(open);
		}
	}

	/**
	 * The entry of one open write, recorded by each of its transactions that has something to add: the first one to
	 * commit creates it, later ones add to it. Shared by the writer threads of the write, hence synchronised.
	 */
	private final class Journal implements WriteJournal {

		private final String id = UUID.randomUUID().toString();

		private final Source source;

		private final String operation;

		private final Actor actor;

		private final AuditScope.Details details;

		/** What committed transactions have recorded; {@code null} until one has. */
		private Set<String> recordedIds;

		private String recordedHash;

		private Integer recordedVersion;

		Journal(Source source, String operation, Actor actor, AuditScope.Details details) {
			this.source = source;
			this.operation = operation;
			this.actor = actor;
			this.details = details;
		}

		@Override
		public Run start() {
			return new JournalRun(this, details.snapshot());
		}

		/** Records the entry in {@code tx}, unless committed transactions have recorded all of it already. */
		AuditScope.Snapshot record(TransactionContext tx) {
			AuditScope.Snapshot now = details.snapshot();
			if (covers(now)) {
				return null;
			}
			repository.record(tx, entry(id, Rights.current().orElse(actor), source, operation, now, Outcome.DONE, null,
					null));
			return now;
		}

		synchronized boolean written() {
			return recordedIds != null;
		}

		synchronized boolean covers(AuditScope.Snapshot now) {
			return recordedIds != null && recordedIds.containsAll(now.entityIds())
					&& Objects.equals(recordedHash, now.contentHash()) && Objects.equals(recordedVersion, now.version());
		}

		synchronized void committed(AuditScope.Snapshot recorded) {
			if (recordedIds == null) {
				recordedIds = new HashSet<>();
			}
			recordedIds.addAll(recorded.entityIds());
			recordedHash = recorded.contentHash();
			recordedVersion = recorded.version();
		}
	}

	/** One run of a write transaction's work: what it recorded counts only once its transaction has committed. */
	private static final class JournalRun implements WriteJournal.Run {

		private final Journal journal;

		private final AuditScope.Snapshot before;

		private AuditScope.Snapshot recorded;

		JournalRun(Journal journal, AuditScope.Snapshot before) {
			this.journal = journal;
			this.before = before;
		}

		@Override
		public void record(TransactionContext tx) {
			recorded = journal.record(tx);
		}

		@Override
		public void committed() {
			if (recorded != null) {
				journal.committed(recorded);
			}
		}

		@Override
		public void rolledBack() {
			journal.details.restore(before);
		}
	}

	private record Open(AuditScope.Details previousDetails, WriteJournal previousJournal, Journal journal) {
	}

	private record Detached(Journal journal, Actor actor) {
	}
}
