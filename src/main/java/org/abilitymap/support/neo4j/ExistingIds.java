package org.abilitymap.support.neo4j;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.TransactionContext;

/** Which of some ids exist under a label: the reference check every document import makes before writing. */
public final class ExistingIds {

	/** The placeholder is a label constant of the calling code, never input. */
	private static final String EXISTING_IDS = """
			UNWIND $ids AS id
			MATCH (n:%s {id: id})
			RETURN n.id AS id
			""";

	private ExistingIds() {
	}

	/** The subset of {@code ids} that name nodes with {@code label}. */
	public static Set<String> among(TransactionContext tx, String label, Collection<String> ids) {
		Set<String> existing = new HashSet<>();
		if (!ids.isEmpty()) {
			tx.run(EXISTING_IDS.formatted(label), Map.of("ids", List.copyOf(new HashSet<>(ids))))
				.forEachRemaining(r -> existing.add(r.get("id").asString()));
		}
		return existing;
	}
}
