package org.abilitymap.support.neo4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.RetryableException;

/**
 * Runs parameterised Cypher in managed read and write transactions, and single read queries as auto-commit
 * transactions, against the configured database; the one place repositories get a session from.
 */
public final class Graph {

	/** How long a failing read query is retried, as the driver does for managed transactions. */
	private static final long MAX_RETRY_NANOS = 30_000_000_000L;

	/**
	 * How often a write that broke a uniqueness constraint is run in all: two transactions creating the same new
	 * node at once is a race the loser wins by running again, while a write that breaks a constraint by itself fails
	 * every time, so a few runs suffice.
	 */
	private static final int CONSTRAINT_ATTEMPTS = 5;

	private static final String CONSTRAINT_FAILED = "Neo.ClientError.Schema.ConstraintValidationFailed";

	private final Driver driver;

	private final SessionConfig sessionConfig;

	private final SessionConfig readOnlyConfig;

	private final AtomicLong transactions = new AtomicLong();

	Graph(Driver driver, String database) {
		this.driver = driver;
		this.sessionConfig = database == null ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
		SessionConfig.Builder readOnly = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ);
		this.readOnlyConfig = (database == null ? readOnly : readOnly.withDatabase(database)).build();
	}

	/** Runs {@code work} in one read transaction, retried on transient failures. */
	public <T> T read(TransactionCallback<T> work) {
		transactions.incrementAndGet();
		try (var session = driver.session(sessionConfig)) {
			return session.executeRead(work);
		}
	}

	/**
	 * Runs {@code work} in one write transaction; any exception rolls everything back. With a {@link WriteJournal}
	 * bound to this thread the journal records the write in the same transaction, after the work and before the
	 * commit: a write that cannot be recorded is not made, and a crash leaves both or neither. Transient failures
	 * (deadlocks) are retried by the driver; a write that lost the race to create a node a uniqueness constraint
	 * allows once is run again from the start, a few times at most, so {@code work} must be safe to run again.
	 */
	public <T> T write(TransactionCallback<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return writeOnce(work);
			}
			catch (ClientException ex) {
				if (attempt == CONSTRAINT_ATTEMPTS || !CONSTRAINT_FAILED.equals(ex.code())) {
					throw ex;
				}
				// another transaction committed the same new node (a point of the same name, say) first: run the
				// whole work again, which now finds that node instead of creating it
				sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
			}
		}
	}

	private <T> T writeOnce(TransactionCallback<T> work) {
		transactions.incrementAndGet();
		WriteJournal journal = WriteJournal.current();
		try (var session = driver.session(sessionConfig)) {
			if (journal == null) {
				return session.executeWrite(work);
			}
			return journalled(session, work, journal);
		}
	}

	/** The driver may run the work more than once; only the run whose transaction committed counts. */
	private static <T> T journalled(Session session, TransactionCallback<T> work, WriteJournal journal) {
		AtomicReference<WriteJournal.Run> last = new AtomicReference<>();
		T result;
		try {
			result = session.executeWrite(tx -> {
				WriteJournal.Run earlier = last.getAndSet(null);
				if (earlier != null) {
					earlier.rolledBack();
				}
				WriteJournal.Run run = journal.start();
				last.set(run);
				T value = work.execute(tx);
				run.record(tx);
				return value;
			});
		}
		catch (RuntimeException | Error ex) {
			WriteJournal.Run run = last.getAndSet(null);
			if (run != null) {
				run.rolledBack();
			}
			throw ex;
		}
		last.get().committed();
		return result;
	}

	/**
	 * Runs {@code work} in a write transaction that is always rolled back, never retried: for running statements
	 * with no rows ahead of time, so that Cypher has planned them (and the JVM loaded the planner) before the rows
	 * come. Nothing it does is ever visible: the transaction is closed without a commit.
	 */
	public void rehearse(Consumer<SimpleQueryRunner> work) {
		transactions.incrementAndGet();
		try (var session = driver.session(sessionConfig); var tx = session.beginTransaction()) {
			work.accept(tx);
		}
	}

	/**
	 * How many transactions this process has run: a diagnostic that shows batching at work (a GraphQL request
	 * costs one transaction per level of its selection, however many parents a level has).
	 */
	public long transactionCount() {
		return transactions.get();
	}

	/**
	 * Runs one read query and maps every record. A single query needs no explicit transaction: it runs as an
	 * auto-commit transaction in a read session (routed to a reader in a cluster), which spares the round trips of
	 * a transaction's begin and commit. Retried on transient failures like the managed transactions.
	 */
	public <T> List<T> query(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
		long deadline = System.nanoTime() + MAX_RETRY_NANOS;
		for (long backoffMillis = 50;; backoffMillis = Math.min(2 * backoffMillis, 2_000)) {
			transactions.incrementAndGet();
			try (var session = driver.session(readOnlyConfig)) {
				return session.run(cypher, parameters).list(mapper::apply);
			}
			catch (RuntimeException ex) {
				if (!(ex instanceof RetryableException) || System.nanoTime() + backoffMillis * 1_000_000 > deadline) {
					throw ex;
				}
				sleep(backoffMillis);
			}
		}
	}

	/**
	 * Runs one batch query that returns a {@code key} column and an {@code items} list column, as the
	 * {@code UNWIND $ids AS key … RETURN key, collect(…) AS items} queries of batch loaders do.
	 */
	public <T> Map<String, List<T>> queryGrouped(String cypher, Map<String, Object> parameters,
			Function<Value, T> mapper) {
		Map<String, List<T>> grouped = new HashMap<>();
		query(cypher, parameters, r -> r).forEach(r -> grouped.put(r.get("key").asString(), r.get("items").asList(mapper::apply)));
		return grouped;
	}

	/** Runs one batch query that returns a {@code key} column and one {@code item} per key. */
	public <T> Map<String, T> queryKeyed(String cypher, Map<String, Object> parameters, Function<Value, T> mapper) {
		Map<String, T> keyed = new HashMap<>();
		query(cypher, parameters, r -> r).forEach(r -> keyed.put(r.get("key").asString(), mapper.apply(r.get("item"))));
		return keyed;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to retry a query", ex);
		}
	}

	/** Runs one read query expected to return at most one record. */
	public <T> java.util.Optional<T> queryOne(String cypher, Map<String, Object> parameters,
			Function<Record, T> mapper) {
		return query(cypher, parameters, mapper).stream().findFirst();
	}
}
