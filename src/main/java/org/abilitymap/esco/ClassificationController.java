package org.abilitymap.esco;

import java.util.List;
import java.util.Map;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.jobs.Job;
import org.abilitymap.jobs.ReferenceOccupation;
import org.abilitymap.standards.JobRequirement;
import org.abilitymap.support.neo4j.Graph;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** GraphQL for classifying a job under an ESCO occupation ({@code classifyJob}). */
@Controller
class ClassificationController {

	private static final String RESULT = """
			MATCH (j:Job {id: $jobId}), (o:ReferenceOccupation {id: $occupationId})
			OPTIONAL MATCH (j)-[r:REQUIRES_POINT]->(p) WHERE p.id IN $pointIds
			WITH j, o, r, p ORDER BY p.id
			RETURN %s AS job, %s AS occupation,
			       [line IN collect(CASE WHEN p IS NULL THEN null ELSE %s END) | line] AS lines
			""".formatted(Job.PROJECTION, ReferenceOccupation.PROJECTION, JobRequirement.PROJECTION);

	private final JobClassification classification;

	private final Graph graph;

	ClassificationController(JobClassification classification, Graph graph) {
		this.classification = classification;
		this.graph = graph;
	}

	/** Input of {@code classifyJob}. */
	record ClassifyJobInput(String jobId, String occupationUri, Boolean adoptEssentialSkills, String industryBodyId,
			String note) {
	}

	/** Result of {@code classifyJob}. */
	record ClassifyJobPayload(Job job, ReferenceOccupation occupation, List<JobRequirement> adoptedRequirements,
			List<JobRequirement> keptRequirements, List<Problem> errors) {
	}

	@MutationMapping
	ClassifyJobPayload classifyJob(@Argument ClassifyJobInput input) {
		JobClassification.Classification done;
		try {
			done = classification.classify(input.jobId(), input.occupationUri(),
					Boolean.TRUE.equals(input.adoptEssentialSkills()), input.industryBodyId(), input.note());
		}
		catch (InvalidDocumentException ex) {
			return new ClassifyJobPayload(null, null, List.of(), List.of(), ex.problems());
		}
		List<String> pointIds = new java.util.ArrayList<>(done.adoptedPointIds());
		pointIds.addAll(done.keptPointIds());
		return graph.queryOne(RESULT, Map.of("jobId", done.jobId(), "occupationId", done.occupationId(), "pointIds",
				pointIds), r -> {
					List<JobRequirement> lines = r.get("lines").asList(JobRequirement::of);
					return new ClassifyJobPayload(Job.of(r.get("job")), ReferenceOccupation.of(r.get("occupation")),
							lines.stream().filter(l -> done.adoptedPointIds().contains(l.point().id())).toList(),
							lines.stream().filter(l -> done.keptPointIds().contains(l.point().id())).toList(), List.of());
				}).orElseThrow();
	}
}
