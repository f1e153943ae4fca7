package org.abilitymap.support.graphql;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.abilitymap.support.neo4j.Graph;
import org.neo4j.driver.Value;

/** Runs the count and the page query of one filtered list in one read transaction. */
public final class Pages {

	private Pages() {
	}

	/**
	 * One page of a list.
	 *
	 * @param match the {@code MATCH … WHERE …} shared by the count and the page query
	 * @param projection the map projection of each item, starting with its variable (for example {@code j {.id}})
	 * @param orderBy a stable order
	 * @param filter the filter's parameters
	 */
	public static <T> Connection<T> fetch(Graph graph, String match, String projection, String orderBy,
			Map<String, Object> filter, PageRequest page, Function<Value, T> mapper) {
		String variable = projection.substring(0, projection.indexOf(' '));
		String count = match + "RETURN count(" + variable + ") AS total";
		String items = match + "RETURN " + projection + " AS item ORDER BY " + orderBy + " SKIP $offset LIMIT $fetch";
		Map<String, Object> parameters = new HashMap<>(filter);
		parameters.putAll(page.parameters());
		return graph.read(tx -> {
			long total = tx.run(count, parameters).single().get("total").asLong();
			return Connection.of(page, tx.run(items, parameters).list(r -> mapper.apply(r.get("item"))), total);
		});
	}
}
