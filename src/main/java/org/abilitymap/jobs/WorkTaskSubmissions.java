package org.abilitymap.jobs;

import org.abilitymap.audit.AuditScope;
import org.abilitymap.accounts.Allowed;
import org.abilitymap.accounts.Operation;
import org.abilitymap.accounts.Rights;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.abilitymap.documents.ContentHash;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.JsonDocuments;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.jobs.SubmissionRepository.StoredVersion;
import org.abilitymap.jobs.SubmissionRepository.TreeRows;
import org.abilitymap.jobs.SubmissionResult.Outcome;
import org.abilitymap.jobs.WorkTaskDocument.ProjectEntry;
import org.abilitymap.jobs.WorkTaskDocument.SkillEntry;
import org.abilitymap.jobs.WorkTaskDocument.StepEntry;
import org.abilitymap.jobs.WorkTaskDocument.TaskEntry;
import org.abilitymap.points.PointRequest;
import org.abilitymap.points.PointResolver;
import org.abilitymap.support.neo4j.Graph;
import org.abilitymap.support.neo4j.Rows;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts enterprises' work-task documents: validates them completely, then writes one document per transaction,
 * idempotently and versioned, merging its skill and knowledge points into the shared ones. GraphQL, REST upload,
 * the command line and the demo loader all come through here.
 */
@Service
public class WorkTaskSubmissions {

	private final Graph graph;

	private final SubmissionRepository repository;

	private final JsonDocuments documents;

	private final JsonMapper canonicalJson;

	private final PointResolver pointResolver;

	private final Rights rights;

	WorkTaskSubmissions(Graph graph, SubmissionRepository repository, JsonDocuments documents, JsonMapper jsonMapper,
			PointResolver pointResolver, Rights rights) {
		this.graph = graph;
		this.rights = rights;
		this.pointResolver = pointResolver;
		this.repository = repository;
		this.documents = documents;
		this.canonicalJson = jsonMapper;
	}

	/**
	 * Submits one parsed document (maps and lists, as parsed from JSON or bound from GraphQL).
	 *
	 * @throws InvalidDocumentException with every problem found; nothing is written then
	 */
	@Allowed(Operation.SUBMIT_WORK_TASKS)
	public SubmissionResult submit(Object rawDocument) {
		documents.checkEntryCount(rawDocument);
		WorkTaskDocumentReader.Checked checked = WorkTaskDocumentReader.check(rawDocument);
		return graph.write(tx -> write(tx, checked.document(), checked.problems()));
	}

	/**
	 * Checks the document's references against the graph, adding those problems to the ones already found in the
	 * document (so that all are reported at once), and writes the document only when there are none.
	 */
	private SubmissionResult write(TransactionContext tx, WorkTaskDocument document, List<Problem> documentProblems) {
		if (document.enterprise() != null && document.enterprise().id() != null) {
			rights.require(tx, Operation.SUBMIT_WORK_TASKS, document.enterprise().id());
		}
		List<Problem> problems = new ArrayList<>(documentProblems);
		if (document.jobId() != null && !repository.jobExists(tx, document.jobId())) {
			problems.add(new Problem("jobId", ProblemCode.UNKNOWN_REFERENCE, "There is no job with id '"
					+ document.jobId() + "'. Add it to the job catalogue first (saveJobCatalog)."));
		}
		List<PointRequest> points = pointRequests(document);
		for (Problem problem : pointResolver.checkReferences(tx, points)) {
			if (problems.stream().noneMatch(p -> p.path().equals(problem.path()))) {
				problems.add(problem); // not when the reader has already reported that id (used for two points)
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidDocumentException(problems);
		}
		String contentHash = contentHash(document);

		repository.lockEnterprise(tx, document.enterprise());
		StoredVersion latest = repository.latestVersion(tx, document.enterprise().id(), document.jobId()).orElse(null);
		AuditScope.touched(document.enterprise().id(), document.jobId());
		if (latest != null && latest.contentHash().equals(contentHash)) {
			AuditScope.touched(latest.id());
			AuditScope.document(contentHash, latest.version());
			return new SubmissionResult(Outcome.UNCHANGED, latest.id(), latest.version(), List.of(), List.of(), List.of());
		}
		int version = latest == null ? 1 : latest.version() + 1;
		String submissionId = "sub:" + document.enterprise().id() + ":" + document.jobId() + ":v" + version;

		AuditScope.touched(submissionId);
		AuditScope.document(contentHash, version);
		repository.dropAlignmentsOfJob(tx, document.jobId());
		PointResolver.Resolution resolution = pointResolver.resolve(tx, points, document.enterprise().id(), submissionId);
		repository.createSubmission(tx, submissionParameters(document, submissionId, version, contentHash,
				latest == null ? null : latest.id()));
		repository.createTree(tx, submissionId, treeRows(document, submissionId, resolution));
		return new SubmissionResult(latest == null ? Outcome.CREATED : Outcome.NEW_VERSION, submissionId, version,
				resolution.matched(), resolution.created(), resolution.warnings());
	}

	private static TreeRows treeRows(WorkTaskDocument document, String submissionId,
			PointResolver.Resolution pointIds) {
		List<Map<String, Object>> projects = new ArrayList<>();
		List<Map<String, Object>> tasks = new ArrayList<>();
		List<Map<String, Object>> steps = new ArrayList<>();
		List<Map<String, Object>> skillLinks = new ArrayList<>();
		List<Map<String, Object>> knowledgeLinks = new ArrayList<>();
		for (int p = 0; p < document.projects().size(); p++) {
			ProjectEntry project = document.projects().get(p);
			String projectId = nodeId(submissionId, project.id(), "p" + p);
			projects.add(node(projectId, null, p, project.id(), project.name(), project.nameEn(), project.description()));
			for (int t = 0; t < project.tasks().size(); t++) {
				TaskEntry task = project.tasks().get(t);
				String taskId = nodeId(submissionId, task.id(), "p" + p + ".t" + t);
				Map<String, Object> row = node(taskId, projectId, t, task.id(), task.name(), task.nameEn(),
						task.description());
				row.put("frequency", task.frequency() == null ? null : task.frequency().name());
				row.put("importance", task.importance());
				row.put("difficulty", task.difficulty());
				tasks.add(row);
				for (int s = 0; s < task.steps().size(); s++) {
					StepEntry step = task.steps().get(s);
					String stepId = nodeId(submissionId, step.id(), "p" + p + ".t" + t + ".s" + s);
					steps.add(node(stepId, taskId, s, step.id(), step.name(), step.nameEn(), step.description()));
					for (int k = 0; k < step.skills().size(); k++) {
						SkillEntry skill = step.skills().get(k);
						String skillId = pointIds.idAt(skill.point().path());
						skillLinks.add(Map.of("stepId", stepId, "skillId", skillId, "position", k, "level",
								skill.level().rank()));
						for (int n = 0; n < skill.knowledge().size(); n++) {
							knowledgeLinks.add(Map.of("stepId", stepId, "skillId", skillId, "position", n,
									"knowledgeId", pointIds.idAt(skill.knowledge().get(n).path())));
						}
					}
				}
			}
		}
		return new TreeRows(projects, tasks, steps, skillLinks, knowledgeLinks);
	}

	private static String nodeId(String submissionId, String localId, String position) {
		return localId != null ? submissionId + "/id:" + localId : submissionId + "/" + position;
	}

	private static Map<String, Object> node(String id, String parentId, int position, String localId, String name,
			String nameEn, String description) {
		return Rows.of("id", id, "parentId", parentId, "position", position, "localId", localId, "name", name,
				"nameEn", nameEn, "description", description);
	}

	private static Map<String, Object> submissionParameters(WorkTaskDocument document, String id, int version,
			String contentHash, String previousId) {
		var shadowing = document.shadowing();
		boolean none = shadowing == null;
		return Rows.of("id", id, "enterpriseId", document.enterprise().id(), "jobId", document.jobId(), "version",
				version, "contentHash", contentHash, "previousId", previousId,
				"startDate", none || shadowing.startDate() == null ? null : shadowing.startDate().toString(),
				"endDate", none || shadowing.endDate() == null ? null : shadowing.endDate().toString(),
				"observers", none ? List.of() : shadowing.observers(), "method", none ? null : shadowing.method(),
				"notes", none ? null : shadowing.notes());
	}

	/** Every point reference of the document, skills and their knowledge, in document order. */
	private static List<PointRequest> pointRequests(WorkTaskDocument document) {
		List<PointRequest> entries = new ArrayList<>();
		document.projects().forEach(project -> project.tasks().forEach(task -> task.steps().forEach(step ->
			step.skills().forEach(skill -> {
				entries.add(skill.point());
				entries.addAll(skill.knowledge());
			}))));
		return entries;
	}

	/** A fingerprint of the validated document: equal documents, however formatted, give equal hashes. */
	private String contentHash(WorkTaskDocument document) {
		return ContentHash.of(canonicalJson.writeValueAsString(document));
	}
}
