package org.abilitymap.support.graphql;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Hands the children loaded by one batch query back to the GraphQL sources they belong to, in source order. */
public final class Batches {

	private Batches() {
	}

	/** The distinct non-null keys of the sources: the {@code $ids} of one batch query. */
	public static <S> List<String> keys(List<S> sources, Function<S, String> key) {
		return sources.stream().map(key).filter(java.util.Objects::nonNull).distinct().toList();
	}

	/** The child list of each source, empty where the query found none. */
	public static <S, T> List<List<T>> lists(List<S> sources, Function<S, String> key, Map<String, List<T>> loaded) {
		return sources.stream().map(source -> loaded.getOrDefault(key.apply(source), List.of())).toList();
	}

	/** The single child of each source, {@code null} where the query found none. */
	public static <S, T> List<T> singles(List<S> sources, Function<S, String> key, Map<String, T> loaded) {
		return sources.stream().map(source -> loaded.get(key.apply(source))).toList();
	}
}
