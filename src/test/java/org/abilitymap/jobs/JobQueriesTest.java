package org.abilitymap.jobs;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.abilitymap.points.PointKind;
import org.abilitymap.points.PointNames;
import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.abilitymap.support.GraphQlAssertions.badRequest;
import static org.assertj.core.api.Assertions.assertThat;

/** The read side of the job graph through GraphQL: catalogue lists with filters and pages, submissions, ability maps. */
class JobQueriesTest extends GraphTestSupport {

	private static final String A_V1 = "sub:t-ent-a:t-battery-assembler:v1";

	private static final String A_V2 = "sub:t-ent-a:t-battery-assembler:v2";

	private static final String B_ASSEMBLER = "sub:t-ent-b:t-battery-assembler:v1";

	private static final String B_TECHNICIAN = "sub:t-ent-b:t-ev-technician:v1";

	private static final String C_ANNOTATOR = "sub:t-ent-c:t-data-annotator:v1";

	private static final String JOB_IDS = """
			query jobs($filter: JobFilter, $first: Int, $after: String) {
			  jobs(filter: $filter, first: $first, after: $after) {
			    edges { cursor node { id } }
			    pageInfo { hasNextPage endCursor }
			    totalCount
			  }
			}
			""";

	private static final String SUBMISSION_IDS = """
			query submissions($filter: SubmissionFilter) {
			  submissions(filter: $filter) { edges { node { id } } totalCount }
			}
			""";

	@BeforeEach
	void catalog() {
		loadCatalog();
	}

	// ----- jobs

	@Test
	void jobByIdHasItsGroupOccupationsAndEnterprisesWithLatestSubmissions() {
		submit("submission-a.json", "submission-b-assembler.json", "submission-b.json");

		query("""
				{ job(id: "t-battery-assembler") {
				    id name nameEn description
				    group { id name }
				    referenceOccupations { id scheme code uri }
				    enterprises { id name }
				} }
				""").path("job").matchesJsonStrictly("""
				{"id": "t-battery-assembler", "name": "动力电池装配员", "nameEn": "Battery pack assembler",
				 "description": "装配与检测动力电池包",
				 "group": {"id": "t-nev-production", "name": "电池生产岗位群"},
				 "referenceOccupations": [
				   {"id": "t-cn-6-22-02-01", "scheme": "CN_OCCUPATION_2022", "code": "6-22-02-01", "uri": null},
				   {"id": "t-esco-automotive-engineer", "scheme": "ESCO", "code": null,
				    "uri": "http://data.europa.eu/esco/occupation/c4f2b8a9-1d7e-4a1b-9c39-3e1a1b1a0c11"}],
				 "enterprises": [{"id": "t-ent-a", "name": "甲电池公司"}, {"id": "t-ent-b", "name": "乙汽车服务公司"}]}
				""");
	}

	@Test
	void aJobWithoutOccupationsOrSubmissionsHasEmptyListsAndAnUnknownJobIsNull() {
		query("""
				{ known: job(id: "t-data-annotator") { description group { id } referenceOccupations { id } enterprises { id } }
				  unknown: job(id: "no-such-job") { id } }
				""")
			.path("known").matchesJsonStrictly("""
					{"description": null, "group": {"id": "t-ai-data-jobs"}, "referenceOccupations": [], "enterprises": []}
					""")
			.path("unknown").valueIsNull();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			groupId       | t-nev-production | t-battery-assembler
			groupId       | t-ai-data-jobs   | t-data-annotator
			groupId       | no-such-group    |
			industryId    | t-nev            | t-battery-assembler t-ev-technician
			industryId    | t-ai             | t-data-annotator
			nameContains  | 装配             | t-battery-assembler
			nameContains  | 技师             | t-ev-technician
			nameContains  | ASSEMBLER        | t-battery-assembler
			nameContains  | ' Data '         | t-data-annotator
			nameContains  | 员               | t-battery-assembler t-data-annotator
			""")
	void jobsAreFilteredByGroupIndustryAndNameText(String field, String value, String expectedIds) {
		List<String> expected = expectedIds == null ? List.of() : List.of(expectedIds.split(" "));

		GraphQlTester.Response response = graphQlTester.document(JOB_IDS)
			.variable("filter", Map.of(field, value))
			.execute();

		response.path("jobs.edges[*].node.id").entityList(String.class).containsExactly(expected.toArray(String[]::new));
		response.path("jobs.totalCount").entity(Integer.class).isEqualTo(expected.size());
	}

	@Test
	void jobFiltersCombineWithAnd() {
		graphQlTester.document(JOB_IDS)
			.variable("filter", Map.of("industryId", "t-nev", "nameContains", "data"))
			.execute()
			.path("jobs.edges").entityList(Object.class).hasSize(0)
			.path("jobs.totalCount").entity(Integer.class).isEqualTo(0)
			.path("jobs.pageInfo.endCursor").valueIsNull();
	}

	@Test
	void jobsArePagedWithCursors() {
		GraphQlTester.Response first = graphQlTester.document(JOB_IDS).variable("first", 2).execute();

		first.path("jobs.edges[*].node.id").entityList(String.class).containsExactly("t-battery-assembler", "t-data-annotator");
		first.path("jobs.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		first.path("jobs.totalCount").entity(Integer.class).isEqualTo(3);
		String endCursor = first.path("jobs.pageInfo.endCursor").entity(String.class).get();
		first.path("jobs.edges[1].cursor").entity(String.class).isEqualTo(endCursor);

		graphQlTester.document(JOB_IDS).variable("first", 2).variable("after", endCursor).execute()
			.path("jobs.edges[*].node.id").entityList(String.class).containsExactly("t-ev-technician")
			.path("jobs.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
			.path("jobs.totalCount").entity(Integer.class).isEqualTo(3);
	}

	@Test
	void theDefaultPageHoldsTwentyItems() {
		Map<String, Object> catalog = Map.of("jobs", IntStream.rangeClosed(1, 25)
			.mapToObj(i -> Map.of("id", "t-extra-%02d".formatted(i), "name", "岗位" + i))
			.toList());
		jobDocuments.importDocument(catalog);

		graphQlTester.document(JOB_IDS).execute()
			.path("jobs.edges").entityList(Object.class).hasSize(20)
			.path("jobs.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
			.path("jobs.totalCount").entity(Integer.class).isEqualTo(28);
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-a-cursor", "b2Zmc2V0Oi0x", "@@@", "b2Zmc2V0OjIxNDc0ODM2NDc" })
	void aCursorThisListDidNotIssueIsABadRequest(String cursor) {
		// b2Zmc2V0Oi0x is "offset:-1" and b2Zmc2V0OjIxNDc0ODM2NDc is "offset:2147483647", both base64url
		graphQlTester.document(JOB_IDS).variable("after", cursor).execute().errors().satisfy(badRequest("after"));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 101 })
	void aPageSizeOutsideOneToHundredIsABadRequest(int first) {
		graphQlTester.document(JOB_IDS).variable("first", first).execute().errors().satisfy(badRequest("first"));
	}

	@Test
	void pageSizeLimitsApplyToEveryList() {
		query("{ industries(first: 101) { totalCount } }").errors().satisfy(badRequest("first"));
		query("{ searchPoints(text: \"绝缘\", first: 0) { totalCount } }").errors().satisfy(badRequest("first"));
	}

	// ----- job groups, industries, chain segments

	@Test
	void jobGroupsListTheirSegmentsAndJobsAndFilterByIndustry() {
		query("""
				{ jobGroups { totalCount edges { node { id segments { id } jobs { id } } } } }
				""")
			.path("jobGroups.totalCount").entity(Integer.class).isEqualTo(3)
			.path("jobGroups.edges[*].node").matchesJsonStrictly("""
					[{"id": "t-ai-data-jobs", "segments": [{"id": "t-ai-data"}], "jobs": [{"id": "t-data-annotator"}]},
					 {"id": "t-nev-aftersales", "segments": [{"id": "t-nev-service"}], "jobs": [{"id": "t-ev-technician"}]},
					 {"id": "t-nev-production", "segments": [{"id": "t-nev-battery"}], "jobs": [{"id": "t-battery-assembler"}]}]
					""");

		query("{ jobGroups(filter: {industryId: \"t-nev\"}) { totalCount edges { node { id } } } }")
			.path("jobGroups.edges[*].node.id").entityList(String.class).containsExactly("t-nev-aftersales", "t-nev-production")
			.path("jobGroups.totalCount").entity(Integer.class).isEqualTo(2);
	}

	@Test
	void industriesListTheirChainSegmentsWithStageAndServingGroups() {
		query("""
				{ industries { totalCount edges { node { id name nameEn segments { id name stage jobGroups { id } } } } } }
				""")
			.path("industries.totalCount").entity(Integer.class).isEqualTo(2)
			.path("industries.edges[*].node").matchesJsonStrictly("""
					[{"id": "t-ai", "name": "人工智能", "nameEn": "Artificial intelligence", "segments": [
					   {"id": "t-ai-data", "name": "数据服务", "stage": "UPSTREAM", "jobGroups": [{"id": "t-ai-data-jobs"}]}]},
					 {"id": "t-nev", "name": "新能源汽车", "nameEn": "New-energy vehicles", "segments": [
					   {"id": "t-nev-battery", "name": "动力电池", "stage": "UPSTREAM", "jobGroups": [{"id": "t-nev-production"}]},
					   {"id": "t-nev-service", "name": "售后服务", "stage": "DOWNSTREAM", "jobGroups": [{"id": "t-nev-aftersales"}]}]}]
					""");
	}

	// ----- enterprises

	@Test
	void enterprisesAreFilteredByIndustryAndName() {
		assertThat(enterpriseIds(Map.of())).containsExactly("t-ent-a", "t-ent-b", "t-ent-c");
		assertThat(enterpriseIds(Map.of("industryId", "t-nev"))).containsExactly("t-ent-a", "t-ent-b");
		assertThat(enterpriseIds(Map.of("nameContains", "CO. b"))).containsExactly("t-ent-b");
		assertThat(enterpriseIds(Map.of("nameContains", "数据"))).containsExactly("t-ent-c");
		assertThat(enterpriseIds(Map.of("industryId", "t-ai", "nameContains", "电池"))).isEmpty();
	}

	@Test
	void anEnterpriseListsItsIndustriesAndOnlyTheLatestVersionOfEachSubmission() {
		submit("submission-a.json", "submission-b-assembler.json", "submission-b.json");
		jobDocuments.importDocument(changedSubmissionA());

		query("{ enterprises { edges { node { id industries { id } submissions { id latest } } } } }")
			.path("enterprises.edges[*].node").matchesJsonStrictly("""
					[{"id": "t-ent-a", "industries": [{"id": "t-nev"}],
					  "submissions": [{"id": "%s", "latest": false}, {"id": "%s", "latest": true}]},
					 {"id": "t-ent-b", "industries": [{"id": "t-nev"}],
					  "submissions": [{"id": "%s", "latest": true}, {"id": "%s", "latest": true}]},
					 {"id": "t-ent-c", "industries": [{"id": "t-ai"}], "submissions": []}]
					""".formatted(A_V1, A_V2, B_ASSEMBLER, B_TECHNICIAN));
	}

	// ----- submissions

	@Test
	void aSubmissionHasItsShadowingEnterpriseJobAndVersions() {
		jobDocuments.importDocument(document("submission-a.json"));
		jobDocuments.importDocument(document("submission-b-assembler.json"));

		GraphQlTester.Response response = query("""
				{ a: submission(id: "%s") {
				    id version latest status submittedAt contentHash
				    shadowing { startDate endDate observers method notes }
				    enterprise { id name nameEn } job { id name } versions { id }
				  }
				  b: submission(id: "%s") { shadowing { method } }
				  unknown: submission(id: "sub:nobody:t-battery-assembler:v1") { id } }
				""".formatted(A_V1, B_ASSEMBLER));

		response.path("a").matchesJson("""
				{"id": "%s", "version": 1, "latest": true, "status": "SUBMITTED",
				 "shadowing": {"startDate": "2026-03-02", "endDate": "2026-03-13", "observers": ["王磊", "李娜"],
				               "method": "跟岗观察", "notes": null},
				 "enterprise": {"id": "t-ent-a", "name": "甲电池公司", "nameEn": "Battery Co. A"},
				 "job": {"id": "t-battery-assembler", "name": "动力电池装配员"},
				 "versions": [{"id": "%s"}]}
				""".formatted(A_V1, A_V1));
		response.path("a.contentHash").entity(String.class).matches(hash -> hash.matches("[0-9a-f]{64}"));
		response.path("a.submittedAt").entity(String.class).satisfies(at -> assertThat(ZonedDateTime.parse(at)).isNotNull());
		response.path("b.shadowing").valueIsNull();
		response.path("unknown").valueIsNull();
	}

	@Test
	void aSubmissionHoldsItsTreeInDocumentOrderExactlyAsSubmitted() {
		submit("submission-a.json");

		query("""
				{ submission(id: "%s") { projects {
				    id name nameEn
				    tasks { id name frequency importance difficulty
				      steps { id name
				        skills { level skill { id name } knowledge { id name } } } } } } }
				""".formatted(A_V1))
			.path("submission.projects").matchesJsonStrictly("""
					[{"id": "%1$s/id:pack-line", "name": "电池包装配线调试", "nameEn": "Battery pack line commissioning",
					  "tasks": [{"id": "%1$s/id:hv-connectors", "name": "高压连接器安装", "frequency": "DAILY",
					             "importance": 5, "difficulty": 4,
					    "steps": [
					      {"id": "%1$s/id:insulation-check", "name": "上电前检测绝缘电阻", "skills": [
					        {"level": "MASTERED", "skill": {"id": "t-sk-insulation", "name": "绝缘电阻检测"},
					         "knowledge": [{"id": "t-kn-insulation-limits", "name": "动力电池绝缘电阻限值"},
					                       {"id": "%2$s", "name": "高压安全防护规范"}]}]},
					      {"id": "%1$s/id:torque", "name": "按力矩紧固连接器", "skills": [
					        {"level": "PRACTISED", "skill": {"id": "%3$s", "name": "扭矩扳手使用"}, "knowledge": []},
					        {"level": "PRACTISED", "skill": {"id": "t-sk-insulation", "name": "绝缘电阻检测"}, "knowledge": []}]}]}]},
					 {"id": "%1$s/p1", "name": "电池包下线检测", "nameEn": "End-of-line pack test",
					  "tasks": [{"id": "%1$s/p1.t0", "name": "气密性检测", "frequency": "WEEKLY", "importance": 3, "difficulty": 2,
					    "steps": [
					      {"id": "%1$s/p1.t0.s0", "name": "连接气密检测仪", "skills": [
					        {"level": "AWARE", "skill": {"id": "%4$s", "name": "气密性检测仪操作"},
					         "knowledge": [{"id": "t-kn-insulation-limits", "name": "动力电池绝缘电阻限值"}]}]}]}]}]
					""".formatted(A_V1, derivedKnowledgeId("高压安全防护规范"), derivedSkillId("扭矩扳手使用"),
					derivedSkillId("气密性检测仪操作")));
	}

	@Test
	void anEarlierVersionKeepsItsOwnTreeAndKnowsItsSuccessor() {
		submit("submission-a.json");
		jobDocuments.importDocument(changedSubmissionA());

		query("""
				{ old: submission(id: "%s") { latest projects { name } versions { id version latest } }
				  new: submission(id: "%s") { latest projects { name } } }
				""".formatted(A_V1, A_V2))
			.path("old").matchesJsonStrictly("""
					{"latest": false, "projects": [{"name": "电池包装配线调试"}, {"name": "电池包下线检测"}],
					 "versions": [{"id": "%s", "version": 1, "latest": false}, {"id": "%s", "version": 2, "latest": true}]}
					""".formatted(A_V1, A_V2))
			.path("new").matchesJsonStrictly("""
					{"latest": true, "projects": [{"name": "电池包装配线调试"}, {"name": "电池包下线终检"}]}
					""");
	}

	@Test
	void submissionsAreListedNewestFirstAndFilteredByEnterpriseJobAndLatest() {
		submit("submission-a.json", "submission-b-assembler.json", "submission-b.json", "submission-c.json");
		jobDocuments.importDocument(changedSubmissionA());

		assertThat(submissionIds(Map.of())).containsExactly(A_V2, C_ANNOTATOR, B_TECHNICIAN, B_ASSEMBLER, A_V1);
		// v1 of t-ent-a stays listed beside the latest: it is the approved one, v2 awaits review
		assertThat(submissionIds(Map.of("latestOnly", true))).containsExactly(A_V2, C_ANNOTATOR, B_TECHNICIAN, B_ASSEMBLER, A_V1);
		assertThat(submissionIds(Map.of("enterpriseId", "t-ent-a"))).containsExactly(A_V2, A_V1);
		assertThat(submissionIds(Map.of("jobId", "t-battery-assembler"))).containsExactly(A_V2, B_ASSEMBLER, A_V1);
		assertThat(submissionIds(Map.of("jobId", "t-battery-assembler", "latestOnly", true))).containsExactly(A_V2, B_ASSEMBLER, A_V1);
		approveAllSubmissions();
		assertThat(submissionIds(Map.of("jobId", "t-battery-assembler", "latestOnly", true))).containsExactly(A_V2, B_ASSEMBLER);
		assertThat(submissionIds(Map.of("enterpriseId", "t-ent-b", "jobId", "t-ev-technician"))).containsExactly(B_TECHNICIAN);
		assertThat(submissionIds(Map.of("enterpriseId", "t-ent-c", "jobId", "t-battery-assembler"))).isEmpty();
		graphQlTester.document(SUBMISSION_IDS).variable("filter", Map.of("enterpriseId", "t-ent-a")).execute()
			.path("submissions.totalCount").entity(Integer.class).isEqualTo(2);
	}

	// ----- ability maps

	@Test
	void theAbilityMapMergesTheLatestSubmissionOfEveryEnterpriseWithProvenance() {
		submit("submission-a.json", "submission-b-assembler.json", "submission-b.json");

		GraphQlTester.Response response = query("""
				{ abilityMap(jobId: "t-battery-assembler") {
				    job { id }
				    submissions { id }
				    projects { name provenance { enterprise { name } submissionId version }
				      tasks { name provenance { enterprise { name } version }
				        steps { name provenance { enterprise { name } version } } } } } }
				""");

		response.path("abilityMap.job.id").entity(String.class).isEqualTo("t-battery-assembler");
		response.path("abilityMap.submissions[*].id").entityList(String.class).containsExactly(A_V1, B_ASSEMBLER);
		response.path("abilityMap.projects").matchesJsonStrictly("""
				[{"name": "电池包装配线调试", "provenance": {"enterprise": {"name": "甲电池公司"}, "submissionId": "%1$s", "version": 1},
				  "tasks": [{"name": "高压连接器安装", "provenance": {"enterprise": {"name": "甲电池公司"}, "version": 1},
				    "steps": [{"name": "上电前检测绝缘电阻", "provenance": {"enterprise": {"name": "甲电池公司"}, "version": 1}},
				              {"name": "按力矩紧固连接器", "provenance": {"enterprise": {"name": "甲电池公司"}, "version": 1}}]}]},
				 {"name": "电池包下线检测", "provenance": {"enterprise": {"name": "甲电池公司"}, "submissionId": "%1$s", "version": 1},
				  "tasks": [{"name": "气密性检测", "provenance": {"enterprise": {"name": "甲电池公司"}, "version": 1},
				    "steps": [{"name": "连接气密检测仪", "provenance": {"enterprise": {"name": "甲电池公司"}, "version": 1}}]}]},
				 {"name": "模组装配", "provenance": {"enterprise": {"name": "乙汽车服务公司"}, "submissionId": "%2$s", "version": 1},
				  "tasks": [{"name": "模组螺栓紧固", "provenance": {"enterprise": {"name": "乙汽车服务公司"}, "version": 1},
				    "steps": [{"name": "紧固模组螺栓", "provenance": {"enterprise": {"name": "乙汽车服务公司"}, "version": 1}},
				              {"name": "复测绝缘", "provenance": {"enterprise": {"name": "乙汽车服务公司"}, "version": 1}}]}]}]
				""".formatted(A_V1, B_ASSEMBLER));
	}

	@Test
	void theAbilityMapSumsSkillsOverEnterprisesAndSteps() {
		submit("submission-a.json", "submission-b-assembler.json", "submission-b.json");

		// insulation: A MASTERED + PRACTISED, B AWARE; torque wrench: A PRACTISED, B MASTERED (by normalised name)
		query("{ abilityMap(jobId: \"t-battery-assembler\") { skills { skill { name } highestLevel enterpriseCount stepCount } } }")
			.path("abilityMap.skills").matchesJson("""
					[{"skill": {"name": "绝缘电阻检测"}, "highestLevel": "MASTERED", "enterpriseCount": 2, "stepCount": 3},
					 {"skill": {"name": "扭矩扳手使用"}, "highestLevel": "MASTERED", "enterpriseCount": 2, "stepCount": 2},
					 {"skill": {"name": "气密性检测仪操作"}, "highestLevel": "AWARE", "enterpriseCount": 1, "stepCount": 1},
					 {"skill": {"name": "防静电操作"}, "highestLevel": "AWARE", "enterpriseCount": 1, "stepCount": 1}]
					""");
	}

	@Test
	void theAbilityMapFollowsTheLatestApprovedVersionOnly() {
		submit("submission-a.json", "submission-b-assembler.json");
		Map<String, Object> withoutRecheck = document("submission-b-assembler.json");
		steps(withoutRecheck).remove(1);
		jobDocuments.importDocument(withoutRecheck);

		query("""
				{ abilityMap(jobId: "t-battery-assembler") { projects { name provenance { version } } } }
				""")
			.path("abilityMap.projects[*].provenance.version").entityList(Integer.class).containsExactly(1, 1, 1);

		approveAllSubmissions();

		query("""
				{ abilityMap(jobId: "t-battery-assembler") {
				    projects { name provenance { version } }
				    skills { skill { id } highestLevel enterpriseCount stepCount } } }
				""")
			.path("abilityMap.projects[*].provenance.version").entityList(Integer.class).containsExactly(1, 1, 2)
			.path("abilityMap.skills").matchesJson("""
					[{"skill": {"id": "t-sk-insulation"}, "highestLevel": "MASTERED", "enterpriseCount": 1, "stepCount": 2},
					 {"skill": {"id": "%s"}, "highestLevel": "MASTERED", "enterpriseCount": 2, "stepCount": 2},
					 {"skill": {"id": "%s"}, "highestLevel": "AWARE", "enterpriseCount": 1, "stepCount": 1},
					 {"skill": {"id": "t-sk-esd"}, "highestLevel": "AWARE", "enterpriseCount": 1, "stepCount": 1}]
					""".formatted(derivedSkillId("扭矩扳手使用"), derivedSkillId("气密性检测仪操作")));
	}

	@Test
	void aJobWithoutSubmissionsHasAnEmptyAbilityMapAndAnUnknownJobNone() {
		query("""
				{ empty: abilityMap(jobId: "t-data-annotator") { job { name } submissions { id } projects { id } skills { stepCount } }
				  unknown: abilityMap(jobId: "no-such-job") { job { id } } }
				""")
			.path("empty").matchesJsonStrictly("""
					{"job": {"name": "数据标注员"}, "submissions": [], "projects": [], "skills": []}
					""")
			.path("unknown").valueIsNull();
	}

	// ----- helpers

	private GraphQlTester.Response query(String document) {
		return graphQlTester.document(document).execute();
	}

	/** Submits the fixtures and approves them: the ability map shows approved versions only. */
	private void submit(String... fixtures) {
		for (String fixture : fixtures) {
			jobDocuments.importDocument(document(fixture));
		}
		approveAllSubmissions();
	}

	/** submission-a.json with its second project renamed: the next version of t-ent-a's submission. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> changedSubmissionA() {
		Map<String, Object> changed = document("submission-a.json");
		((List<Map<String, Object>>) changed.get("projects")).get(1).put("name", "电池包下线终检");
		return changed;
	}

	/** The steps of the first task of the first project of a submission document. */
	@SuppressWarnings("unchecked")
	private static List<Object> steps(Map<String, Object> document) {
		var project = ((List<Map<String, Object>>) document.get("projects")).get(0);
		var task = ((List<Map<String, Object>>) project.get("tasks")).get(0);
		return (List<Object>) task.get("steps");
	}

	private List<String> enterpriseIds(Map<String, Object> filter) {
		return graphQlTester.document("""
				query enterprises($filter: EnterpriseFilter) { enterprises(filter: $filter) { edges { node { id } } } }
				""")
			.variable("filter", filter)
			.execute()
			.path("enterprises.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	private List<String> submissionIds(Map<String, Object> filter) {
		return graphQlTester.document(SUBMISSION_IDS)
			.variable("filter", filter)
			.execute()
			.path("submissions.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	private static String derivedSkillId(String name) {
		return PointNames.derivedId(PointKind.SKILL, name);
	}

	private static String derivedKnowledgeId(String name) {
		return PointNames.derivedId(PointKind.KNOWLEDGE, name);
	}
}
