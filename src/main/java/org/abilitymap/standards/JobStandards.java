package org.abilitymap.standards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.jobs.ProficiencyLevel;
import org.abilitymap.support.neo4j.Graph;
import org.abilitymap.support.neo4j.Rows;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/**
 * Keeps job competency standards: an industry body approves submissions and may set explicit requirements; after
 * each change the job's standard is rebuilt in the same transaction, so it always matches its sources.
 */
@Service
public class JobStandards {

	private final Graph graph;

	private final StandardsRepository repository;

	JobStandards(Graph graph, StandardsRepository repository) {
		this.graph = graph;
		this.repository = repository;
	}

	/**
	 * Approves a submission version on behalf of an industry body and rebuilds its job's standard.
	 *
	 * @throws InvalidDocumentException naming the unknown submission or industry body
	 */
	public String approveSubmission(String submissionId, String industryBodyId, String note) {
		return graph.write(tx -> {
			Map<String, Object> state = repository.submissionState(tx, submissionId, industryBodyId);
			List<Problem> problems = new ArrayList<>();
			if (!(Boolean) state.get("submission")) {
				problems.add(new Problem("submissionId", ProblemCode.UNKNOWN_REFERENCE,
						"There is no submission with id '" + submissionId + "'."));
			}
			if (!(Boolean) state.get("body")) {
				problems.add(new Problem("industryBodyId", ProblemCode.UNKNOWN_REFERENCE,
						"There is no industry body with id '" + industryBodyId + "'."));
			}
			if (!problems.isEmpty()) {
				throw new InvalidDocumentException(problems);
			}
			String jobId = repository.approve(tx, submissionId, industryBodyId, note);
			repository.rebuildStandard(tx, jobId);
			return jobId;
		});
	}

	/**
	 * Sets an industry body's explicit requirement of a point for a job, which overrides the derived one.
	 *
	 * @throws InvalidDocumentException naming unknown references or values out of range
	 */
	public void setRequirement(String jobId, String pointId, ProficiencyLevel level, int importance, boolean essential,
			String industryBodyId, String note) {
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
	public boolean removeRequirement(String jobId, String pointId) {
		return graph.write(tx -> {
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
