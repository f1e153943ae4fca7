package org.abilitymap.web;

import java.nio.file.Files;
import java.nio.file.Path;

import org.abilitymap.support.Neo4jTarget;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the browser tests only where Debian's Chromium and ChromeDriver are installed, and only in the embedded run
 * of the suite (the web page does not depend on which Neo4j serves the API); skipped with a message otherwise.
 */
public final class BrowserAvailable implements ExecutionCondition {

	/** The Chromium binary the tests drive. */
	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	/** The matching ChromeDriver. */
	public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static volatile boolean announced;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Neo4jTarget.testcontainers()) {
			return ConditionEvaluationResult.disabled(
					"The browser tests run once, in the embedded run of the suite; the page does not depend on the Neo4j behind the API.");
		}
		if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
			return ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed");
		}
		String message = "Browser tests skipped: " + CHROMIUM + " and " + CHROMEDRIVER + " are needed "
				+ "(Debian: apt-get install chromium chromium-driver; .ci/run installs them).";
		if (!announced) {
			announced = true;
			System.err.println("[abilitymap] " + message);
		}
		return ConditionEvaluationResult.disabled(message);
	}
}
