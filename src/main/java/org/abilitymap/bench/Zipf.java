package org.abilitymap.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Draws ranks 0…n-1 with probability proportional to 1/(rank+1)^exponent: a few items very often, most rarely. */
final class Zipf {

	private final double[] cumulative;

	Zipf(int n, double exponent) {
		if (n < 1) {
			throw new IllegalArgumentException("A Zipf distribution needs at least one item");
		}
		cumulative = new double[n];
		double sum = 0;
		for (int rank = 0; rank < n; rank++) {
			sum += 1 / Math.pow(rank + 1, exponent);
			cumulative[rank] = sum;
		}
		for (int rank = 0; rank < n; rank++) {
			cumulative[rank] /= sum;
		}
	}

	int sample(SplittableRandom random) {
		int index = Arrays.binarySearch(cumulative, random.nextDouble());
		int rank = index >= 0 ? index : -index - 1;
		return Math.min(rank, cumulative.length - 1);
	}

	/** Picks an index from explicit weights (which need not sum to 1). */
	static int weighted(SplittableRandom random, double... weights) {
		double total = 0;
		for (double w : weights) {
			total += w;
		}
		double x = random.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			x -= weights[i];
			if (x < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	/** A random stream for one part of the province, independent of the order in which parts are generated. */
	static SplittableRandom stream(long seed, long part, long index) {
		long mixed = seed * 0x9E3779B97F4A7C15L + part * 0xC2B2AE3D27D4EB4FL + index * 0x165667B19E3779F9L;
		return new SplittableRandom(mixed);
	}
}
