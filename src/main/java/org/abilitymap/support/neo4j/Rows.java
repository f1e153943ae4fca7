package org.abilitymap.support.neo4j;

import java.util.HashMap;
import java.util.Map;

/** Builds Cypher parameter maps that, unlike {@link Map#of}, accept null for absent optional values. */
public final class Rows {

	private Rows() {
	}

	/** A map of alternating keys and values: {@code Rows.of("id", id, "nameEn", null)}. */
	public static Map<String, Object> of(Object... keysAndValues) {
		if (keysAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("Rows.of needs pairs of keys and values");
		}
		Map<String, Object> row = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			row.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return row;
	}
}
