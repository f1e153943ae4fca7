package org.abilitymap.support.neo4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.RetryableException;

/**
 * Runs parameterised Cypher in managed read and write transactions, and single read queries as auto-commit
 * transactions, against the configured database; the one place repositories get a session from, and where the writes
 * of many services can be made one ({@link #inOneTransaction}).
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

	/** The transaction of {@link #inOneTransaction} running on this thread, which its reads and writes join. */
	private final ThreadLocal<Unit> unit = new ThreadLocal<>();

	Graph(Driver driver, String database) {
		this.driver = driver;
		this.sessionConfig = database == null ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
		SessionConfig.Builder readOnly = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ);
		this.readOnlyConfig = (database == null ? readOnly : readOnly.withDatabase(database)).build();
	}

	/**
	 * Runs {@code work} in one read transaction, retried on transient failures; inside {@link #inOneTransaction} on
	 * that transaction, so that it sees what was written there.
	 */
	public <T> T read(TransactionCallback<T> work) {
		Unit joined = unit.get();
		if (joined != null) {
			return work.execute(joined.tx);
		}
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
	 * Inside {@link #inOneTransaction} on this thread the work joins that transaction instead (see there).
	 */
	public <T> T write(TransactionCallback<T> work) {
		Unit joined = unit.get();
		if (joined != null) {
			return joined.join(work);
		}
		return withConstraintRetries(() -> writeOnce(work));
	}

	/**
	 * Runs {@code work} as {@link #write} does, but outside the {@link WriteJournal} of this thread: for the
	 * bookkeeping of a write that is recorded by another of its transactions (an import's run marker, its matching,
	 * the removal of what it staged), which must not make the write count as done.
	 */
	public <T> T writeUnjournalled(TransactionCallback<T> work) {
		return unjournalled(() -> write(work));
	}

	/** Runs {@code work} with the writes it makes on this thread outside its {@link WriteJournal}, as above. */
	public <T> T unjournalled(Supplier<T> work) {
		WriteJournal journal = WriteJournal.bind(null);
		try {
			return work.get();
		}
		finally {
			WriteJournal.bind(journal);
		}
	}

	/**
	 * Runs {@code work} in a write transaction of its own even inside {@link #inOneTransaction}, as {@link #write}
	 * does outside one: for a record that must stay when the joined transaction is rolled back (an audit entry of a
	 * refusal).
	 */
	public <T> T writeApart(TransactionCallback<T> work) {
		Unit joined = unit.get();
		unit.remove();
		try {
			return write(work);
		}
		finally {
			if (joined != null) {
				unit.set(joined);
			}
		}
	}

	/**
	 * Runs {@code work} as one write transaction that every {@link #write}, {@link #read} and {@link #query} made on
	 * this thread while it runs joins, the way a transaction of the REQUIRED kind does: the writes of many services
	 * become visible together when this transaction commits, or not at all. A joined write runs its work on this
	 * transaction, with neither a retry nor a commit of its own; the {@link WriteJournal} bound when it runs records
	 * it in this transaction, and learns that it committed or was rolled back when this one does. A joined write that
	 * throws marks the transaction for rollback: {@code work} may catch the exception and go on (to check more
	 * input), but the transaction no longer commits, and should {@code work} return normally it fails with an
	 * {@link IllegalStateException}. The whole {@code work} is run again after a transient failure, or when it lost
	 * the race to create a node that a uniqueness constraint allows once, so it must be safe to run again and keep
	 * nothing of an earlier run. Writes on other threads (those of {@link ConcurrentWrites}) do not join. Called
	 * inside another {@code inOneTransaction}, it joins that one.
	 */
	public <T> T inOneTransaction(Supplier<T> work) {
		if (unit.get() != null) {
			return work.get();
		}
		return withConstraintRetries(() -> unitOnce(work));
	}

	private <T> T withConstraintRetries(Supplier<T> once) {
		for (int attempt = 1;; attempt++) {
			try {
				return once.get();
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

	/** The driver may run the work more than once; only the joined writes of the run that committed count. */
	private <T> T unitOnce(Supplier<T> work) {
		transactions.incrementAndGet();
		AtomicReference<Unit> last = new AtomicReference<>();
		T result;
		try (var session = driver.session(sessionConfig)) {
			result = session.executeWrite(tx -> {
				Unit earlier = last.getAndSet(null);
				if (earlier != null) {
					earlier.rolledBack();
				}
				Unit run = new Unit(tx);
				last.set(run);
				unit.set(run);
				try {
					T value = work.get();
					run.checkNotFailed();
					return value;
				}
				finally {
					unit.remove();
				}
			});
		}
		catch (RuntimeException | Error ex) {
			Unit run = last.getAndSet(null);
			if (run != null) {
				run.rolledBack();
			}
			throw ex;
		}
		last.get().committed();
		return result;
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

	/** One run of the work of {@link #inOneTransaction}: its transaction and the journal runs of the writes joined. */
	private static final class Unit {

		private final TransactionContext tx;

		private final List<WriteJournal.Run> journalRuns = new ArrayList<>();

		private RuntimeException failure;

		private Unit(TransactionContext tx) {
			this.tx = tx;
		}

		<T> T join(TransactionCallback<T> work) {
			WriteJournal journal = WriteJournal.current();
			WriteJournal.Run run = journal == null ? null : journal.start();
			try {
				T value = work.execute(tx);
				if (run != null) {
					run.record(tx);
					journalRuns.add(run);
				}
				return value;
			}
			catch (RuntimeException | Error ex) {
				if (failure == null) {
					failure = ex instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex);
				}
				if (run != null) {
					run.rolledBack();
				}
				throw ex;
			}
		}

		void checkNotFailed() {
			if (failure != null) {
				throw new IllegalStateException("A write joined to this transaction failed, so it was rolled back",
						failure);
			}
		}

		void committed() {
			journalRuns.forEach(WriteJournal.Run::committed);
		}

		void rolledBack() {
			journalRuns.forEach(WriteJournal.Run::rolledBack);
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
	 * a transaction's begin and commit. Retried on transient failures like the managed transactions. Inside
	 * {@link #inOneTransaction} it runs on that transaction instead.
	 */
	public <T> List<T> query(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
		Unit joined = unit.get();
		if (joined != null) {
			return joined.tx.run(cypher, parameters).list(mapper::apply);
		}
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
