package org.abilitymap.support.neo4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.TransientException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Graph#inOneTransaction}: the reads and writes of its thread join one transaction that commits once. */
class GraphOneTransactionTest extends GraphTestSupport {

	@Test
	void joinedWritesSeeEachOtherAndCommitTogetherInOneTransaction() throws Exception {
		long before = graph.transactionCount();

		List<Long> seen = graph.inOneTransaction(() -> {
			create("a");
			create("b");
			long inside = graph.queryOne("MATCH (n:Probe) RETURN count(n) AS n", Map.of(), r -> r.get("n").asLong())
				.orElseThrow();
			long outside = CompletableFuture.supplyAsync(() -> probes().size()).join();
			return List.of(inside, outside);
		});

		assertThat(seen).containsExactly(2L, 0L);
		assertThat(probes()).containsExactly("a", "b");
		// one transaction for the whole work, one for reading the probes on the other thread, one for the last read
		assertThat(graph.transactionCount() - before).isEqualTo(3);
	}

	@Test
	void aJoinedWriteThatFailedRollsBackTheWholeTransactionEvenWhenTheWorkWentOn() {
		assertThatThrownBy(() -> graph.inOneTransaction(() -> {
			create("a");
			try {
				graph.write(tx -> {
					throw new IllegalArgumentException("refused");
				});
			}
			catch (IllegalArgumentException ex) {
				// checked the rest, as an import of many documents does
			}
			create("b");
			return null;
		})).isInstanceOf(IllegalStateException.class).hasRootCauseMessage("refused");

		assertThat(probes()).isEmpty();
	}

	@Test
	void aWriteApartCommitsAtOnceAndStaysWhenTheJoinedTransactionIsRolledBack() {
		assertThatThrownBy(() -> graph.inOneTransaction(() -> {
			create("joined");
			graph.writeApart(tx -> tx.run("CREATE (:Probe {id: 'apart'})").consume());
			assertThat(CompletableFuture.supplyAsync(this::probes).join()).containsExactly("apart");
			throw new IllegalStateException("rolled back");
		})).hasMessage("rolled back");

		assertThat(probes()).containsExactly("apart");
	}

	@Test
	void aNestedOneTransactionJoinsTheOuterOne() {
		assertThatThrownBy(() -> graph.inOneTransaction(() -> {
			graph.inOneTransaction(() -> create("inner"));
			throw new IllegalStateException("outer fails");
		})).hasMessage("outer fails");

		assertThat(probes()).isEmpty();
	}

	@Test
	void theWholeWorkRunsAgainWhenItLostTheRaceToCreateANodeOfAUniqueId() {
		AtomicInteger runs = new AtomicInteger();

		String outcome = graph.inOneTransaction(() -> {
			int run = runs.incrementAndGet();
			create("run-" + run);
			boolean exists = !graph.query("MATCH (j:Job {id: 'race'}) RETURN j.id AS id", Map.of(), r -> r).isEmpty();
			if (run == 1) {
				// another writer creates the job after this run looked for it and before it creates it
				graph.writeApart(tx -> tx.run("CREATE (:Job {id: 'race', name: 'other'})").consume());
			}
			if (!exists) {
				graph.write(tx -> tx.run("CREATE (:Job {id: 'race', name: 'mine'})").consume());
				return "created";
			}
			graph.write(tx -> tx.run("MATCH (j:Job {id: 'race'}) SET j.name = j.name + ' and mine'").consume());
			return "found";
		});

		assertThat(outcome).isEqualTo("found");
		assertThat(runs).hasValue(2);
		assertThat(probes()).containsExactly("run-2");
		assertThat(graph.query("MATCH (j:Job) RETURN j.name AS name", Map.of(), r -> r.get("name").asString()))
			.containsExactly("other and mine");
	}

	@Test
	void afterATransientFailureTheWorkRunsAgainAndOnlyTheJournalRunsOfTheCommittedRunCount() {
		AtomicInteger runs = new AtomicInteger();
		List<String> events = Collections.synchronizedList(new ArrayList<>());
		WriteJournal previous = WriteJournal.bind(() -> {
			String name = "write-" + events.stream().filter(e -> e.startsWith("start")).count();
			events.add("start " + name);
			return new WriteJournal.Run() {
				@Override
				public void record(TransactionContext tx) {
					events.add("record " + name);
				}

				@Override
				public void committed() {
					events.add("committed " + name);
				}

				@Override
				public void rolledBack() {
					events.add("rolledBack " + name);
				}
			};
		});
		try {
			graph.inOneTransaction(() -> {
				int run = runs.incrementAndGet();
				create("run-" + run);
				if (run == 1) {
					throw new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "a deadlock");
				}
				return null;
			});
		}
		finally {
			WriteJournal.bind(previous);
		}

		assertThat(runs).hasValue(2);
		assertThat(probes()).containsExactly("run-2");
		assertThat(events).containsExactly("start write-0", "record write-0", "rolledBack write-0", "start write-1",
				"record write-1", "committed write-1");
	}

	private Object create(String id) {
		return graph.write(tx -> tx.run("CREATE (:Probe {id: $id})", Map.of("id", id)).consume());
	}

	private List<String> probes() {
		return graph.query("MATCH (n:Probe) RETURN n.id AS id ORDER BY id", Map.of(), r -> r.get("id").asString());
	}
}
