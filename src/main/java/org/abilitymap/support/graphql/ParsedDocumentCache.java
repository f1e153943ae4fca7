package org.abilitymap.support.graphql;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Keeps parsed and validated GraphQL documents by their text, so that a client (the web page, a script) sending the
 * same query again skips parsing and validation. The depth and complexity limits still apply to every execution.
 * Bounded: when full it starts again, so a client sending endless distinct queries cannot fill the memory.
 */
final class ParsedDocumentCache implements PreparsedDocumentProvider {

	private final Map<String, PreparsedDocumentEntry> documents = new ConcurrentHashMap<>();

	private final int capacity;

	ParsedDocumentCache(int capacity) {
		this.capacity = capacity;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		PreparsedDocumentEntry cached = documents.get(input.getQuery());
		if (cached != null) {
			return CompletableFuture.completedFuture(cached);
		}
		PreparsedDocumentEntry parsed = parseAndValidate.apply(input);
		if (documents.size() >= capacity) {
			documents.clear();
		}
		documents.put(input.getQuery(), parsed);
		return CompletableFuture.completedFuture(parsed);
	}
}
