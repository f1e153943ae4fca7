package org.abilitymap.audit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import graphql.GraphQLError;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import org.abilitymap.audit.AuditEntry.Outcome;
import org.abilitymap.audit.AuditTrail.Source;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Records every GraphQL mutation field as one audit entry: done, or refused when it threw a refusal or answered
 * with typed errors, or failed.
 */
@Component
class MutationAudit extends SimplePerformantInstrumentation {

	private final AuditTrail trail;

	MutationAudit(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		// Cheap tests first: this is called for every field of every answer.
		if (parameters.getExecutionContext().getOperationDefinition().getOperation() != OperationDefinition.Operation.MUTATION
				|| parameters.getExecutionStepInfo().getPath().getLevel() != 1) {
			return dataFetcher;
		}
		String operation = parameters.getField().getName();
		return env -> {
			Object begun = trail.begin(Source.GRAPHQL, operation);
			AuditScope.touched(idsOf(env.getArgument("input")));
			Object result;
			try {
				result = dataFetcher.get(env);
			}
			catch (Exception | Error ex) {
				trail.end(begun, AuditTrail.outcomeOf(ex), ex.getMessage());
				throw ex;
			}
			if (result instanceof CompletionStage<?> stage) {
				Object detached = trail.detach(begun);
				return stage.whenComplete((value, ex) -> {
					if (ex != null) {
						trail.endLater(detached, AuditTrail.outcomeOf(ex), ex.getMessage());
					}
					else {
						trail.endLater(detached, outcomeOf(value), detailOf(value));
					}
				});
			}
			trail.end(begun, outcomeOf(result), detailOf(result));
			return result;
		};
	}

	/** The ids the input names: its {@code id}, {@code username} and every {@code …Id} field. */
	private static String[] idsOf(Object input) {
		if (!(input instanceof Map<?, ?> fields)) {
			return new String[0];
		}
		return fields.entrySet()
			.stream()
			.filter(field -> field.getValue() instanceof String && field.getKey() instanceof String key
					&& (key.equals("id") || key.equals("username") || key.endsWith("Id")))
			.map(field -> (String) field.getValue())
			.toArray(String[]::new);
	}

	/**
	 * A GraphQL error in place of the payload is a refusal when it is the client's (not signed in, not allowed,
	 * invalid input) and a failure otherwise; a payload with typed errors is a refusal: nothing was written.
	 */
	private static Outcome outcomeOf(Object result) {
		if (result instanceof DataFetcherResult<?> fetched && !fetched.getErrors().isEmpty()) {
			return fetched.getErrors().stream().allMatch(error -> error.getErrorType() instanceof ErrorType type
					&& type != ErrorType.INTERNAL_ERROR) ? Outcome.REFUSED : Outcome.FAILED;
		}
		return errorsOf(payloadOf(result)).isEmpty() ? Outcome.DONE : Outcome.REFUSED;
	}

	private static String detailOf(Object result) {
		if (result instanceof DataFetcherResult<?> fetched && !fetched.getErrors().isEmpty()) {
			return fetched.getErrors().stream().map(GraphQLError::getMessage).collect(Collectors.joining(" "));
		}
		List<?> errors = errorsOf(payloadOf(result));
		return errors.isEmpty() ? null : errors.toString();
	}

	private static Object payloadOf(Object result) {
		return result instanceof DataFetcherResult<?> fetched ? fetched.getData() : result;
	}

	private static List<?> errorsOf(Object payload) {
		if (payload != null && payload.getClass().isRecord()) {
			for (var component : payload.getClass().getRecordComponents()) {
				if (component.getName().equals("errors") && List.class.isAssignableFrom(component.getType())) {
					try {
						component.getAccessor().setAccessible(true);
						Object errors = component.getAccessor().invoke(payload);
						return errors == null ? List.of() : (List<?>) errors;
					}
					catch (ReflectiveOperationException ex) {
						return List.of();
					}
				}
			}
		}
		return List.of();
	}
}
