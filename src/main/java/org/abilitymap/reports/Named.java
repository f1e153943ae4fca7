package org.abilitymap.reports;

import org.neo4j.driver.Value;

/** Something a report names by id, Chinese name and English name: a school, job, job group or certificate. */
record Named(String id, String name, String nameEn) {

	/** {@code 名称 (English) [id]}, leaving out what is missing. */
	String describe() {
		StringBuilder text = new StringBuilder(name == null ? id : name);
		if (nameEn != null && !nameEn.isBlank()) {
			text.append(" (").append(nameEn).append(')');
		}
		return text.append(" [").append(id).append(']').toString();
	}

	static Named of(Value value) {
		return new Named(value.get("id").asString(), value.get("name").asString(null), value.get("nameEn").asString(null));
	}
}
