package org.abilitymap.alignment;

/**
 * One coverage figure: how many required points are covered, plainly and weighted by importance.
 *
 * @param required number of required points
 * @param covered number of them taught at or above the required level
 * @param requiredWeight sum of the required points' importance
 * @param coveredWeight sum of the covered points' importance
 */
public record Share(int required, int covered, int requiredWeight, int coveredWeight) {

	static final Share NONE = new Share(0, 0, 0, 0);

	/** covered / required; 0 when nothing is required. */
	public double ratio() {
		return required == 0 ? 0 : (double) covered / required;
	}

	/** coveredWeight / requiredWeight; 0 when nothing is required. */
	public double weightedRatio() {
		return requiredWeight == 0 ? 0 : (double) coveredWeight / requiredWeight;
	}
}
