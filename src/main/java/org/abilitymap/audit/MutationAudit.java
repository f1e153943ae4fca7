package org.abilitymap.audit;

import java.util.List;
import java.util.Map;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import org.abilitymap.audit.AuditEntry.Outcome;
import org.abilitymap.audit.AuditTrail.Source;
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
			Object begun = trail.begin();
			AuditScope.touched(idsOf(env.getArgument("input")));
			Object result;
			try {
				result = dataFetcher.get(env);
			}
			catch (Exception | Error ex) {
				trail.end(begun, Source.GRAPHQL, operation, AuditTrail.outcomeOf(ex), ex.getMessage());
				throw ex;
			}
			trail.end(begun, Source.GRAPHQL, operation, outcomeOf(result), problemsOf(result));
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

	/** A payload with typed errors is a refusal: nothing was written. */
	private static Outcome outcomeOf(Object payload) {
		return errorsOf(payload).isEmpty() ? Outcome.DONE : Outcome.REFUSED;
	}

	private static String problemsOf(Object payload) {
		List<?> errors = errorsOf(payload);
		return errors.isEmpty() ? null : errors.toString();
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
