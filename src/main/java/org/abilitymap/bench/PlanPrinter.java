package org.abilitymap.bench;

import java.util.Map;

import org.abilitymap.support.neo4j.Graph;
import org.neo4j.driver.Values;
import org.neo4j.driver.summary.ProfiledPlan;

/** Prints the profiled plan of a query: operators with rows, database hits and time. */
final class PlanPrinter {

	private PlanPrinter() {
	}

	static String profile(Graph graph, String cypher, Map<String, Object> parameters) {
		ProfiledPlan plan = graph.read(tx -> tx.run("PROFILE " + cypher, parameters).consume().profile());
		StringBuilder text = new StringBuilder();
		print(plan, 0, text);
		return text.toString();
	}

	private static void print(ProfiledPlan plan, int depth, StringBuilder text) {
		String details = plan.arguments().getOrDefault("Details", Values.NULL).toString().replace("\n", " ");
		text.append("  ".repeat(depth)).append(plan.operatorType().replace("@neo4j", "")).append(" rows=")
			.append(plan.records()).append(" dbHits=").append(plan.dbHits()).append(' ')
			.append(details, 0, Math.min(160, details.length())).append('\n');
		for (ProfiledPlan child : plan.children()) {
			print(child, depth + 1, text);
		}
	}
}
