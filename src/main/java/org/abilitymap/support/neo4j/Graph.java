package org.abilitymap.support.neo4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.Value;

/**
 * Runs parameterised Cypher in managed read and write transactions against the configured database; the one
 * place repositories get a session from.
 */
public final class Graph {

	private final Driver driver;

	private final SessionConfig sessionConfig;

	private final AtomicLong transactions = new AtomicLong();

	Graph(Driver driver, String database) {
		this.driver = driver;
		this.sessionConfig = database == null ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
	}

	/** Runs {@code work} in one read transaction, retried on transient failures. */
	public <T> T read(TransactionCallback<T> work) {
		transactions.incrementAndGet();
		try (var session = driver.session(sessionConfig)) {
			return session.executeRead(work);
		}
	}

	/** Runs {@code work} in one write transaction; any exception rolls everything back. */
	public <T> T write(TransactionCallback<T> work) {
		transactions.incrementAndGet();
		try (var session = driver.session(sessionConfig)) {
			return session.executeWrite(work);
		}
	}

	/**
	 * How many transactions this process has run: a diagnostic that shows batching at work (a GraphQL request
	 * costs one transaction per level of its selection, however many parents a level has).
	 */
	public long transactionCount() {
		return transactions.get();
	}

	/** Runs one read query and maps every record. */
	public <T> List<T> query(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
		return read(tx -> tx.run(cypher, parameters).list(mapper::apply));
	}

	/**
	 * Runs one batch query that returns a {@code key} column and an {@code items} list column, as the
	 * {@code UNWIND $ids AS key … RETURN key, collect(…) AS items} queries of batch loaders do.
	 */
	public <T> Map<String, List<T>> queryGrouped(String cypher, Map<String, Object> parameters,
			Function<Value, T> mapper) {
		Map<String, List<T>> grouped = new HashMap<>();
		read(tx -> {
			tx.run(cypher, parameters)
				.forEachRemaining(r -> grouped.put(r.get("key").asString(), r.get("items").asList(mapper::apply)));
			return null;
		});
		return grouped;
	}

	/** Runs one batch query that returns a {@code key} column and one {@code item} per key. */
	public <T> Map<String, T> queryKeyed(String cypher, Map<String, Object> parameters, Function<Value, T> mapper) {
		Map<String, T> keyed = new HashMap<>();
		read(tx -> {
			tx.run(cypher, parameters).forEachRemaining(r -> keyed.put(r.get("key").asString(), mapper.apply(r.get("item"))));
			return null;
		});
		return keyed;
	}

	/** Runs one read query expected to return at most one record. */
	public <T> java.util.Optional<T> queryOne(String cypher, Map<String, Object> parameters,
			Function<Record, T> mapper) {
		return query(cypher, parameters, mapper).stream().findFirst();
	}
}
