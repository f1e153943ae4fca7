package org.abilitymap.jobs;

import java.util.List;
import java.util.Map;

import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code submitWorkTasks} mutation end to end through GraphQL: creation, idempotency, versions, point merging. */
class SubmitWorkTasksTest extends GraphTestSupport {

	private static final String SUBMIT = """
			mutation submit($input: SubmitWorkTasksInput!) {
			  submitWorkTasks(input: $input) {
			    outcome
			    submission { id version latest enterprise { id } job { id } }
			    matchedPoints { path givenName matchedBy point { id name kind } }
			    createdPoints { id name kind }
			    errors { path code message }
			  }
			}
			""";

	@BeforeEach
	void catalog() {
		loadCatalog();
	}

	@Test
	void firstSubmissionCreatesTheTreeAndItsPoints() {
		var payload = graphQlTester.document(SUBMIT)
			.variable("input", document("submission-a.json"))
			.execute();

		payload.path("submitWorkTasks.outcome").entity(String.class).isEqualTo("CREATED");
		payload.path("submitWorkTasks.errors").entityList(Object.class).hasSize(0);
		payload.path("submitWorkTasks.submission.id").entity(String.class).isEqualTo("sub:t-ent-a:t-battery-assembler:v1");
		payload.path("submitWorkTasks.submission.latest").entity(Boolean.class).isEqualTo(true);
		// 3 skills (insulation listed twice, by name then by id) and 2 knowledge points (limits listed twice)
		assertThat(payload.path("submitWorkTasks.createdPoints[*].name").entityList(String.class).get()).containsExactlyInAnyOrder("绝缘电阻检测", "动力电池绝缘电阻限值", "高压安全防护规范", "扭矩扳手使用", "气密性检测仪操作");
		payload.path("submitWorkTasks.matchedPoints").entityList(Object.class).hasSize(0);

		assertThat(count("WorkProject")).isEqualTo(2);
		assertThat(count("Task")).isEqualTo(2);
		assertThat(count("ProcessStep")).isEqualTo(3);
		assertThat(count("SkillPoint")).isEqualTo(3);
		assertThat(count("KnowledgePoint")).isEqualTo(2);
		long links = graph.read(tx -> tx.run("MATCH (:ProcessStep)-[r:REQUIRES_SKILL]->(:SkillPoint) RETURN count(r) AS c")
			.single().get("c").asLong());
		assertThat(links).isEqualTo(4);
	}

	@Test
	void theSameDocumentTwiceChangesNothing() {
		submit(document("submission-a.json"));
		List<String> before = fingerprint();

		var payload = graphQlTester.document(SUBMIT)
			.variable("input", document("submission-a.json"))
			.execute();

		payload.path("submitWorkTasks.outcome").entity(String.class).isEqualTo("UNCHANGED");
		payload.path("submitWorkTasks.submission.version").entity(Integer.class).isEqualTo(1);
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void aChangedDocumentBecomesTheNextVersionAndTheEarlierOneStaysReadable() {
		submit(document("submission-a.json"));
		Map<String, Object> changed = document("submission-a.json");
		projects(changed).get(1).put("name", "电池包下线终检");

		var payload = graphQlTester.document(SUBMIT).variable("input", changed).execute();

		payload.path("submitWorkTasks.outcome").entity(String.class).isEqualTo("NEW_VERSION");
		payload.path("submitWorkTasks.submission.id").entity(String.class).isEqualTo("sub:t-ent-a:t-battery-assembler:v2");
		payload.path("submitWorkTasks.matchedPoints[*].matchedBy").entityList(String.class).contains("ID", "NAME");
		payload.path("submitWorkTasks.createdPoints").entityList(Object.class).hasSize(0);

		graphQlTester.document("""
				{ submission(id: "sub:t-ent-a:t-battery-assembler:v1") {
				    version latest projects { name } versions { version latest } } }
				""")
			.execute()
			.path("submission.latest").entity(Boolean.class).isEqualTo(false)
			.path("submission.projects[1].name").entity(String.class).isEqualTo("电池包下线检测")
			.path("submission.versions[*].version").entityList(Integer.class).containsExactly(1, 2)
			.path("submission.versions[*].latest").entityList(Boolean.class).containsExactly(false, true);
		approveAllSubmissions();
		graphQlTester.document("{ abilityMap(jobId: \"t-battery-assembler\") { projects { name provenance { version } } } }")
			.execute()
			.path("abilityMap.projects[*].name").entityList(String.class).containsExactly("电池包装配线调试", "电池包下线终检")
			.path("abilityMap.projects[*].provenance.version").entityList(Integer.class).containsExactly(2, 2);
	}

	@Test
	void pointsWithNamesEqualAfterNormalisingLandOnTheExistingNode() {
		submit(document("submission-a.json"));
		Map<String, Object> other = Map.of(
				"enterprise", Map.of("id", "t-ent-b", "name", "乙汽车服务公司"),
				"jobId", "t-ev-technician",
				"projects", List.of(Map.of("name", "高压系统检修", "tasks", List.of(Map.of("name", "绝缘故障排查",
						"steps", List.of(
								Map.of("name", "测量绝缘", "skills", List.of(
										// an ideographic space inside Chinese text and spaces around it: the same skill
										Map.of("name", "  绝缘电阻　检测 ", "knowledge", List.of(Map.of("name", "高压安全防护规范"))),
										Map.of("name", "ＴＯＲＱＵＥ wrench  use"))),
								// full-width letters, doubled spaces and case: one new point for both spellings
								Map.of("name", "紧固", "skills", List.of(Map.of("name", "torque WRENCH use")))))))));

		var payload = graphQlTester.document(SUBMIT).variable("input", other).execute();

		payload.path("submitWorkTasks.errors").entityList(Object.class).hasSize(0);
		assertThat(payload.path("submitWorkTasks.matchedPoints[*].point.name").entityList(String.class).get()).containsExactlyInAnyOrder("绝缘电阻检测", "高压安全防护规范");
		payload.path("submitWorkTasks.matchedPoints[*].matchedBy").entityList(String.class).containsExactly("NAME", "NAME");
		payload.path("submitWorkTasks.createdPoints[*].name").entityList(String.class).containsExactly("ＴＯＲＱＵＥ wrench  use");
		assertThat(count("SkillPoint")).isEqualTo(4);
	}

	private void submit(Object document) {
		jobDocuments.importDocument(document);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> projects(Map<String, Object> document) {
		return (List<Map<String, Object>>) document.get("projects");
	}
}
