package org.abilitymap.support.graphql;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a list in the Relay connection shape the schema uses ({@code edges}, {@code pageInfo},
 * {@code totalCount}).
 *
 * @param edges the items of this page with their cursors
 * @param pageInfo whether more follow, and the cursor to continue from
 * @param totalCount how many items the whole list has
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

	/**
	 * An item with its cursor, and its relevance where the list is a search.
	 *
	 * @param cursor opaque position of the item
	 * @param node the item
	 * @param score search relevance, or {@code null}
	 */
	public record Edge<T>(String cursor, T node, Double score) {
	}

	/**
	 * Where a page stands.
	 *
	 * @param hasNextPage whether more items follow
	 * @param endCursor cursor of the last item, or {@code null} for an empty page
	 */
	public record PageInfo(boolean hasNextPage, String endCursor) {
	}

	/**
	 * Builds a page from up to {@code limit + 1} fetched items: the extra one only says that a next page exists.
	 */
	public static <T> Connection<T> of(PageRequest request, List<T> fetched, long totalCount) {
		return of(request, fetched, null, totalCount);
	}

	/** Like {@link #of(PageRequest, List, long)}, with a search score for each item. */
	public static <T> Connection<T> of(PageRequest request, List<T> fetched, List<Double> scores, long totalCount) {
		int size = Math.min(fetched.size(), request.limit());
		List<Edge<T>> edges = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			edges.add(new Edge<>(PageRequest.cursor(request.offset() + i), fetched.get(i),
					scores == null ? null : scores.get(i)));
		}
		String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new Connection<>(edges, new PageInfo(fetched.size() > request.limit(), endCursor), totalCount);
	}
}
