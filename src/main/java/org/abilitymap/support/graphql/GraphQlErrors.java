package org.abilitymap.support.graphql;

import java.util.Map;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The one place exceptions become GraphQL errors: client mistakes as BAD_REQUEST with their message, refusals as
 * UNAUTHORIZED (not signed in) or FORBIDDEN (not allowed), database failures as INTERNAL_ERROR with a fixed message
 * (the driver's text is logged, never sent to the client).
 */
@ControllerAdvice
class GraphQlErrors {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

	@GraphQlExceptionHandler
	GraphQLError invalidArgument(InvalidArgumentException ex, DataFetchingEnvironment environment) {
		return GraphQLError.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message(ex.getMessage())
			.path(environment.getExecutionStepInfo().getPath())
			.location(environment.getField().getSourceLocation())
			.extensions(Map.of("argument", ex.argument()))
			.build();
	}

	/** Not signed in: the messages are abilitymap's own, saying how to sign in. */
	@GraphQlExceptionHandler
	GraphQLError notSignedIn(AuthenticationException ex, DataFetchingEnvironment environment) {
		return refusal(ErrorType.UNAUTHORIZED, ex.getMessage(), environment);
	}

	/** Signed in but not allowed: the message of an abilitymap refusal names the missing right. */
	@GraphQlExceptionHandler
	GraphQLError notAllowed(AccessDeniedException ex, DataFetchingEnvironment environment) {
		return refusal(ErrorType.FORBIDDEN, ex.getMessage(), environment);
	}

	private static GraphQLError refusal(ErrorType type, String message, DataFetchingEnvironment environment) {
		return GraphQLError.newError()
			.errorType(type)
			.message(message)
			.path(environment.getExecutionStepInfo().getPath())
			.location(environment.getField().getSourceLocation())
			.build();
	}

	@GraphQlExceptionHandler
	GraphQLError databaseFailure(Neo4jException ex, DataFetchingEnvironment environment) {
		log.error("Neo4j failed while resolving {}", environment.getExecutionStepInfo().getPath(), ex);
		return GraphQLError.newError()
			.errorType(ErrorType.INTERNAL_ERROR)
			.message("The graph database could not answer this request. Try again; if it persists, "
					+ "ask an administrator to check the server log.")
			.path(environment.getExecutionStepInfo().getPath())
			.location(environment.getField().getSourceLocation())
			.build();
	}
}
