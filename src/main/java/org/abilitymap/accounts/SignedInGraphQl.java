package org.abilitymap.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Answers an anonymous GraphQL request with one UNAUTHORIZED error and runs nothing of it, unless
 * {@code abilitymap.security.public-read} lets anonymous callers read published data (writes stay refused then,
 * and each refused mutation is published as an {@link AnonymousWriteRefused}).
 */
@Component
class SignedInGraphQl implements WebGraphQlInterceptor {

	static final String NOT_SIGNED_IN = "Sign in first: the page's login, HTTP Basic or a personal access token "
			+ "(Authorization: Bearer amt_…).";

	private final boolean publicRead;

	private final ApplicationEventPublisher events;

	SignedInGraphQl(SecurityProperties properties, ApplicationEventPublisher events) {
		this.publicRead = properties.publicRead();
		this.events = events;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (Rights.current().isPresent()) {
			return chain.next(request);
		}
		List<String> writes = mutationFields(request);
		if (publicRead && writes.isEmpty()) {
			return chain.next(request);
		}
		writes.forEach(operation -> events.publishEvent(new AnonymousWriteRefused(operation, NOT_SIGNED_IN)));
		ExecutionResult refused = ExecutionResult.newExecutionResult()
			.addError(GraphqlErrorBuilder.newError()
				.errorType(ErrorType.UNAUTHORIZED)
				.message(NOT_SIGNED_IN)
				.extensions(Map.of("classification", ErrorType.UNAUTHORIZED.name()))
				.build())
			.build();
		return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
				refused)));
	}

	/** The top-level fields of the mutation the request would run; none for a query or a document that does not parse. */
	private static List<String> mutationFields(WebGraphQlRequest request) {
		Document document;
		try {
			document = Parser.parse(request.getDocument());
		}
		catch (RuntimeException ex) {
			return List.of();
		}
		List<String> fields = new ArrayList<>();
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			boolean selected = request.getOperationName() == null
					|| request.getOperationName().equals(operation.getName());
			if (selected && operation.getOperation() == OperationDefinition.Operation.MUTATION) {
				operation.getSelectionSet()
					.getSelectionsOfType(Field.class)
					.forEach(field -> fields.add(field.getName()));
			}
		}
		return fields;
	}
}
