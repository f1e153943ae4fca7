package org.abilitymap.standards;

import java.util.List;
import java.util.Map;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.jobs.Job;
import org.abilitymap.jobs.ProficiencyLevel;
import org.abilitymap.jobs.Submission;
import org.abilitymap.support.graphql.Batches;
import org.abilitymap.support.neo4j.Graph;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL for job competency standards: reading them, reviewing submissions, explicit requirements. */
@Controller
class StandardsController {

	private static final String STANDARDS_OF_JOBS = """
			UNWIND $ids AS key
			MATCH (j:Job {id: key})-[r:REQUIRES_POINT]->(p)
			WITH key, j, r, p ORDER BY r.essential DESC, r.importance DESC, p.name
			RETURN key, collect(%s) AS items
			""".formatted(JobRequirement.PROJECTION);

	private static final String SUBMISSION_BY_ID = "MATCH (s:Submission {id: $id}) RETURN " + Submission.PROJECTION
			+ " AS item";

	private static final String REVIEWS_OF_SUBMISSIONS = """
			UNWIND $ids AS key
			MATCH (r:Review)-[:REVIEWS]->(:Submission {id: key})
			WITH key, r ORDER BY r.at
			RETURN key, collect(r {.decision, .comment, at: toString(r.at), .reviewer, .industryBodyId}) AS items
			""";

	private final JobStandards standards;

	private final Graph graph;

	StandardsController(JobStandards standards, Graph graph) {
		this.standards = standards;
		this.graph = graph;
	}

	/** Input of {@code approveSubmission}. */
	record ApproveSubmissionInput(String submissionId, String industryBodyId, String note) {
	}

	/** Result of {@code approveSubmission}. */
	record ApproveSubmissionPayload(Submission submission, List<Problem> errors) {
	}

	/** Input of {@code setJobRequirement}. */
	record SetJobRequirementInput(String jobId, String pointId, ProficiencyLevel level, int importance,
			boolean essential, String industryBodyId, String note) {
	}

	/** Result of {@code setJobRequirement}. */
	record SetJobRequirementPayload(List<JobRequirement> standard, List<Problem> errors) {
	}

	/** Input of {@code removeJobRequirement}. */
	record RemoveJobRequirementInput(String jobId, String pointId) {
	}

	/** Result of {@code removeJobRequirement}. */
	record RemoveJobRequirementPayload(boolean removed, List<JobRequirement> standard) {
	}

	@QueryMapping
	List<JobRequirement> jobStandard(@Argument String jobId) {
		return standardOf(jobId);
	}

	@BatchMapping(typeName = "Job")
	List<List<JobRequirement>> standard(List<Job> jobs) {
		return Batches.lists(jobs, Job::id, graph.queryGrouped(STANDARDS_OF_JOBS,
				Map.of("ids", Batches.keys(jobs, Job::id)), JobRequirement::of));
	}

	/** One decision on a submission version. */
	record Review(ReviewDecision decision, String comment, String at, String reviewer, String industryBodyId) {
	}

	@BatchMapping(typeName = "Submission")
	List<List<Review>> reviews(List<Submission> submissions) {
		return Batches.lists(submissions, Submission::id, graph.queryGrouped(REVIEWS_OF_SUBMISSIONS,
				Map.of("ids", Batches.keys(submissions, Submission::id)), v -> new Review(
						ReviewDecision.valueOf(v.get("decision").asString()), v.get("comment").asString(null),
						v.get("at").asString(), v.get("reviewer").asString(), v.get("industryBodyId").asString())));
	}

	@MutationMapping
	ApproveSubmissionPayload approveSubmission(@Argument ApproveSubmissionInput input) {
		try {
			standards.approveSubmission(input.submissionId(), input.industryBodyId(), input.note());
			return new ApproveSubmissionPayload(graph.queryOne(SUBMISSION_BY_ID, Map.of("id", input.submissionId()),
					r -> Submission.of(r.get("item"))).orElseThrow(), List.of());
		}
		catch (InvalidDocumentException ex) {
			return new ApproveSubmissionPayload(null, ex.problems());
		}
	}

	/** Input of {@code reviewSubmission}. */
	record ReviewSubmissionInput(String submissionId, ReviewDecision decision, String comment, String industryBodyId) {
	}

	@MutationMapping
	ApproveSubmissionPayload reviewSubmission(@Argument ReviewSubmissionInput input) {
		try {
			standards.review(input.submissionId(), input.decision(), input.comment(), input.industryBodyId());
			return new ApproveSubmissionPayload(graph.queryOne(SUBMISSION_BY_ID, Map.of("id", input.submissionId()),
					r -> Submission.of(r.get("item"))).orElseThrow(), List.of());
		}
		catch (InvalidDocumentException ex) {
			return new ApproveSubmissionPayload(null, ex.problems());
		}
	}

	@MutationMapping
	SetJobRequirementPayload setJobRequirement(@Argument SetJobRequirementInput input) {
		try {
			standards.setRequirement(input.jobId(), input.pointId(), input.level(), input.importance(),
					input.essential(), input.industryBodyId(), input.note());
			return new SetJobRequirementPayload(standardOf(input.jobId()), List.of());
		}
		catch (InvalidDocumentException ex) {
			return new SetJobRequirementPayload(List.of(), ex.problems());
		}
	}

	@MutationMapping
	RemoveJobRequirementPayload removeJobRequirement(@Argument RemoveJobRequirementInput input) {
		boolean removed = standards.removeRequirement(input.jobId(), input.pointId());
		return new RemoveJobRequirementPayload(removed, standardOf(input.jobId()));
	}

	private List<JobRequirement> standardOf(String jobId) {
		return graph.queryGrouped(STANDARDS_OF_JOBS, Map.of("ids", List.of(jobId)), JobRequirement::of)
			.getOrDefault(jobId, List.of());
	}
}
