package org.abilitymap.standards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.abilitymap.accounts.Allowed;
import org.abilitymap.accounts.Operation;
import org.abilitymap.accounts.OrganisationKind;
import org.abilitymap.accounts.Rights;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.jobs.ProficiencyLevel;
import org.abilitymap.support.neo4j.Graph;
import org.abilitymap.support.neo4j.Rows;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/**
 * Keeps job competency standards: an industry body reviews submissions and may set explicit requirements; after
 * each change the job's standard is rebuilt in the same transaction, so it always matches its sources.
 */
@Service
public class JobStandards {

	private final Graph graph;

	private final StandardsRepository repository;

	private final Rights rights;

	JobStandards(Graph graph, StandardsRepository repository, Rights rights) {
		this.graph = graph;
		this.repository = repository;
		this.rights = rights;
	}

	/**
	 * Approves a submission version on behalf of an industry body and rebuilds its job's standard.
	 *
	 * @param industryBodyId the approving body: the caller's own (which it may leave out); the system names one
	 * @throws InvalidDocumentException naming the unknown submission or industry body
	 */
	@Allowed(Operation.REVIEW_SUBMISSION)
	public String approveSubmission(String submissionId, String industryBodyId, String note) {
		return review(submissionId, ReviewDecision.APPROVED, note, industryBodyId);
	}

	/**
	 * Records an industry body's decision on a submission version, with who, when and the comment; the latest
	 * approved version of each enterprise's submission for the job is the one readers see, and the job's standard is
	 * rebuilt from the approved ones.
	 *
	 * @param industryBodyId the reviewing body: the caller's own (which it may leave out); the system names one
	 * @return the submission's job
	 * @throws InvalidDocumentException naming the unknown submission or industry body, or a missing comment
	 */
	@Allowed(Operation.REVIEW_SUBMISSION)
	public String review(String submissionId, ReviewDecision decision, String comment, String industryBodyId) {
		String bodyId = Rights.onBehalfOf(Operation.REVIEW_SUBMISSION, OrganisationKind.INDUSTRY_BODY, industryBodyId);
		String reviewer = Rights.requireActor().username();
		return graph.write(tx -> {
			Map<String, Object> state = repository.submissionState(tx, submissionId, bodyId);
			List<Problem> problems = new ArrayList<>();
			if (state.get("jobId") == null) {
				problems.add(new Problem("submissionId", ProblemCode.UNKNOWN_REFERENCE,
						"There is no submission with id '" + submissionId + "'."));
			}
			if (!(Boolean) state.get("body")) {
				problems.add(new Problem("industryBodyId", bodyId == null ? ProblemCode.REQUIRED
						: ProblemCode.UNKNOWN_REFERENCE, bodyId == null ? "Name the reviewing industry body."
								: "There is no industry body with id '" + bodyId + "'."));
			}
			if (decision != ReviewDecision.APPROVED && (comment == null || comment.isBlank())) {
				problems.add(new Problem("comment", ProblemCode.REQUIRED,
						"Say why: a rejection or a request for changes needs a comment for the enterprise."));
			}
			if (!problems.isEmpty()) {
				throw new InvalidDocumentException(problems);
			}
			String jobId = (String) state.get("jobId");
			rights.require(tx, Operation.REVIEW_SUBMISSION, jobId);
			repository.review(tx, submissionId, bodyId, decision, comment, reviewer);
			repository.rebuildStandard(tx, jobId);
			return jobId;
		});
	}

	/**
	 * Sets an industry body's explicit requirement of a point for a job, which overrides the derived one.
	 *
	 * @throws InvalidDocumentException naming unknown references or values out of range
	 */
	@Allowed(Operation.SET_JOB_REQUIREMENT)
	public void setRequirement(String jobId, String pointId, ProficiencyLevel level, int importance, boolean essential,
			String requestedBodyId, String note) {
		String industryBodyId = Rights.onBehalfOf(Operation.SET_JOB_REQUIREMENT, OrganisationKind.INDUSTRY_BODY,
				requestedBodyId);
		graph.write(tx -> {
			Map<String, Object> refs = repository.requirementReferences(tx, jobId, industryBodyId, pointId);
			List<Problem> problems = new ArrayList<>();
			if (!(Boolean) refs.get("job")) {
				problems.add(new Problem("jobId", ProblemCode.UNKNOWN_REFERENCE, "There is no job with id '" + jobId + "'."));
			}
			if (!(Boolean) refs.get("point")) {
				problems.add(new Problem("pointId", ProblemCode.UNKNOWN_REFERENCE,
						"There is no skill or knowledge point with id '" + pointId + "'."));
			}
			if (!(Boolean) refs.get("body")) {
				problems.add(new Problem("industryBodyId", ProblemCode.UNKNOWN_REFERENCE,
						"There is no industry body with id '" + industryBodyId + "'."));
			}
			if (importance < 1 || importance > 5) {
				problems.add(new Problem("importance", ProblemCode.INVALID_VALUE,
						"'importance' must be between 1 and 5, not " + importance + "."));
			}
			if (!problems.isEmpty()) {
				throw new InvalidDocumentException(problems);
			}
			rights.require(tx, Operation.SET_JOB_REQUIREMENT, jobId);
			repository.setOverride(tx, Rows.of("jobId", jobId, "pointId", pointId, "level", level.rank(), "importance",
					importance, "essential", essential, "industryBodyId", industryBodyId, "note", note));
			repository.rebuildStandard(tx, jobId);
			return null;
		});
	}

	/**
	 * Gives a job explicit requirements of these points where it has none yet (an existing explicit requirement is
	 * never replaced) and rebuilds its standard, inside the caller's transaction.
	 *
	 * @param setBy who set them: an industry body's id, or the source they come from
	 * @return the ids of the points that got a requirement
	 */
	public List<String> addMissingRequirements(TransactionContext tx, String jobId, List<String> pointIds,
			ProficiencyLevel level, int importance, boolean essential, String setBy, String note) {
		List<String> added = repository.addMissingOverrides(tx, Rows.of("jobId", jobId, "pointIds", pointIds, "level",
				level.rank(), "importance", importance, "essential", essential, "setBy", setBy, "note", note));
		repository.rebuildStandard(tx, jobId);
		return added;
	}

	/** Removes an explicit requirement, so the derived one (if any) applies again; false when there was none. */
	@Allowed(Operation.SET_JOB_REQUIREMENT)
	public boolean removeRequirement(String jobId, String pointId) {
		return graph.write(tx -> {
			rights.require(tx, Operation.SET_JOB_REQUIREMENT, jobId);
			boolean removed = repository.removeOverride(tx, jobId, pointId);
			if (removed) {
				repository.rebuildStandard(tx, jobId);
			}
			return removed;
		});
	}

	/** Rebuilds the standards of every job (after a bulk import, or to repair). */
	public int rebuildAll() {
		List<String> jobs = graph.read(repository::allJobIds);
		for (String jobId : jobs) {
			graph.write(tx -> {
				repository.rebuildStandard(tx, jobId);
				return null;
			});
		}
		return jobs.size();
	}
}
