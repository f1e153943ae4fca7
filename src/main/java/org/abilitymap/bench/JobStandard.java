package org.abilitymap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.abilitymap.support.neo4j.Rows;

/**
 * A job's competency standard computed while its submissions are generated, by the README's rule (the one
 * {@code StandardsRepository.DERIVE_STANDARD} applies in Cypher): over each enterprise's latest approved submission,
 * a point takes the highest level and task importance (3 when unrated) of the steps needing it, and is essential
 * when at least half of the enterprises need it.
 */
final class JobStandard {

	/** Per point code: highest level, highest importance, enterprises needing it, last enterprise counted. */
	private final Map<Integer, int[]> requirements = new TreeMap<>();

	private int enterprises;

	private int currentEnterprise = -1;

	/** Starts counting the latest approved submission of another enterprise. */
	void beginEnterprise(int enterprise) {
		enterprises++;
		currentEnterprise = enterprise;
	}

	/** A step of the counted submission needs {@code point} at {@code level} in a task of {@code importance}. */
	void need(int point, int level, Integer importance) {
		int rated = importance == null ? 3 : importance;
		int[] r = requirements.get(point);
		if (r == null) {
			requirements.put(point, new int[] { level, rated, 1, currentEnterprise });
			return;
		}
		r[0] = Math.max(r[0], level);
		r[1] = Math.max(r[1], rated);
		if (r[3] != currentEnterprise) {
			r[2]++;
			r[3] = currentEnterprise;
		}
	}

	/** The required points, by code. */
	Map<Integer, int[]> requirements() {
		return requirements;
	}

	int level(int point) {
		return requirements.get(point)[0];
	}

	int importance(int point) {
		return requirements.get(point)[1];
	}

	/** The {@code REQUIRES_POINT} rows of one kind, as the derivation writes them. */
	List<Map<String, Object>> rows(String jobId, PointPool points, boolean skills) {
		List<Map<String, Object>> rows = new ArrayList<>();
		requirements.forEach((code, r) -> {
			if (PointPool.isSkill(code) == skills) {
				rows.add(Rows.of("jobId", jobId, "e", points.elementId(code), "level", r[0], "importance", r[1],
						"essential", r[2] * 2 >= enterprises, "enterpriseCount", r[2], "enterprises", enterprises));
			}
		});
		return rows;
	}
}
