package org.abilitymap.national;

import java.util.List;

import org.neo4j.driver.Value;

/** An entry of the national programme catalogue with its profile, as read from the graph. */
public record CatalogueProgramme(String code, String name, String level, String note, boolean inCatalogueTable,
		String duration, String occupationalOrientation, String trainingGoal, List<String> foundationCourses,
		List<String> coreCourses, String practicalTraining, List<String> exampleCertificates) {

	/** The map projection queries return for this record, on a node bound to {@code p}. */
	public static final String PROJECTION = "p {.code, .name, .level, .note, .inCatalogueTable, .duration, "
			+ ".occupationalOrientation, .trainingGoal, .foundationCourses, .coreCourses, .practicalTraining, "
			+ ".exampleCertificates}";

	public static CatalogueProgramme of(Value v) {
		return new CatalogueProgramme(v.get("code").asString(), v.get("name").asString(), v.get("level").asString(),
				v.get("note").asString(null), v.get("inCatalogueTable").asBoolean(true), v.get("duration").asString(null),
				v.get("occupationalOrientation").asString(null), v.get("trainingGoal").asString(null),
				strings(v.get("foundationCourses")), strings(v.get("coreCourses")), v.get("practicalTraining").asString(null),
				strings(v.get("exampleCertificates")));
	}

	static List<String> strings(Value v) {
		return v.isNull() ? List.of() : v.asList(Value::asString);
	}
}
