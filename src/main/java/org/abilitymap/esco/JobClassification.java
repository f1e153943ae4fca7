package org.abilitymap.esco;

import org.abilitymap.accounts.Allowed;
import org.abilitymap.accounts.Operation;
import org.abilitymap.accounts.OrganisationKind;
import org.abilitymap.accounts.Rights;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.jobs.ProficiencyLevel;
import org.abilitymap.standards.JobStandards;
import org.abilitymap.support.neo4j.Graph;
import org.abilitymap.support.neo4j.Rows;
import org.springframework.stereotype.Service;

/**
 * Classifies a job under an imported ESCO occupation and, when asked, adopts the occupation's essential skills and
 * knowledge as explicit requirements of the job's standard, without touching requirements already set explicitly.
 */
@Service
public class JobClassification {

	/** The level of an adopted ESCO essential: ESCO says a worker needs it, not how well; 熟练 is the middle rank. */
	static final ProficiencyLevel ADOPTED_LEVEL = ProficiencyLevel.PRACTISED;

	/** The importance of an adopted ESCO essential: 3, the value an unrated task counts as elsewhere. */
	static final int ADOPTED_IMPORTANCE = 3;

	/** Who set an adopted requirement when no industry body is named. */
	static final String ESCO_SOURCE = "ESCO";

	private static final String REFERENCES = """
			OPTIONAL MATCH (j:Job {id: $jobId})
			OPTIONAL MATCH (o:ReferenceOccupation:EscoConcept {escoUri: $occupationUri})
			OPTIONAL MATCH (b:IndustryBody {id: $industryBodyId})
			RETURN j IS NOT NULL AS job, o.id AS occupationId, o.preferredLabel AS occupationLabel,
			       b IS NOT NULL AS body
			""";

	private static final String CLASSIFY = """
			MATCH (j:Job {id: $jobId}), (o:ReferenceOccupation {id: $occupationId})
			MERGE (j)-[c:CLASSIFIED_AS]->(o)
			ON CREATE SET c.classifiedAt = datetime(), c.classifiedBy = $industryBodyId
			""";

	private static final String ESSENTIALS = """
			MATCH (:ReferenceOccupation {id: $occupationId})-[:NEEDS_POINT {relationType: 'essential'}]->(p)
			RETURN p.id AS id ORDER BY id
			""";

	private final Graph graph;

	private final JobStandards standards;

	private final Rights rights;

	JobClassification(Graph graph, JobStandards standards, Rights rights) {
		this.graph = graph;
		this.standards = standards;
		this.rights = rights;
	}

	/**
	 * What a classification did.
	 *
	 * @param adoptedPointIds essential points that became explicit requirements now
	 * @param keptPointIds essential points the job already had an explicit requirement for, left as they were
	 */
	public record Classification(String jobId, String occupationId, List<String> adoptedPointIds,
			List<String> keptPointIds) {
	}

	/**
	 * Links the job to the ESCO occupation ({@code CLASSIFIED_AS}, kept when already there) and, when
	 * {@code adoptEssentialSkills}, adds its essential skills and knowledge to the job's standard.
	 *
	 * @param industryBodyId the industry body deciding, recorded as who set the requirements; optional
	 * @throws InvalidDocumentException naming an unknown job, occupation or industry body; nothing is written then
	 */
	@Allowed(Operation.CLASSIFY_JOB)
	public Classification classify(String jobId, String occupationUri, boolean adoptEssentialSkills,
			String requestedBodyId, String note) {
		String industryBodyId = Rights.onBehalfOf(Operation.CLASSIFY_JOB, OrganisationKind.INDUSTRY_BODY,
				requestedBodyId);
		return graph.write(tx -> {
			Map<String, Object> refs = tx.run(REFERENCES, Rows.of("jobId", jobId, "occupationUri", occupationUri,
					"industryBodyId", industryBodyId)).single().asMap();
			List<Problem> problems = new ArrayList<>();
			if (!(Boolean) refs.get("job")) {
				problems.add(new Problem("jobId", ProblemCode.UNKNOWN_REFERENCE, "There is no job with id '" + jobId
						+ "'."));
			}
			String occupationId = (String) refs.get("occupationId");
			if (occupationId == null) {
				problems.add(new Problem("occupationUri", ProblemCode.UNKNOWN_REFERENCE, "There is no ESCO occupation "
						+ "with URI '" + occupationUri + "' in the graph; import ESCO first (import --format=esco)."));
			}
			if (industryBodyId != null && !(Boolean) refs.get("body")) {
				problems.add(new Problem("industryBodyId", ProblemCode.UNKNOWN_REFERENCE,
						"There is no industry body with id '" + industryBodyId + "'."));
			}
			if (!problems.isEmpty()) {
				throw new InvalidDocumentException(problems);
			}
			rights.require(tx, Operation.CLASSIFY_JOB, jobId);
			tx.run(CLASSIFY, Rows.of("jobId", jobId, "occupationId", occupationId, "industryBodyId", industryBodyId))
				.consume();
			if (!adoptEssentialSkills) {
				return new Classification(jobId, occupationId, List.of(), List.of());
			}
			List<String> essentials = tx.run(ESSENTIALS, Map.of("occupationId", occupationId))
				.list(r -> r.get("id").asString());
			String label = (String) refs.get("occupationLabel");
			String text = note != null ? note : "Essential for the ESCO occupation '" + label + "' (" + occupationUri + ")";
			List<String> adopted = standards.addMissingRequirements(tx, jobId, essentials, ADOPTED_LEVEL,
					ADOPTED_IMPORTANCE, true, industryBodyId != null ? industryBodyId : ESCO_SOURCE, text);
			List<String> kept = essentials.stream().filter(id -> !adopted.contains(id)).toList();
			return new Classification(jobId, occupationId, List.copyOf(adopted), kept);
		});
	}
}
