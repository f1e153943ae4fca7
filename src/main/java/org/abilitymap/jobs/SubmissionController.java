package org.abilitymap.jobs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.JsonDocuments;
import org.abilitymap.documents.Problem;
import org.abilitymap.points.Point;
import org.abilitymap.support.graphql.Batches;
import org.abilitymap.support.graphql.Connection;
import org.abilitymap.support.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;


/**
 * GraphQL for submissions and ability maps: the {@code submitWorkTasks} mutation, submission versions, and the
 * project → task → step → skill → knowledge tree, each level loaded for all parents in one query.
 */
@Controller
class SubmissionController {

	private final JobReadRepository jobs;

	private final WorkTaskSubmissions submissions;

	private final JsonDocuments json;

	SubmissionController(JobReadRepository jobs, WorkTaskSubmissions submissions, JsonDocuments json) {
		this.jobs = jobs;
		this.submissions = submissions;
		this.json = json;
	}

	/** Filter of {@code submissions}. */
	record SubmissionFilter(String enterpriseId, String jobId, Boolean latestOnly) {
	}

	/** Result of {@code submitWorkTasks}. */
	record SubmitWorkTasksPayload(SubmissionResult.Outcome outcome, Submission submission,
			List<org.abilitymap.points.PointMatch> matchedPoints, List<Point> createdPoints,
			List<org.abilitymap.points.PointWarning> warnings, List<Problem> errors) {
	}

	@MutationMapping
	SubmitWorkTasksPayload submitWorkTasks(@Argument Map<String, Object> input) {
		return submitWorkTasks((Object) input);
	}

	private SubmitWorkTasksPayload submitWorkTasks(Object input) {
		try {
			SubmissionResult result = submissions.submit(input);
			return new SubmitWorkTasksPayload(result.outcome(), jobs.submission(result.submissionId()).orElseThrow(),
					result.matchedPoints(), result.createdPoints(), result.warnings(), List.of());
		}
		catch (InvalidDocumentException ex) {
			return new SubmitWorkTasksPayload(null, null, List.of(), List.of(), List.of(), ex.problems());
		}
	}

	/** Input of {@code submitWorkTasksDocument}. */
	record SubmitWorkTasksDocumentInput(String document) {
	}

	@MutationMapping
	SubmitWorkTasksPayload submitWorkTasksDocument(@Argument SubmitWorkTasksDocumentInput input) {
		try {
			return submitWorkTasks(json.parse(input.document().getBytes(StandardCharsets.UTF_8)));
		}
		catch (InvalidDocumentException ex) {
			return new SubmitWorkTasksPayload(null, null, List.of(), List.of(), List.of(), ex.problems());
		}
	}

	@QueryMapping
	Submission submission(@Argument String id) {
		return jobs.submission(id).orElse(null);
	}

	@QueryMapping("submissions")
	Connection<Submission> submissionList(@Argument SubmissionFilter filter, @Argument Integer first,
			@Argument String after) {
		SubmissionFilter f = filter == null ? new SubmissionFilter(null, null, false) : filter;
		return jobs.submissions(f.enterpriseId(), f.jobId(), Boolean.TRUE.equals(f.latestOnly()),
				PageRequest.of(first, after));
	}

	@QueryMapping
	AbilityMap abilityMap(@Argument String jobId) {
		return jobs.job(jobId).map(AbilityMap::new).orElse(null);
	}

	@SchemaMapping(typeName = "AbilityMap")
	List<Submission> submissions(AbilityMap map) {
		return jobs.latestSubmissionsOfJob(map.job().id());
	}

	@SchemaMapping(typeName = "AbilityMap")
	List<Submission> drafts(AbilityMap map) {
		return jobs.draftsOfJob(map.job().id());
	}

	@SchemaMapping(typeName = "AbilityMap")
	List<WorkProject> projects(AbilityMap map) {
		return jobs.projectsOfJob(map.job().id());
	}

	@SchemaMapping(typeName = "AbilityMap")
	List<JobSkill> skills(AbilityMap map) {
		return jobs.skillsOfJob(map.job().id());
	}

	@BatchMapping(typeName = "Submission")
	List<Enterprise> enterprise(List<Submission> sources) {
		return Batches.singles(sources, Submission::enterpriseId,
				jobs.enterprisesById(Batches.keys(sources, Submission::enterpriseId)));
	}

	@BatchMapping(typeName = "Submission")
	List<Job> job(List<Submission> sources) {
		return Batches.singles(sources, Submission::jobId, jobs.jobsById(Batches.keys(sources, Submission::jobId)));
	}

	@BatchMapping(typeName = "Submission", field = "projects")
	List<List<WorkProject>> projectsOfSubmissions(List<Submission> sources) {
		return Batches.lists(sources, Submission::id, jobs.projectsOfSubmissions(Batches.keys(sources, Submission::id)));
	}

	@BatchMapping(typeName = "Submission")
	List<List<Submission>> versions(List<Submission> sources) {
		return Batches.lists(sources, Submission::id, jobs.versionsOfSubmissions(Batches.keys(sources, Submission::id)));
	}

	@BatchMapping(typeName = "Provenance", field = "enterprise")
	List<Enterprise> provenanceEnterprise(List<Provenance> sources) {
		return Batches.singles(sources, Provenance::enterpriseId,
				jobs.enterprisesById(Batches.keys(sources, Provenance::enterpriseId)));
	}

	@BatchMapping(typeName = "WorkProject")
	List<List<Task>> tasks(List<WorkProject> sources) {
		return Batches.lists(sources, WorkProject::id, jobs.tasksOfProjects(Batches.keys(sources, WorkProject::id)));
	}

	@BatchMapping(typeName = "Task")
	List<List<ProcessStep>> steps(List<Task> sources) {
		return Batches.lists(sources, Task::id, jobs.stepsOfTasks(Batches.keys(sources, Task::id)));
	}

	@BatchMapping(typeName = "ProcessStep", field = "skills")
	List<List<StepSkill>> skillsOfSteps(List<ProcessStep> sources) {
		return Batches.lists(sources, ProcessStep::id, jobs.skillsOfSteps(Batches.keys(sources, ProcessStep::id)));
	}

	@BatchMapping(typeName = "StepSkill")
	List<List<Point>> knowledge(List<StepSkill> sources) {
		return Batches.lists(sources, StepSkill::knowledgeKey, jobs.knowledgeOfStepSkills(sources));
	}

	@BatchMapping(typeName = "SkillPoint")
	List<SkillUsage> requiredBy(List<Point> sources) {
		Map<String, SkillUsage> usage = jobs.usageOfSkills(Batches.keys(sources, Point::id));
		return sources.stream().map(p -> usage.getOrDefault(p.id(), SkillUsage.NONE)).toList();
	}
}
