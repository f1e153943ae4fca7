package org.abilitymap.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.abilitymap.jobs.SubmissionResult;
import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped demo dataset loads into an empty graph, covers three industries richly and bilingually, and reloads idempotently. */
class DemoDataTest extends GraphTestSupport {

	private static final String SUBMISSIONS = "classpath:demo/submissions/*.json";

	@Autowired
	private DemoData demoData;

	@BeforeEach
	void loadDemo() throws IOException {
		assertThat(demoData.graphIsEmpty()).isTrue();
		demoData.load();
	}

	@Test
	void threeIndustriesEachWithAtLeastThreeJobs() {
		List<String> industries = graphQlTester.document("{ industries { edges { node { id segments { id } } } } }")
			.execute()
			.path("industries.edges[*].node.id")
			.entityList(String.class)
			.get();

		assertThat(industries).hasSize(3);
		for (String industry : industries) {
			graphQlTester.document("query jobs($id: ID) { jobs(filter: {industryId: $id}) { totalCount } }")
				.variable("id", industry)
				.execute()
				.path("jobs.totalCount")
				.entity(Integer.class)
				.satisfies(jobs -> assertThat(jobs).as("jobs of %s", industry).isGreaterThanOrEqualTo(3));
		}
		assertThat(demoData.graphIsEmpty()).isFalse();
	}

	@Test
	void everyJobHasAnAbilityMapDownToKnowledge() {
		List<String> jobs = graphQlTester.document("{ jobs(first: 100) { edges { node { id } } } }")
			.execute()
			.path("jobs.edges[*].node.id")
			.entityList(String.class)
			.get();

		assertThat(jobs).hasSizeGreaterThanOrEqualTo(9);
		for (String job : jobs) {
			graphQlTester.document("""
					query map($jobId: ID!) { abilityMap(jobId: $jobId) {
					  projects { tasks { steps { skills { skill { id } knowledge { id } } } } }
					  skills { stepCount } } }
					""")
				.variable("jobId", job)
				.execute()
				.path("abilityMap")
				.entity(DemoAbilityMap.class)
				.satisfies(map -> assertFullTree(job, map));
		}
	}

	@Test
	void atLeastOneHundredFiftyPointsInAll() {
		assertThat(count("SkillPoint") + count("KnowledgePoint")).isGreaterThanOrEqualTo(150);
		assertThat(count("Submission")).isEqualTo(20);
	}

	@Test
	void everyPointAndTreeNodeHasAChineseNameAndAnEnglishName() {
		List<String> unnamed = graph.read(tx -> tx.run("""
				MATCH (n)
				WHERE (n:SkillPoint OR n:KnowledgePoint OR n:WorkProject OR n:Task OR n:ProcessStep
				       OR n:Industry OR n:ChainSegment OR n:JobGroup OR n:Job OR n:Enterprise)
				  AND NOT (coalesce(n.name, '') =~ '.*\\\\p{IsHan}.*' AND trim(coalesce(n.nameEn, '')) <> '')
				RETURN labels(n)[0] + ' ' + n.id AS node
				""").list(r -> r.get("node").asString()));

		assertThat(unnamed).isEmpty();
		assertThat(count("WorkProject") + count("Task") + count("ProcessStep")).isPositive();
	}

	@Test
	void loadingTwiceChangesNothingAndEverySubmissionIsUnchanged() throws IOException {
		List<String> before = fingerprint();

		demoData.load();

		assertThat(fingerprint()).isEqualTo(before);
		// DemoData.load() reports no outcomes, so each demo submission goes through the same import once more
		Resource[] submissions = new PathMatchingResourcePatternResolver().getResources(SUBMISSIONS);
		assertThat(submissions).hasSize(20);
		for (Resource submission : submissions) {
			assertThat(importAgain(submission).outcome()).as(submission.getFilename())
				.isEqualTo(SubmissionResult.Outcome.UNCHANGED);
		}
		assertThat(fingerprint()).isEqualTo(before);
	}

	// ----- helpers

	private SubmissionResult importAgain(Resource resource) throws IOException {
		try (InputStream input = resource.getInputStream()) {
			return (SubmissionResult) jobDocuments.importDocument(json.parse(input)).result();
		}
	}

	private static void assertFullTree(String job, DemoAbilityMap map) {
		assertThat(map.projects()).as("projects of %s", job).isNotEmpty();
		assertThat(map.skills()).as("skills of %s", job).isNotEmpty();
		for (Project project : map.projects()) {
			assertThat(project.tasks()).as("tasks in %s", job).isNotEmpty();
			for (Task task : project.tasks()) {
				assertThat(task.steps()).as("steps in %s", job).isNotEmpty();
				for (Step step : task.steps()) {
					assertThat(step.skills()).as("skills in %s", job).isNotEmpty()
						.allSatisfy(skill -> assertThat(skill.knowledge()).as("knowledge in %s", job).isNotEmpty());
				}
			}
		}
	}

	/** The part of an ability map the tree check reads. */
	record DemoAbilityMap(List<Project> projects, List<Map<String, Object>> skills) {
	}

	record Project(List<Task> tasks) {
	}

	record Task(List<Step> steps) {
	}

	record Step(List<StepSkill> skills) {
	}

	record StepSkill(Map<String, Object> skill, List<Map<String, Object>> knowledge) {
	}
}
