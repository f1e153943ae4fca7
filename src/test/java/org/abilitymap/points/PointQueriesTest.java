package org.abilitymap.points;

import java.util.List;
import java.util.Map;

import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.abilitymap.support.GraphQlAssertions.badRequest;
import static org.assertj.core.api.Assertions.assertThat;

/** Skill and knowledge points through GraphQL: look-up by id, their links and usage, and full-text search. */
class PointQueriesTest extends GraphTestSupport {

	private static final String SEARCH = """
			query search($text: String!, $kind: PointKind, $first: Int, $after: String) {
			  searchPoints(text: $text, kind: $kind, first: $first, after: $after) {
			    edges { cursor score node { __typename id kind name } }
			    pageInfo { hasNextPage endCursor }
			    totalCount
			  }
			}
			""";

	private static final String HV_SAFETY_RULES = PointNames.derivedId(PointKind.KNOWLEDGE, "高压安全防护规范");

	private static final String LEAK_TESTER = PointNames.derivedId(PointKind.SKILL, "气密性检测仪操作");

	@BeforeEach
	void submissions() {
		loadCatalog();
		submit("submission-a.json");
		submit("submission-b.json");
		submit("submission-c.json");
	}

	@Test
	void aSkillHasItsKnowledgeAndEverythingThatRequiresIt() {
		GraphQlTester.Response response = query("""
				{ skill(id: "t-sk-insulation") {
				    __typename id kind name nameEn
				    knowledge { id name }
				    requiredBy { steps { id } tasks { id } jobs { id } enterprises { id } } } }
				""");

		response.path("skill").matchesJson("""
				{"__typename": "SkillPoint", "id": "t-sk-insulation", "kind": "SKILL", "name": "绝缘电阻检测",
				 "nameEn": "Insulation resistance testing",
				 "knowledge": [{"id": "t-kn-insulation-limits", "name": "动力电池绝缘电阻限值"},
				               {"id": "%s", "name": "高压安全防护规范"}]}
				""".formatted(HV_SAFETY_RULES));
		// submission-a asks for it in two steps of one task, submission-b in one step
		assertThat(ids(response, "skill.requiredBy.steps")).containsExactlyInAnyOrder(
				"sub:t-ent-a:t-battery-assembler:v1/id:insulation-check", "sub:t-ent-a:t-battery-assembler:v1/id:torque",
				"sub:t-ent-b:t-ev-technician:v1/id:measure");
		assertThat(ids(response, "skill.requiredBy.tasks")).containsExactlyInAnyOrder(
				"sub:t-ent-a:t-battery-assembler:v1/id:hv-connectors", "sub:t-ent-b:t-ev-technician:v1/id:insulation-fault");
		assertThat(ids(response, "skill.requiredBy.jobs")).containsExactlyInAnyOrder("t-battery-assembler", "t-ev-technician");
		assertThat(ids(response, "skill.requiredBy.enterprises")).containsExactlyInAnyOrder("t-ent-a", "t-ent-b");
	}

	@Test
	void requiredByCountsOnlyLatestSubmissions() {
		submit(withSingleSkill("submission-b.json", Map.of("name", "扭矩扳手使用")));

		GraphQlTester.Response response = query("""
				{ skill(id: "t-sk-insulation") { knowledge { id } requiredBy { jobs { id } enterprises { id } } } }
				""");

		assertThat(ids(response, "skill.requiredBy.jobs")).containsExactly("t-battery-assembler");
		assertThat(ids(response, "skill.requiredBy.enterprises")).containsExactly("t-ent-a");
		assertThat(ids(response, "skill.knowledge")).containsExactly("t-kn-insulation-limits", HV_SAFETY_RULES);
	}

	@Test
	void aKnowledgePointListsTheSkillsThatRestOnIt() {
		query("""
				{ limits: knowledgePoint(id: "t-kn-insulation-limits") { __typename kind name skills { id } }
				  rules: knowledgePoint(id: "%s") { name skills { id } }
				  ohm: knowledgePoint(id: "t-kn-ohms-law") { nameEn skills { id name } } }
				""".formatted(HV_SAFETY_RULES))
			.path("limits").matchesJsonStrictly("""
					{"__typename": "KnowledgePoint", "kind": "KNOWLEDGE", "name": "动力电池绝缘电阻限值",
					 "skills": [{"id": "%s"}, {"id": "t-sk-insulation"}]}
					""".formatted(LEAK_TESTER))
			.path("rules").matchesJsonStrictly("""
					{"name": "高压安全防护规范", "skills": [{"id": "t-sk-insulation"}]}
					""")
			.path("ohm").matchesJsonStrictly("""
					{"nameEn": "Ohm's law", "skills": [{"id": "t-sk-multimeter", "name": "万用表使用"}]}
					""");
	}

	@Test
	void lookingUpAPointAsTheOtherKindFindsNothing() {
		query("""
				{ skill(id: "t-kn-insulation-limits") { id }
				  knowledgePoint(id: "t-sk-insulation") { id }
				  missing: skill(id: "no-such-point") { id } }
				""")
			.path("skill").valueIsNull()
			.path("knowledgePoint").valueIsNull()
			.path("missing").valueIsNull();
	}

	@Test
	void aSkillThatNoLatestSubmissionUsesHasEmptyLinks() {
		submit(withSingleSkill("submission-c.json", Map.of("id", "t-sk-bbox")));

		query("{ skill(id: \"t-sk-cpp\") { name knowledge { id } requiredBy { steps { id } tasks { id } jobs { id } enterprises { id } } } }")
			.path("skill").matchesJsonStrictly("""
					{"name": "C++ 编程", "knowledge": [],
					 "requiredBy": {"steps": [], "tasks": [], "jobs": [], "enterprises": []}}
					""");
	}

	@Test
	void chineseSearchFindsPointsByBigramsAndNothingUnrelated() {
		GraphQlTester.Response response = search("绝缘", null);

		assertThat(ids(response, "searchPoints.edges[*].node")).containsExactlyInAnyOrder("t-sk-insulation", "t-kn-insulation-limits");
		response.path("searchPoints.totalCount").entity(Integer.class).isEqualTo(2);
		response.path("searchPoints.edges[*].score").entityList(Double.class)
			.satisfies(scores -> assertThat(scores).allMatch(score -> score > 0).isSortedAccordingTo((a, b) -> Double.compare(b, a)));

		assertThat(found("电阻")).containsExactlyInAnyOrder("t-sk-insulation", "t-kn-insulation-limits");
		assertThat(found("标注")).containsExactlyInAnyOrder("t-sk-bbox", "t-kn-guidelines");
		assertThat(found("量子")).isEmpty();
	}

	@Test
	void englishSearchMatchesEnglishNamesWhateverTheCase() {
		assertThat(found("insulation")).containsExactlyInAnyOrder("t-sk-insulation", "t-kn-insulation-limits");
		assertThat(found("INSULATION")).containsExactlyInAnyOrder("t-sk-insulation", "t-kn-insulation-limits");
		assertThat(found("multimeter")).containsExactly("t-sk-multimeter");
	}

	@Test
	void searchIsFilteredByKind() {
		search("绝缘", "KNOWLEDGE")
			.path("searchPoints.edges[*].node").matchesJsonStrictly("""
					[{"__typename": "KnowledgePoint", "id": "t-kn-insulation-limits", "kind": "KNOWLEDGE", "name": "动力电池绝缘电阻限值"}]
					""")
			.path("searchPoints.totalCount").entity(Integer.class).isEqualTo(1);
		search("绝缘", "SKILL")
			.path("searchPoints.edges[*].node.id").entityList(String.class).containsExactly("t-sk-insulation")
			.path("searchPoints.totalCount").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void searchResultsArePaged() {
		GraphQlTester.Response first = graphQlTester.document(SEARCH).variable("text", "insulation").variable("first", 1).execute();
		first.path("searchPoints.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		first.path("searchPoints.totalCount").entity(Integer.class).isEqualTo(2);
		String firstId = first.path("searchPoints.edges[0].node.id").entity(String.class).get();
		String cursor = first.path("searchPoints.pageInfo.endCursor").entity(String.class).get();

		GraphQlTester.Response second = graphQlTester.document(SEARCH)
			.variable("text", "insulation").variable("first", 1).variable("after", cursor).execute();
		second.path("searchPoints.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		second.path("searchPoints.totalCount").entity(Integer.class).isEqualTo(2);
		String secondId = second.path("searchPoints.edges[0].node.id").entity(String.class).get();

		assertThat(List.of(firstId, secondId)).containsExactlyInAnyOrder("t-sk-insulation", "t-kn-insulation-limits");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "\u3000" })
	void emptySearchTextIsABadRequest(String text) {
		search(text, null).errors().satisfy(badRequest("text"));
	}

	@Test
	void overlongSearchTextIsABadRequest() {
		search("绝".repeat(201), null).errors().satisfy(badRequest("text"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "绝缘 AND (", "绝缘 AND", "AND", "OR NOT", "NOT 绝缘", "绝缘 && 检测", "绝缘 || 检测", "!绝缘",
			"-绝缘", "+", "\"绝缘", "*", "绝缘?", "绝缘^2", "title:绝缘", "a\\", "[绝缘 TO", "{绝缘}", "~", "/regex/", "c++" })
	void luceneSyntaxInTheTextIsSearchedForLiterally(String text) {
		search(text, null).path("searchPoints.totalCount").hasValue();
	}

	@Test
	void searchForWordsWithOperatorsStillFindsTheWords() {
		assertThat(found("绝缘 AND (")).containsExactlyInAnyOrder("t-sk-insulation", "t-kn-insulation-limits");
		assertThat(found("NOT 绝缘")).containsExactlyInAnyOrder("t-sk-insulation", "t-kn-insulation-limits");
		assertThat(found("c++")).containsExactly("t-sk-cpp");
	}

	// ----- helpers

	private GraphQlTester.Response query(String document) {
		return graphQlTester.document(document).execute();
	}

	private GraphQlTester.Response search(String text, String kind) {
		return graphQlTester.document(SEARCH).variable("text", text).variable("kind", kind).execute();
	}

	private void submit(String fixture) {
		submit(document(fixture));
	}

	private void submit(Map<String, Object> document) {
		jobDocuments.importDocument(document);
		approveAllSubmissions();
	}

	/** The next version of a fixture submission: one project, task and step that requires only {@code skill}. */
	private Map<String, Object> withSingleSkill(String fixture, Map<String, Object> skill) {
		Map<String, Object> step = Map.of("name", "唯一步骤", "skills", List.of(skill));
		Map<String, Object> task = Map.of("name", "唯一任务", "steps", List.of(step));
		Map<String, Object> document = document(fixture);
		document.put("projects", List.of(Map.of("name", "唯一项目", "tasks", List.of(task))));
		return document;
	}

	/** The ids of the points a search finds, best first. */
	private List<String> found(String text) {
		return ids(search(text, null), "searchPoints.edges[*].node");
	}

	/** The ids of the objects at {@code path}, a list or a {@code [*]} path. */
	private static List<String> ids(GraphQlTester.Response response, String path) {
		return response.path(path.contains("[*]") ? path + ".id" : path + "[*].id").entityList(String.class).get();
	}
}
