package org.abilitymap.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Which Neo4j the integration suite runs against: the embedded one (always), or a Testcontainers Neo4j 5.26 when
 * the system property {@code abilitymap.test.neo4j=testcontainers} is set, which the second Surefire execution does.
 * Where Docker is missing, that second run is skipped with a message.
 */
public final class Neo4jTarget implements ExecutionCondition {

	private static final String NO_DOCKER = "Docker is not available: the Testcontainers run of the suite is skipped; "
			+ "the embedded run covers the same tests.";

	private static volatile boolean announced;

	/** System property selecting the target. */
	public static final String PROPERTY = "abilitymap.test.neo4j";

	public static boolean testcontainers() {
		return "testcontainers".equals(System.getProperty(PROPERTY));
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!testcontainers()) {
			return ConditionEvaluationResult.enabled("runs against the embedded Neo4j");
		}
		if (DockerClientFactory.instance().isDockerAvailable()) {
			return ConditionEvaluationResult.enabled("runs against a Testcontainers Neo4j");
		}
		if (!announced) {
			announced = true;
			System.err.println("[abilitymap] " + NO_DOCKER);
		}
		return ConditionEvaluationResult.disabled(NO_DOCKER);
	}
}
