package org.abilitymap.support.graphql;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.OperationDefinition;
import org.springframework.graphql.execution.ErrorType;

/**
 * Stops a query that runs longer than the timeout, through GraphQL Java's cancellation (checked between fields), and
 * answers it with one error instead of data. Mutations are left to finish: each of their fields commits on its own,
 * and cutting them off would hide which ones were written.
 */
final class ExecutionTimeout extends SimplePerformantInstrumentation {

	private final Duration timeout;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "graphql-timeout");
		thread.setDaemon(true);
		return thread;
	});

	ExecutionTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	/** One execution's timer. */
	private static final class Timer implements InstrumentationState {

		private final ExecutionInput input;

		private volatile ScheduledFuture<?> alarm;

		private volatile boolean expired;

		Timer(ExecutionInput input) {
			this.input = input;
		}
	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return new Timer(parameters.getExecutionInput());
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
			InstrumentationState state) {
		if (state instanceof Timer execution && parameters.getExecutionContext().getOperationDefinition()
			.getOperation() != OperationDefinition.Operation.MUTATION) {
			execution.alarm = timer.schedule(() -> {
				execution.expired = true;
				execution.input.cancel();
			}, timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		return super.beginExecuteOperation(parameters, state);
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (!(state instanceof Timer execution) || execution.alarm == null) {
			return CompletableFuture.completedFuture(result);
		}
		execution.alarm.cancel(false);
		if (!execution.expired) {
			return CompletableFuture.completedFuture(result);
		}
		return CompletableFuture.completedFuture(ExecutionResult.newExecutionResult()
			.errors(List.of(GraphqlErrorBuilder.newError()
				.errorType(ErrorType.BAD_REQUEST)
				.message("Maximum query time exceeded: the query was stopped after " + describe(timeout)
						+ "; ask for fewer fields or smaller pages, or split it into several requests")
				.build()))
			.build());
	}

	private static String describe(Duration duration) {
		return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}
}
