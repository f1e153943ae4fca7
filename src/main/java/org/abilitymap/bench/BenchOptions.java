package org.abilitymap.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The arguments of {@code bench}: its own options, and every other {@code --name=value} passed on to Spring.
 *
 * @param scales node counts of the provinces to generate, one database each
 * @param iterations measured iterations per scale and path
 * @param warmup unmeasured iterations first, until the JIT compilers have settled
 * @param seed the generator's seed
 * @param report where the markdown table goes
 * @param springArguments the remaining {@code --} arguments (Spring properties)
 */
record BenchOptions(List<Long> scales, int iterations, int warmup, long seed, Path report,
		List<String> springArguments) {

	/**
	 * Warm-up iterations by default. On two cores the optimising compiler takes thousands of requests to settle: the
	 * GraphQL p50 still falls by a third between the 200th and the 8,000th (docs/benchmarks.md, "Warm-up").
	 */
	static final int DEFAULT_WARMUP = 8_000;

	static final String USAGE = """
			Usage: java -Xmx4g -XX:+UseParallelGC -jar abilitymap.jar bench [--scales=10000,1000000] [--iterations=500]
			         [--warmup=8000] [--seed=42] [--report=target/benchmarks.md] [--spring.property=…]
			Generates a synthetic province per scale in a fresh temporary embedded Neo4j, then measures coverage + gaps
			of one programme (40 courses, 10 target jobs) through GraphQL over HTTP and through the raw Cypher.
			With 'load' first (bench load --clients=16 --seconds=60): concurrent writes over HTTP, checked against the graph.""";

	static BenchOptions parse(List<String> arguments) {
		List<Long> scales = List.of(10_000L, 1_000_000L);
		int iterations = 500;
		int warmup = DEFAULT_WARMUP;
		long seed = 42;
		Path report = Path.of("target", "benchmarks.md");
		List<String> spring = new ArrayList<>();
		for (String argument : arguments) {
			String value = argument.contains("=") ? argument.substring(argument.indexOf('=') + 1) : "";
			if (argument.startsWith("--scales=")) {
				scales = Arrays.stream(value.split(",")).map(String::strip).map(BenchOptions::count).toList();
			}
			else if (argument.startsWith("--iterations=")) {
				iterations = (int) number(argument, value, Integer.MAX_VALUE);
			}
			else if (argument.startsWith("--warmup=")) {
				warmup = (int) number(argument, value, Integer.MAX_VALUE);
			}
			else if (argument.startsWith("--seed=")) {
				seed = number(argument, value, Long.MAX_VALUE);
			}
			else if (argument.startsWith("--report=")) {
				report = Path.of(value);
			}
			else if (argument.startsWith("--")) {
				spring.add(argument);
			}
			else {
				throw new IllegalArgumentException("Unexpected argument '" + argument + "'.");
			}
		}
		if (scales.isEmpty() || iterations < 1 || warmup < 0) {
			throw new IllegalArgumentException("Give at least one scale, one iteration and no negative warm-up.");
		}
		return new BenchOptions(scales, iterations, warmup, seed, report, spring);
	}

	/** A node count such as {@code 10000}, {@code 10k} or {@code 1m}. */
	private static long count(String text) {
		String lower = text.toLowerCase(java.util.Locale.ROOT).replace("_", "");
		long unit = lower.endsWith("k") ? 1_000 : lower.endsWith("m") ? 1_000_000 : 1;
		try {
			return Long.parseLong(unit == 1 ? lower : lower.substring(0, lower.length() - 1)) * unit;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"Cannot read the scale '" + text + "': give a node count such as 10000, 10k or 1m.");
		}
	}

	/** The whole number of {@code --name=value}, at most {@code max}, or an error naming the argument. */
	static long number(String argument, String value, long max) {
		try {
			long number = Long.parseLong(value);
			if (number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below, with the argument
		}
		throw new IllegalArgumentException("Cannot read '" + argument + "': give a whole number up to " + max + ".");
	}
}
