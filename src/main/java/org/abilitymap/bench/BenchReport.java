package org.abilitymap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's results as a markdown table, with the ratios and the targets they are held against. */
final class BenchReport {

	/** Targets for coverage + gaps of a programme of 40 courses and 10 target jobs, on a 2-core machine. */
	static final double TARGET_P50_MS = 10;

	static final double TARGET_P99_MS = 50;

	static final double TARGET_GRAPHQL_OVER_CYPHER = 1.3;

	static final double TARGET_LARGEST_OVER_SMALLEST = 1.5;

	static final double TARGET_ELEMENTS_PER_SECOND = 50_000;

	/**
	 * Everything measured at one scale.
	 *
	 * @param province what was generated, and how fast
	 * @param importCpuSeconds CPU time the whole process (generator, driver and database) spent generating
	 * @param importLoad the system's load average (1 min) at the end of the import
	 * @param answer the checked GraphQL answer
	 * @param graphQl coverage + gaps in one GraphQL request over HTTP
	 * @param cypher the query the GraphQL request runs (the stored alignment), through the driver
	 * @param roundTrip {@code RETURN 1} through the driver, the floor under any query
	 * @param coldGraphQl the GraphQL request right after a write made the stored alignment stale
	 * @param graphQlCpuMs process CPU time (all threads) per GraphQL request, ms
	 * @param cypherCpuMs process CPU time per raw query
	 * @param coldGraphQlCpuMs process CPU time per GraphQL request after a write (with the write)
	 * @param latencyLoad the system's load average (1 min) at the end of the latency measurements
	 * @param warmUpGraphQlP50s GraphQL p50 of each block of warm-up iterations, ms
	 */
	record Scale(ProvinceGenerator.Result province, double importCpuSeconds, double importLoad,
			LatencyProbe.Answer answer, Latencies graphQl, Latencies cypher, Latencies roundTrip, Latencies coldGraphQl,
			double graphQlCpuMs, double cypherCpuMs, double coldGraphQlCpuMs, double latencyLoad,
			List<Double> warmUpGraphQlP50s) {

		double graphQlOverCypher() {
			return graphQl.p50Ms() / cypher.p50Ms();
		}
	}

	private final List<Scale> scales = new ArrayList<>();

	private final String machine;

	private final String settings;

	BenchReport(String machine, String settings) {
		this.machine = machine;
		this.settings = settings;
	}

	void add(Scale scale) {
		scales.add(scale);
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append(machine).append("  \n").append(settings).append("\n\n");
		md.append("Import (generated elements = nodes + relationships created):\n\n");
		md.append("| scale | nodes | relationships | elements | import s | elements/s | process CPU s "
				+ "| elements per CPU s | load avg |\n");
		md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Scale s : scales) {
			var p = s.province();
			md.append(format("| %,d | %,d | %,d | %,d | %.1f | %,.0f | %.1f | %,.0f | %.1f |%n", p.shape().targetNodes(),
					p.nodes(), p.relationships(), p.elements(), p.seconds(), p.elementsPerSecond(), s.importCpuSeconds(),
					p.elements() / s.importCpuSeconds(), s.importLoad()));
		}
		md.append("\nCoverage + gaps of one programme (40 courses, 10 target jobs), ms:\n\n");
		md.append("| scale | R | gaps | response KB | GraphQL p50 | GraphQL p99 | Cypher p50 | Cypher p99 "
				+ "| GraphQL/Cypher p50 | RETURN 1 p50 | after a write: GraphQL p50 | p99 | load avg |\n");
		md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Scale s : scales) {
			md.append(format("| %,d | %d | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f |%n",
					s.province().nodes(), s.answer().required(), s.answer().gaps(), s.answer().bytes() / 1024.0,
					s.graphQl().p50Ms(), s.graphQl().p99Ms(), s.cypher().p50Ms(), s.cypher().p99Ms(),
					s.graphQlOverCypher(), s.roundTrip().p50Ms(), s.coldGraphQl().p50Ms(), s.coldGraphQl().p99Ms(),
					s.latencyLoad()));
		}
		md.append("\nWarm-up before the measurements, GraphQL p50 per block, ms:\n\n");
		for (Scale s : scales) {
			List<String> blocks = s.warmUpGraphQlP50s().stream().map(p50 -> format("%.2f", p50)).toList();
			md.append(format("- %,d nodes: %s%n", s.province().nodes(),
					blocks.isEmpty() ? "(shorter than a block)" : String.join(", ", blocks)));
		}
		md.append("\nProcess CPU time per request (all threads of the one process: client, web server, GraphQL, driver, "
				+ "database), ms:\n\n| scale | GraphQL | Cypher | GraphQL after a write (with the write) |\n"
				+ "|---:|---:|---:|---:|\n");
		for (Scale s : scales) {
			md.append(format("| %,d | %.2f | %.2f | %.2f |%n", s.province().nodes(), s.graphQlCpuMs(), s.cypherCpuMs(),
					s.coldGraphQlCpuMs()));
		}
		md.append("\n");
		Scale smallest = scales.get(0);
		Scale largest = scales.get(scales.size() - 1);
		double growth = largest.graphQl().p50Ms() / smallest.graphQl().p50Ms();
		double cypherGrowth = largest.cypher().p50Ms() / smallest.cypher().p50Ms();
		md.append(format("Latency at %,d / at %,d nodes (p50): GraphQL %.2f, Cypher %.2f.%n%n",
				largest.province().nodes(), smallest.province().nodes(), growth, cypherGrowth));
		md.append("| target | measured | met |\n|---|---:|:---:|\n");
		target(md, format("GraphQL p50 at %,d nodes ≤ %.0f ms", largest.province().nodes(), TARGET_P50_MS),
				format("%.2f ms", largest.graphQl().p50Ms()), largest.graphQl().p50Ms() <= TARGET_P50_MS);
		target(md, format("GraphQL p99 at %,d nodes ≤ %.0f ms", largest.province().nodes(), TARGET_P99_MS),
				format("%.2f ms", largest.graphQl().p99Ms()), largest.graphQl().p99Ms() <= TARGET_P99_MS);
		double worstOverhead = scales.stream().mapToDouble(Scale::graphQlOverCypher).max().orElse(0);
		target(md, format("GraphQL / raw Cypher (p50, every scale) ≤ %.1f", TARGET_GRAPHQL_OVER_CYPHER),
				format("%.2f (worst)", worstOverhead), worstOverhead <= TARGET_GRAPHQL_OVER_CYPHER);
		target(md, format("latency at largest / at smallest scale (GraphQL p50) ≤ %.1f", TARGET_LARGEST_OVER_SMALLEST),
				format("%.2f", growth), growth <= TARGET_LARGEST_OVER_SMALLEST);
		double largestImport = largest.province().elementsPerSecond();
		target(md, format("bulk import ≥ %,.0f elements/s (at %,d nodes)", TARGET_ELEMENTS_PER_SECOND,
				largest.province().nodes()), format("%,.0f", largestImport), largestImport >= TARGET_ELEMENTS_PER_SECOND);
		return md.toString();
	}

	private static void target(StringBuilder md, String target, String measured, boolean met) {
		md.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "yes" : "**no**")
			.append(" |\n");
	}

	private static String format(String pattern, Object... arguments) {
		return String.format(Locale.ROOT, pattern, arguments);
	}
}
