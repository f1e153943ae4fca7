package org.abilitymap.jobs;

import java.util.List;

import org.neo4j.driver.Value;

/** One version of an enterprise's work-task submission for a job, as read from the graph. */
public record Submission(String id, String enterpriseId, String jobId, int version, boolean latest,
		boolean published, String submittedAt, String status, String contentHash, Shadowing shadowing) {

	/** Projection of a submission node bound to {@code s}. */
	public static final String PROJECTION = "s {.id, .enterpriseId, .jobId, .version, .current, .status, .contentHash, "
			+ ".published, .observers, .method, .notes, submittedAt: toString(s.submittedAt), "
			+ "shadowingStart: toString(s.shadowingStart), shadowingEnd: toString(s.shadowingEnd)}";

	/** How the tasks were found. */
	public record Shadowing(String startDate, String endDate, List<String> observers, String method, String notes) {
	}

	public static Submission of(Value v) {
		List<String> observers = v.get("observers").isNull() ? List.of() : v.get("observers").asList(Value::asString);
		Shadowing shadowing = new Shadowing(v.get("shadowingStart").asString(null), v.get("shadowingEnd").asString(null),
				observers, v.get("method").asString(null), v.get("notes").asString(null));
		boolean recorded = shadowing.startDate() != null || shadowing.endDate() != null || !observers.isEmpty()
				|| shadowing.method() != null || shadowing.notes() != null;
		return new Submission(v.get("id").asString(), v.get("enterpriseId").asString(), v.get("jobId").asString(),
				v.get("version").asInt(), v.get("current").asBoolean(false),
				v.get("published").asBoolean(false), v.get("submittedAt").asString(),
				v.get("status").asString(), v.get("contentHash").asString(), recorded ? shadowing : null);
	}
}
