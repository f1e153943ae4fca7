package org.abilitymap.jobs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.abilitymap.accounts.Rights;
import org.abilitymap.points.Point;
import org.abilitymap.support.graphql.Connection;
import org.abilitymap.support.graphql.PageRequest;
import org.abilitymap.support.graphql.Pages;
import org.abilitymap.support.neo4j.Graph;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

/**
 * Read queries of the job side: one named, parameterised query per intent. Batch queries take a list of parent ids
 * ({@code $ids}) and return each parent's children in one round trip.
 */
@Repository
class JobReadRepository {

	// ----- lists with filters: one MATCH … WHERE shared by the count and the page query

	private static final String JOBS_MATCH = """
			MATCH (j:Job)
			WHERE ($groupId IS NULL OR j.groupId = $groupId)
			  AND ($industryId IS NULL
			       OR EXISTS { (j)-[:IN_GROUP]->(:JobGroup)-[:SERVES_SEGMENT]->(:ChainSegment {industryId: $industryId}) })
			  AND ($text IS NULL OR toLower(j.name) CONTAINS $text OR toLower(coalesce(j.nameEn, '')) CONTAINS $text)
			""";

	private static final String JOB_GROUPS_MATCH = """
			MATCH (g:JobGroup)
			WHERE $industryId IS NULL
			   OR EXISTS { (g)-[:SERVES_SEGMENT]->(:ChainSegment {industryId: $industryId}) }
			""";

	private static final String INDUSTRIES_MATCH = """
			MATCH (i:Industry)
			""";

	private static final String ENTERPRISES_MATCH = """
			MATCH (e:Enterprise)
			WHERE ($industryId IS NULL OR EXISTS { (e)-[:IN_INDUSTRY]->(:Industry {id: $industryId}) })
			  AND ($text IS NULL OR toLower(e.name) CONTAINS $text OR toLower(coalesce(e.nameEn, '')) CONTAINS $text)
			""";

	private static final String SUBMISSIONS_MATCH = """
			MATCH (s:Submission)
			WHERE ($enterpriseId IS NULL OR s.enterpriseId = $enterpriseId)
			  AND ($jobId IS NULL OR s.jobId = $jobId)
			  AND (NOT $latestOnly OR s.current OR s.published)
			  AND %s
			""".formatted(Rights.SUBMISSION_VISIBLE);

	// ----- single nodes

	private static final String JOB_BY_ID = "MATCH (j:Job {id: $id}) RETURN " + Job.PROJECTION + " AS item";

	private static final String SUBMISSION_BY_ID = """
			MATCH (s:Submission {id: $id})
			WHERE %s
			RETURN %s AS item
			""".formatted(Rights.SUBMISSION_VISIBLE, Submission.PROJECTION);

	// ----- batches: children of many parents at once

	private static final String GROUP_OF_JOBS = """
			UNWIND $ids AS key
			MATCH (:Job {id: key})-[:IN_GROUP]->(g:JobGroup)
			RETURN key, %s AS item
			""".formatted(JobGroup.PROJECTION);

	private static final String OCCUPATIONS_OF_JOBS = """
			UNWIND $ids AS key
			MATCH (:Job {id: key})-[:CLASSIFIED_AS]->(o:ReferenceOccupation)
			WITH key, o ORDER BY o.scheme, o.code, o.id
			RETURN key, collect(%s) AS items
			""".formatted(ReferenceOccupation.PROJECTION);

	private static final String ENTERPRISES_OF_JOBS = """
			UNWIND $ids AS key
			MATCH (:Job {id: key})<-[:FOR_JOB]-(:Submission {published: true})<-[:SUBMITTED]-(e:Enterprise)
			WITH DISTINCT key, e ORDER BY e.id
			RETURN key, collect(%s) AS items
			""".formatted(Enterprise.PROJECTION);

	private static final String SEGMENTS_OF_GROUPS = """
			UNWIND $ids AS key
			MATCH (:JobGroup {id: key})-[:SERVES_SEGMENT]->(cs:ChainSegment)
			WITH key, cs ORDER BY cs.id
			RETURN key, collect(%s) AS items
			""".formatted(ChainSegment.PROJECTION);

	private static final String JOBS_OF_GROUPS = """
			UNWIND $ids AS key
			MATCH (:JobGroup {id: key})<-[:IN_GROUP]-(j:Job)
			WITH key, j ORDER BY j.id
			RETURN key, collect(%s) AS items
			""".formatted(Job.PROJECTION);

	private static final String SEGMENTS_OF_INDUSTRIES = """
			UNWIND $ids AS key
			MATCH (:Industry {id: key})-[:HAS_SEGMENT]->(cs:ChainSegment)
			WITH key, cs ORDER BY cs.id
			RETURN key, collect(%s) AS items
			""".formatted(ChainSegment.PROJECTION);

	private static final String GROUPS_OF_SEGMENTS = """
			UNWIND $ids AS key
			MATCH (:ChainSegment {id: key})<-[:SERVES_SEGMENT]-(g:JobGroup)
			WITH key, g ORDER BY g.id
			RETURN key, collect(%s) AS items
			""".formatted(JobGroup.PROJECTION);

	private static final String INDUSTRIES_OF_ENTERPRISES = """
			UNWIND $ids AS key
			MATCH (:Enterprise {id: key})-[:IN_INDUSTRY]->(i:Industry)
			WITH key, i ORDER BY i.id
			RETURN key, collect(%s) AS items
			""".formatted(Industry.PROJECTION);

	private static final String LATEST_SUBMISSIONS_OF_ENTERPRISES = """
			UNWIND $ids AS key
			MATCH (:Enterprise {id: key})-[:SUBMITTED]->(s:Submission)
			WHERE (s.current OR s.published) AND %s
			WITH key, s ORDER BY s.jobId, s.version
			RETURN key, collect(%s) AS items
			""".formatted(Rights.SUBMISSION_VISIBLE, Submission.PROJECTION);

	private static final String ENTERPRISES_BY_ID = """
			UNWIND $ids AS key
			MATCH (e:Enterprise {id: key})
			RETURN key, %s AS item
			""".formatted(Enterprise.PROJECTION);

	private static final String JOBS_BY_ID = """
			UNWIND $ids AS key
			MATCH (j:Job {id: key})
			RETURN key, %s AS item
			""".formatted(Job.PROJECTION);

	private static final String VERSIONS_OF_SUBMISSIONS = """
			UNWIND $ids AS key
			MATCH (this:Submission {id: key})
			MATCH (s:Submission {enterpriseId: this.enterpriseId, jobId: this.jobId})
			WHERE %s
			WITH key, s ORDER BY s.version
			RETURN key, collect(%s) AS items
			""".formatted(Rights.SUBMISSION_VISIBLE, Submission.PROJECTION);

	private static final String PROJECTS_OF_SUBMISSIONS = """
			UNWIND $ids AS key
			MATCH (:Submission {id: key})-[link:HAS_PROJECT]->(n:WorkProject)
			WITH key, n ORDER BY link.position
			RETURN key, collect(%s) AS items
			""".formatted(WorkProject.PROJECTION);

	private static final String TASKS_OF_PROJECTS = """
			UNWIND $ids AS key
			MATCH (:WorkProject {id: key})-[link:HAS_TASK]->(n:Task)
			WITH key, n, link ORDER BY link.position
			RETURN key, collect(%s) AS items
			""".formatted(Task.PROJECTION);

	private static final String STEPS_OF_TASKS = """
			UNWIND $ids AS key
			MATCH (:Task {id: key})-[link:HAS_STEP]->(n:ProcessStep)
			WITH key, n ORDER BY link.position
			RETURN key, collect(%s) AS items
			""".formatted(ProcessStep.PROJECTION);

	private static final String SKILLS_OF_STEPS = """
			UNWIND $ids AS key
			MATCH (:ProcessStep {id: key})-[link:REQUIRES_SKILL]->(p:SkillPoint)
			WITH key, p, link ORDER BY link.position
			RETURN key, collect({level: link.level, point: %s}) AS items
			""".formatted(Point.PROJECTION);

	/** Keys are "stepId|skillId"; the knowledge a submission recorded under that skill in that step. */
	private static final String KNOWLEDGE_OF_STEP_SKILLS = """
			UNWIND $keys AS k
			MATCH (:ProcessStep {id: k.stepId})-[link:REQUIRES_KNOWLEDGE]->(p:KnowledgePoint)
			WHERE link.skillId = k.skillId
			WITH k.stepId + '|' + k.skillId AS key, p, link ORDER BY link.position
			RETURN key, collect(%s) AS items
			""".formatted(Point.PROJECTION);

	// ----- the ability map of one job

	private static final String LATEST_SUBMISSIONS_OF_JOB = """
			MATCH (s:Submission {jobId: $jobId, published: true})
			RETURN %s AS item ORDER BY s.enterpriseId
			""".formatted(Submission.PROJECTION);

	/** The latest versions not (yet) approved that the caller may see: its own drafts, or those it reviews. */
	private static final String DRAFTS_OF_JOB = """
			MATCH (s:Submission {jobId: $jobId, current: true})
			WHERE NOT coalesce(s.published, false) AND %s
			RETURN %s AS item ORDER BY s.enterpriseId
			""".formatted(Rights.SUBMISSION_VISIBLE, Submission.PROJECTION);

	private static final String PROJECTS_OF_JOB = """
			MATCH (s:Submission {jobId: $jobId, published: true})-[link:HAS_PROJECT]->(n:WorkProject)
			RETURN %s AS item ORDER BY s.enterpriseId, link.position
			""".formatted(WorkProject.PROJECTION);

	private static final String SKILLS_OF_JOB = """
			MATCH (s:Submission {jobId: $jobId, published: true})-[:HAS_PROJECT]->()-[:HAS_TASK]->()
			      -[:HAS_STEP]->(step:ProcessStep)-[link:REQUIRES_SKILL]->(p:SkillPoint)
			WITH p, max(link.level) AS level, count(DISTINCT s.enterpriseId) AS enterprises, count(DISTINCT step) AS steps
			RETURN %s AS point, level, enterprises, steps
			ORDER BY enterprises DESC, level DESC, p.name
			""".formatted(Point.PROJECTION);

	// ----- skill usage (SkillPoint.requiredBy)

	private static final String USAGE_OF_SKILLS = """
			UNWIND $ids AS key
			MATCH (:SkillPoint {id: key})<-[:REQUIRES_SKILL]-(step:ProcessStep)<-[:HAS_STEP]-(task:Task)
			      <-[taskLink:HAS_TASK]-(:WorkProject)<-[:HAS_PROJECT]-(s:Submission {published: true})
			MATCH (e:Enterprise)-[:SUBMITTED]->(s)-[:FOR_JOB]->(j:Job)
			WITH key,
			     collect(DISTINCT step {.id, .name, .nameEn, .description, .enterpriseId, .submissionId, .version}) AS steps,
			     collect(DISTINCT task {.id, .name, .nameEn, .description, .enterpriseId, .submissionId, .version,
			             frequency: taskLink.frequency, importance: taskLink.importance, difficulty: taskLink.difficulty}) AS tasks,
			     collect(DISTINCT %s) AS jobs,
			     collect(DISTINCT %s) AS enterprises
			RETURN key, {steps: steps, tasks: tasks, jobs: jobs, enterprises: enterprises} AS item
			""".formatted(Job.PROJECTION, Enterprise.PROJECTION);

	private final Graph graph;

	JobReadRepository(Graph graph) {
		this.graph = graph;
	}

	Optional<Job> job(String id) {
		return graph.queryOne(JOB_BY_ID, Map.of("id", id), r -> Job.of(r.get("item")));
	}

	Optional<Submission> submission(String id) {
		return graph.queryOne(SUBMISSION_BY_ID, Map.of("id", id, "viewer", Rights.viewer()),
				r -> Submission.of(r.get("item")));
	}

	Connection<Job> jobs(String groupId, String industryId, String text, PageRequest page) {
		return Pages.fetch(graph, JOBS_MATCH, Job.PROJECTION, "j.id", params("groupId", groupId, "industryId", industryId,
				"text", lower(text)), page, Job::of);
	}

	Connection<JobGroup> jobGroups(String industryId, PageRequest page) {
		return Pages.fetch(graph, JOB_GROUPS_MATCH, JobGroup.PROJECTION, "g.id", params("industryId", industryId), page,
				JobGroup::of);
	}

	Connection<Industry> industries(PageRequest page) {
		return Pages.fetch(graph, INDUSTRIES_MATCH, Industry.PROJECTION, "i.id", Map.of(), page, Industry::of);
	}

	Connection<Enterprise> enterprises(String industryId, String text, PageRequest page) {
		return Pages.fetch(graph, ENTERPRISES_MATCH, Enterprise.PROJECTION, "e.id",
				params("industryId", industryId, "text", lower(text)), page, Enterprise::of);
	}

	Connection<Submission> submissions(String enterpriseId, String jobId, boolean latestOnly, PageRequest page) {
		return Pages.fetch(graph, SUBMISSIONS_MATCH, Submission.PROJECTION, "s.submittedAt DESC, s.id",
				params("enterpriseId", enterpriseId, "jobId", jobId, "latestOnly", latestOnly, "viewer", Rights.viewer()),
				page, Submission::of);
	}

	Map<String, JobGroup> groupsOfJobs(List<String> ids) {
		return graph.queryKeyed(GROUP_OF_JOBS, Map.of("ids", ids), JobGroup::of);
	}

	Map<String, List<ReferenceOccupation>> occupationsOfJobs(List<String> ids) {
		return graph.queryGrouped(OCCUPATIONS_OF_JOBS, Map.of("ids", ids), ReferenceOccupation::of);
	}

	Map<String, List<Enterprise>> enterprisesOfJobs(List<String> ids) {
		return graph.queryGrouped(ENTERPRISES_OF_JOBS, Map.of("ids", ids), Enterprise::of);
	}

	Map<String, List<ChainSegment>> segmentsOfGroups(List<String> ids) {
		return graph.queryGrouped(SEGMENTS_OF_GROUPS, Map.of("ids", ids), ChainSegment::of);
	}

	Map<String, List<Job>> jobsOfGroups(List<String> ids) {
		return graph.queryGrouped(JOBS_OF_GROUPS, Map.of("ids", ids), Job::of);
	}

	Map<String, List<ChainSegment>> segmentsOfIndustries(List<String> ids) {
		return graph.queryGrouped(SEGMENTS_OF_INDUSTRIES, Map.of("ids", ids), ChainSegment::of);
	}

	Map<String, List<JobGroup>> groupsOfSegments(List<String> ids) {
		return graph.queryGrouped(GROUPS_OF_SEGMENTS, Map.of("ids", ids), JobGroup::of);
	}

	Map<String, List<Industry>> industriesOfEnterprises(List<String> ids) {
		return graph.queryGrouped(INDUSTRIES_OF_ENTERPRISES, Map.of("ids", ids), Industry::of);
	}

	Map<String, List<Submission>> latestSubmissionsOfEnterprises(List<String> ids) {
		return graph.queryGrouped(LATEST_SUBMISSIONS_OF_ENTERPRISES, Map.of("ids", ids, "viewer", Rights.viewer()),
				Submission::of);
	}

	Map<String, Enterprise> enterprisesById(List<String> ids) {
		return graph.queryKeyed(ENTERPRISES_BY_ID, Map.of("ids", ids), Enterprise::of);
	}

	Map<String, Job> jobsById(List<String> ids) {
		return graph.queryKeyed(JOBS_BY_ID, Map.of("ids", ids), Job::of);
	}

	Map<String, List<Submission>> versionsOfSubmissions(List<String> ids) {
		return graph.queryGrouped(VERSIONS_OF_SUBMISSIONS, Map.of("ids", ids, "viewer", Rights.viewer()),
				Submission::of);
	}

	Map<String, List<WorkProject>> projectsOfSubmissions(List<String> ids) {
		return graph.queryGrouped(PROJECTS_OF_SUBMISSIONS, Map.of("ids", ids), WorkProject::of);
	}

	Map<String, List<Task>> tasksOfProjects(List<String> ids) {
		return graph.queryGrouped(TASKS_OF_PROJECTS, Map.of("ids", ids), Task::of);
	}

	Map<String, List<ProcessStep>> stepsOfTasks(List<String> ids) {
		return graph.queryGrouped(STEPS_OF_TASKS, Map.of("ids", ids), ProcessStep::of);
	}

	/** Skills of each step, keyed by step id. */
	Map<String, List<StepSkill>> skillsOfSteps(List<String> stepIds) {
		Map<String, List<StepSkill>> skills = new HashMap<>();
		graph.queryGrouped(SKILLS_OF_STEPS, Map.of("ids", stepIds), Function.identity())
			.forEach((stepId, items) -> skills.put(stepId, items.stream()
				.map(v -> new StepSkill(stepId, Point.of(v.get("point")), ProficiencyLevel.ofRank(v.get("level").asLong())))
				.toList()));
		return skills;
	}

	/** Knowledge recorded under each (step, skill), keyed by {@link StepSkill#knowledgeKey()}. */
	Map<String, List<Point>> knowledgeOfStepSkills(List<StepSkill> stepSkills) {
		List<Map<String, Object>> keys = stepSkills.stream()
			.map(s -> Map.<String, Object>of("stepId", s.stepId(), "skillId", s.skill().id()))
			.toList();
		return graph.queryGrouped(KNOWLEDGE_OF_STEP_SKILLS, Map.of("keys", keys), Point::of);
	}

	List<Submission> latestSubmissionsOfJob(String jobId) {
		return graph.query(LATEST_SUBMISSIONS_OF_JOB, Map.of("jobId", jobId), r -> Submission.of(r.get("item")));
	}

	List<Submission> draftsOfJob(String jobId) {
		return graph.query(DRAFTS_OF_JOB, Map.of("jobId", jobId, "viewer", Rights.viewer()),
				r -> Submission.of(r.get("item")));
	}

	List<WorkProject> projectsOfJob(String jobId) {
		return graph.query(PROJECTS_OF_JOB, Map.of("jobId", jobId), r -> WorkProject.of(r.get("item")));
	}

	List<JobSkill> skillsOfJob(String jobId) {
		return graph.query(SKILLS_OF_JOB, Map.of("jobId", jobId),
				r -> new JobSkill(Point.of(r.get("point")), ProficiencyLevel.ofRank(r.get("level").asLong()),
						r.get("enterprises").asInt(), r.get("steps").asInt()));
	}

	Map<String, SkillUsage> usageOfSkills(List<String> skillIds) {
		return graph.queryKeyed(USAGE_OF_SKILLS, Map.of("ids", skillIds),
				v -> new SkillUsage(v.get("steps").asList(ProcessStep::of), v.get("tasks").asList(Task::of),
						v.get("jobs").asList(Job::of), v.get("enterprises").asList(Enterprise::of)));
	}

	private static Map<String, Object> params(Object... keysAndValues) {
		return org.abilitymap.support.neo4j.Rows.of(keysAndValues);
	}

	private static String lower(String text) {
		return text == null || text.isBlank() ? null : text.strip().toLowerCase(java.util.Locale.ROOT);
	}
}
