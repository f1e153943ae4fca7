package org.abilitymap.support.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.springframework.graphql.execution.ErrorType;

/**
 * Parses, validates and measures each GraphQL document once and keeps the outcome by the document's text: an
 * operation deeper, larger or wider at the top than the limits ({@link QueryShape}) is refused before it runs, and a client (the web
 * page, a script) sending the same query again skips all three steps. Bounded: when full it starts again, so a client
 * sending endless distinct queries cannot fill the memory.
 */
final class ParsedDocumentCache implements PreparsedDocumentProvider {

	private final Map<String, PreparsedDocumentEntry> documents = new ConcurrentHashMap<>();

	private final int capacity;

	private final GraphQlConfiguration.QueryLimits limits;

	ParsedDocumentCache(int capacity, GraphQlConfiguration.QueryLimits limits) {
		this.capacity = capacity;
		this.limits = limits;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		PreparsedDocumentEntry cached = documents.get(input.getQuery());
		if (cached != null) {
			return CompletableFuture.completedFuture(cached);
		}
		PreparsedDocumentEntry checked = withinLimits(parseAndValidate.apply(input));
		if (documents.size() >= capacity) {
			documents.clear();
		}
		documents.put(input.getQuery(), checked);
		return CompletableFuture.completedFuture(checked);
	}

	private PreparsedDocumentEntry withinLimits(PreparsedDocumentEntry parsed) {
		if (parsed.hasErrors()) {
			return parsed;
		}
		QueryShape shape = QueryShape.of(parsed.getDocument(), limits.maxComplexity());
		if (shape.depth() > limits.maxDepth()) {
			return refused("Maximum query depth exceeded: fields nested " + shape.depth() + " levels deep, at most "
					+ limits.maxDepth() + " allowed");
		}
		if (shape.fields() > limits.maxComplexity()) {
			return refused("Maximum query complexity exceeded: more than " + limits.maxComplexity()
					+ " fields selected (fragments counted where they are spread)");
		}
		if (shape.rootFields() > limits.maxRootFields()) {
			return refused("Maximum query root fields exceeded: " + shape.rootFields() + " fields at the top of the "
					+ "operation (aliases and fragments included), at most " + limits.maxRootFields() + " allowed; each "
					+ "runs on its own, so ask for fewer or split them into several requests");
		}
		return parsed;
	}

	private static PreparsedDocumentEntry refused(String message) {
		GraphQLError error = GraphqlErrorBuilder.newError().message(message).errorType(ErrorType.BAD_REQUEST).build();
		return new PreparsedDocumentEntry(List.of(error));
	}
}
