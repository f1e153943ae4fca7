package org.abilitymap.support.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.neo4j.ConcurrentWrites.Outcome;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.TransactionCallback;

/** Independent write transactions run side by side: all commit, or the first failure stops the ones not yet begun. */
class ConcurrentWritesTest extends GraphTestSupport {

	@Test
	void everyUnitCommitsInItsOwnTransactionAndTheResultsComeInTheOrderGiven() {
		List<TransactionCallback<String>> units = IntStream.range(0, 6).mapToObj(i -> unit("t-" + i, false)).toList();

		Outcome<String> outcome = ConcurrentWrites.run(graph, units, 2, "test-writer");

		assertThat(outcome.failed()).isFalse();
		assertThat(outcome.committed()).containsExactly("t-0", "t-1", "t-2", "t-3", "t-4", "t-5");
		assertThat(ids()).containsExactlyInAnyOrder("t-0", "t-1", "t-2", "t-3", "t-4", "t-5");
	}

	@Test
	void afterAFailureTheUnitsNotYetBegunAreSkippedAndTheCommittedOnesReported() {
		List<TransactionCallback<String>> units = List.of(unit("t-0", false), unit("t-1", true), unit("t-2", false),
				unit("t-3", false));

		Outcome<String> outcome = ConcurrentWrites.run(graph, units, 1, "test-writer");

		assertThat(outcome.failure()).hasMessage("unit t-1 broke");
		assertThat(outcome.committed()).containsExactly("t-0");
		assertThat(ids()).containsExactly("t-0");
	}

	private static TransactionCallback<String> unit(String id, boolean breaks) {
		return tx -> {
			tx.run("CREATE (:ConcurrentWritesProbe {id: $id})", Map.of("id", id)).consume();
			if (breaks) {
				throw new IllegalStateException("unit " + id + " broke");
			}
			return id;
		};
	}

	private List<String> ids() {
		return graph.query("MATCH (n:ConcurrentWritesProbe) RETURN n.id AS id", Map.of(), r -> r.get("id").asString());
	}
}
