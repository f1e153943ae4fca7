package org.abilitymap.jobs;

import org.neo4j.driver.Value;

/**
 * Where a node of an ability map came from: the enterprise, the submission and its version.
 *
 * @param enterpriseId the submitting enterprise
 * @param submissionId the submission version holding the node
 * @param version that version's number
 */
public record Provenance(String enterpriseId, String submissionId, int version) {

	public static Provenance of(Value v) {
		return new Provenance(v.get("enterpriseId").asString(), v.get("submissionId").asString(), v.get("version").asInt());
	}
}
