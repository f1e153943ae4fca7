package org.abilitymap.alignment;

import java.util.List;
import java.util.Map;

import org.abilitymap.support.graphql.InvalidArgumentException;
import org.abilitymap.support.neo4j.Graph;
import org.abilitymap.support.neo4j.Rows;
import org.springframework.stereotype.Component;

/**
 * Turns a choice of chosen jobs, a job group or a certificate into a {@link Target}, checking that at most one is
 * given and that it exists; shared by GraphQL, the REST downloads and the command line.
 */
@Component
public class AlignmentTargets {

	private static final String JOBS_OF_GROUP = "MATCH (:JobGroup {id: $id})<-[:IN_GROUP]-(j:Job) RETURN j.id AS id";

	private static final String EXISTS = """
			OPTIONAL MATCH (g:JobGroup {id: $groupId})
			OPTIONAL MATCH (c:Certificate {id: $certificateId})
			RETURN g IS NOT NULL AS group, c IS NOT NULL AS certificate,
			       [id IN coalesce($jobIds, []) WHERE NOT EXISTS { MATCH (:Job {id: id}) }] AS unknownJobs
			""";

	private final Graph graph;

	AlignmentTargets(Graph graph) {
		this.graph = graph;
	}

	/**
	 * What the caller calls the three choices, for messages and for the argument named in an
	 * {@link InvalidArgumentException}.
	 */
	public record ArgumentNames(String target, String jobIds, String jobGroupId, String certificateId) {

		/** The fields of the GraphQL {@code AlignmentTarget} argument. */
		public static final ArgumentNames GRAPHQL = new ArgumentNames("target", "target.jobIds", "target.jobGroupId",
				"target.certificateId");

		private String shortName(String name) {
			return name.substring(name.lastIndexOf('.') + 1);
		}
	}

	/** The programme's own target jobs (职业面向): the target when nothing is chosen. */
	public static Target programmeJobs() {
		return Target.PROGRAMME_JOBS;
	}

	/**
	 * The target chosen by at most one of the three (all {@code null}: the programme's own jobs).
	 *
	 * @throws InvalidArgumentException when more than one is given, or a job, group or certificate does not exist
	 */
	public Target resolve(List<String> jobIds, String jobGroupId, String certificateId, ArgumentNames names) {
		int given = (jobIds == null ? 0 : 1) + (jobGroupId == null ? 0 : 1) + (certificateId == null ? 0 : 1);
		if (given == 0) {
			return Target.PROGRAMME_JOBS;
		}
		if (given > 1) {
			throw new InvalidArgumentException(names.target(), "Give only one of '" + names.shortName(names.jobIds())
					+ "', '" + names.shortName(names.jobGroupId()) + "' or '" + names.shortName(names.certificateId())
					+ "'.");
		}
		var exists = graph.queryOne(EXISTS, Rows.of("groupId", jobGroupId, "certificateId", certificateId, "jobIds",
				jobIds), r -> r).orElseThrow();
		if (jobIds != null) {
			List<String> unknown = exists.get("unknownJobs").asList(v -> v.asString());
			if (!unknown.isEmpty()) {
				throw new InvalidArgumentException(names.jobIds(), unknown.size() == 1
						? "There is no job with id '" + unknown.get(0) + "'."
						: "There are no jobs with ids '" + String.join("', '", unknown) + "'.");
			}
			return new Target(Target.Kind.JOBS, jobIds, null, null);
		}
		if (jobGroupId != null) {
			if (!exists.get("group").asBoolean()) {
				throw new InvalidArgumentException(names.jobGroupId(),
						"There is no job group with id '" + jobGroupId + "'.");
			}
			List<String> jobs = graph.query(JOBS_OF_GROUP, Map.of("id", jobGroupId), r -> r.get("id").asString());
			return new Target(Target.Kind.JOB_GROUP, jobs, jobGroupId, null);
		}
		if (!exists.get("certificate").asBoolean()) {
			throw new InvalidArgumentException(names.certificateId(),
					"There is no certificate with id '" + certificateId + "'.");
		}
		return new Target(Target.Kind.CERTIFICATE, null, null, certificateId);
	}
}
