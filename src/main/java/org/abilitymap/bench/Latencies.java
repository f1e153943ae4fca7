package org.abilitymap.bench;

import java.util.Arrays;

/**
 * Summary of measured durations, from the sorted samples (nearest rank).
 *
 * @param count number of samples
 * @param p50Ms median in milliseconds
 * @param p99Ms 99th percentile in milliseconds
 * @param meanMs mean in milliseconds
 * @param minMs fastest sample
 * @param maxMs slowest sample
 */
record Latencies(int count, double p50Ms, double p99Ms, double meanMs, double minMs, double maxMs) {

	static Latencies of(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		double mean = Arrays.stream(sorted).average().orElse(0);
		return new Latencies(sorted.length, ms(percentile(sorted, 50)), ms(percentile(sorted, 99)), mean / 1e6,
				ms(sorted[0]), ms(sorted[sorted.length - 1]));
	}

	/** The smallest sample with at least {@code percent} % of the samples at or below it. */
	static long percentile(long[] sorted, double percent) {
		int rank = (int) Math.ceil(percent / 100 * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

	private static double ms(long nanos) {
		return nanos / 1e6;
	}
}
