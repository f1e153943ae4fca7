package org.abilitymap.jobs;

import static org.abilitymap.alignment.AlignmentFixture.ENTERPRISE_1;
import static org.abilitymap.alignment.AlignmentFixture.ENTERPRISE_2;
import static org.abilitymap.alignment.AlignmentFixture.ENTERPRISE_3;
import static org.abilitymap.alignment.AlignmentFixture.INDUSTRY_BODY;
import static org.abilitymap.alignment.AlignmentFixture.JOB_A;
import static org.abilitymap.alignment.AlignmentFixture.PROGRAMME;
import static org.abilitymap.alignment.AlignmentFixture.SCHOOL;
import static org.abilitymap.alignment.AlignmentFixture.submissionId;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.abilitymap.accounts.Accounts;
import org.abilitymap.accounts.NewAccount;
import org.abilitymap.accounts.OrganisationKind;
import org.abilitymap.accounts.Role;
import org.abilitymap.alignment.AlignmentFixture;
import org.abilitymap.imports.DocumentImport;
import org.abilitymap.support.GraphTestSupport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drafts (a first version awaiting review, and an unapproved version 2 of an approved submission) stay out of every
 * read path, GraphQL and REST, for accounts of other organisations, while the enterprise itself, the reviewer in
 * scope and an admin see them exactly where the API shows drafts.
 */
class DraftVisibilityTest extends GraphTestSupport {

	private static final String PASSWORD = "draft-visibility-password";

	private static final String OTHER_BODY = "dv-ib-other";

	private static final String OFFICE = "dv-quality-office";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

	/** The two drafts of the world below, both for job A. */
	private enum Draft {

		/** Enterprise 3's first submission for job A, never reviewed: status SUBMITTED. */
		FRESH(ENTERPRISE_3, 1, """
				{"enterprise": {"id": "al-ent-3", "name": "丙检测公司"},
				 "jobId": "al-job-a",
				 "projects": [
				   {"id": "drill", "name": "热失控预警演练", "nameEn": "Thermal runaway drill",
				    "tasks": [
				      {"id": "t-patrol", "name": "电芯温升巡检", "importance": 4,
				       "steps": [
				         {"id": "s-infrared", "name": "红外测温记录",
				          "skills": [
				            {"id": "dv-sk-fresh", "name": "红外热像仪判读", "nameEn": "Infrared thermography reading",
				             "level": "MASTERED",
				             "knowledge": [{"id": "dv-kn-fresh", "name": "热失控前兆特征", "nameEn": "Thermal runaway precursors"}]},
				            {"id": "al-sk-e", "name": "绝缘电阻检测", "level": "MASTERED", "knowledge": [{"id": "dv-kn-fresh"}]}
				          ]}
				       ]}
				    ]}
				 ]}
				"""),

		/**
		 * Enterprise 1's version 2 for job A, whose version 1 is approved: it drops the end-of-line check (and with
		 * it 外观缺陷识别 and 外观检验标准) and adds a rework task with points of its own.
		 */
		FORGED(ENTERPRISE_1, 2, """
				{"enterprise": {"id": "al-ent-1", "name": "甲电池公司"},
				 "jobId": "al-job-a",
				 "projects": [
				   {"id": "pack", "name": "模组返修（二版）", "nameEn": "Module rework (second version)",
				    "tasks": [
				      {"id": "t-module", "name": "模组装配", "frequency": "DAILY", "importance": 5,
				       "steps": [
				         {"id": "s-fasten", "name": "模组紧固",
				          "skills": [
				            {"id": "al-sk-a", "name": "模组紧固", "level": "MASTERED",
				             "knowledge": [{"id": "al-kn-a", "name": "螺栓扭矩规范"}]},
				            {"id": "al-sk-b", "name": "扭矩扳手使用", "level": "PRACTISED"}
				          ]}
				       ]},
				      {"id": "t-rework", "name": "焊点返修", "importance": 5,
				       "steps": [
				         {"id": "s-weld", "name": "焊缝补焊作业",
				          "skills": [
				            {"id": "dv-sk-forged", "name": "激光补焊操作", "nameEn": "Laser repair welding", "level": "MASTERED",
				             "knowledge": [{"id": "al-kn-a"},
				                           {"id": "dv-kn-forged", "name": "补焊熔深要求", "nameEn": "Repair weld penetration"}]}
				          ]}
				       ]}
				    ]}
				 ]}
				""");

		final String enterpriseId;

		final int version;

		final String document;

		Draft(String enterpriseId, int version, String document) {
			this.enterpriseId = enterpriseId;
			this.version = version;
			this.document = document;
		}

		String id() {
			return submissionId(enterpriseId, JOB_A, version);
		}
	}

	/** Who reads: one account per role, of the drafts' enterprises, of another enterprise, in and out of scope. */
	private enum Caller {
		ANONYMOUS(null, null, null),
		EDITOR_1(Role.ENTERPRISE_EDITOR, OrganisationKind.ENTERPRISE, ENTERPRISE_1),
		EDITOR_2(Role.ENTERPRISE_EDITOR, OrganisationKind.ENTERPRISE, ENTERPRISE_2),
		EDITOR_3(Role.ENTERPRISE_EDITOR, OrganisationKind.ENTERPRISE, ENTERPRISE_3),
		REVIEWER_IN(Role.INDUSTRY_REVIEWER, OrganisationKind.INDUSTRY_BODY, INDUSTRY_BODY),
		REVIEWER_OUT(Role.INDUSTRY_REVIEWER, OrganisationKind.INDUSTRY_BODY, OTHER_BODY),
		DESIGNER(Role.CURRICULUM_DESIGNER, OrganisationKind.SCHOOL, SCHOOL),
		AUDITOR(Role.AUDITOR, OrganisationKind.QUALITY_OFFICE, OFFICE),
		CLUSTER_LEAD(Role.CLUSTER_LEAD, OrganisationKind.CLUSTER, "al-cluster"),
		ADMIN(Role.ADMIN, OrganisationKind.QUALITY_OFFICE, OFFICE);

		final Role role;

		final OrganisationKind kind;

		final String organisationId;

		Caller(Role role, OrganisationKind kind, String organisationId) {
			this.role = role;
			this.kind = kind;
			this.organisationId = organisationId;
		}

		String username() {
			return "dv-" + name().toLowerCase().replace('_', '-');
		}

		/**
		 * What docs/authorisation.md grants: its own enterprise's drafts, those awaiting review by an industry body
		 * covering the job (al-ib leads the cluster of job A's industry), and every draft for an admin.
		 */
		boolean mayRead(Draft draft) {
			return role == Role.ADMIN
					|| role == Role.INDUSTRY_REVIEWER && INDUSTRY_BODY.equals(organisationId)
					|| kind == OrganisationKind.ENTERPRISE && organisationId.equals(draft.enterpriseId);
		}
	}

	/** A GraphQL document (with variables) or a REST GET path. */
	private record Request(String graphQl, Map<String, Object> variables, String restPath) {

		static Request graphQl(String document) {
			return new Request(document, Map.of(), null);
		}

		static Request graphQl(String document, Map<String, Object> variables) {
			return new Request(document, variables, null);
		}

		static Request rest(String path) {
			return new Request(null, null, path);
		}
	}

	/**
	 * One read path: what everybody signed in must find in its answer ({@code published}), the draft content it
	 * shows to those who may read that draft ({@code shown}; none on paths resting on approved submissions only), and
	 * what a draft would add to this answer besides its own content if it leaked ({@code alsoHidden}).
	 */
	private record ReadPath(String name, Request request, Set<String> published, Map<Draft, Set<String>> shown,
			Map<Draft, Set<String>> alsoHidden) {

		@Override
		public String toString() {
			return name;
		}
	}

	private static final Facts FACTS = new Facts();

	@LocalServerPort
	private int port;

	@Autowired
	private DocumentImport imports;

	@Autowired
	private Accounts accounts;

	@BeforeEach
	void world() throws Exception {
		new AlignmentFixture(imports, json, graphQlTester).loadAll();
		graphQlTester.document("""
				mutation { saveIndustryBody(input: {id: "dv-ib-other", name: "另一个行业组织"}) { errors { code } } }
				""").execute().path("saveIndustryBody.errors").entityList(Object.class).hasSize(0);
		for (Caller caller : Caller.values()) {
			if (caller.role != null) {
				accounts.create(new NewAccount(caller.username(), null, PASSWORD, caller.kind, caller.organisationId,
						caller.kind == OrganisationKind.QUALITY_OFFICE ? "草稿测试质量监测中心" : null,
						Set.of(caller.role)));
			}
		}
		// Each enterprise submits its draft itself, signed in.
		submit(Caller.EDITOR_3, Draft.FRESH, "CREATED");
		submit(Caller.EDITOR_1, Draft.FORGED, "NEW_VERSION");
	}

	static Stream<ReadPath> readPaths() {
		Facts f = FACTS;
		Map<Draft, Set<String>> ids = Map.of(Draft.FRESH, Set.of(Draft.FRESH.id()), Draft.FORGED,
				Set.of(Draft.FORGED.id()));
		Map<Draft, Set<String>> none = Map.of();
		Map<Draft, Set<String>> enterprise3OnJobA = Map.of(Draft.FRESH,
				Set.of(enterpriseToken(ENTERPRISE_3), "\"enterprises\":" + (f.jobAEnterprises.size() + 1)));
		String tree = """
				fragment tree on Submission { id status
				  projects { id name nameEn tasks { id name nameEn steps { id name nameEn
				    skills { level skill { id name nameEn } knowledge { id name nameEn } } } } } }
				""";
		List<String> searched = new ArrayList<>(f.draftPointNames());
		searched.addAll(f.v1OnlyPointNames);
		return Stream.of(
				new ReadPath("submissions(jobId)", Request.graphQl("""
						{ submissions(filter: {jobId: "al-job-a"}, first: 100) { edges { node { id status } } } }
						"""), f.jobAApprovedIds, ids, none),
				new ReadPath("submissions(jobId, latestOnly)", Request.graphQl("""
						{ submissions(filter: {jobId: "al-job-a", latestOnly: true}, first: 100) {
						  edges { node { id status } } } }
						"""), f.jobAApprovedIds, ids, none),
				new ReadPath("submissions(enterpriseId)", Request.graphQl("""
						{ e1: submissions(filter: {enterpriseId: "al-ent-1"}, first: 100) { edges { node { id } } }
						  e3: submissions(filter: {enterpriseId: "al-ent-3"}, first: 100) { edges { node { id } } } }
						"""), f.approvedIdsOf(ENTERPRISE_1, ENTERPRISE_3), ids, none),
				new ReadPath("submission(id) with tree and versions", Request.graphQl("""
						{ fresh: submission(id: "%s") { ...tree }
						  forged: submission(id: "%s") { ...tree }
						  approved: submission(id: "%s") { ...tree versions { id status } } }
						%s""".formatted(Draft.FRESH.id(), Draft.FORGED.id(), submissionId(ENTERPRISE_1, JOB_A, 1), tree)),
						f.v1Only(), f.hidden, none),
				new ReadPath("Enterprise.submissions", Request.graphQl("""
						{ enterprises(filter: {industryId: "al-nev"}, first: 100) {
						  edges { node { id submissions { id status } } } } }
						"""), f.approvedIds, ids, none),
				new ReadPath("Job.enterprises and Job.standard", Request.graphQl("""
						{ job(id: "al-job-a") { enterprises { id } standard { point { id name } enterpriseCount enterprises } } }
						"""), union(f.jobAEnterpriseTokens(), f.standardLines), none, enterprise3OnJobA),
				new ReadPath("abilityMap submissions, projects and skills", Request.graphQl("""
						{ abilityMap(jobId: "al-job-a") {
						    submissions { id }
						    projects { id name nameEn provenance { submissionId version enterprise { id } }
						      tasks { id name nameEn steps { id name nameEn
						        skills { level skill { id name nameEn } knowledge { id name nameEn } } } } }
						    skills { skill { id } highestLevel enterpriseCount } } }
						"""), union(f.jobAApprovedIds, f.v1Only(), f.skillLines), none,
						Map.of(Draft.FRESH, Set.of(enterpriseToken(ENTERPRISE_3)))),
				new ReadPath("abilityMap drafts", Request.graphQl("""
						{ abilityMap(jobId: "al-job-a") { job { id } drafts { id status } } }
						"""), Set.of("{\"job\":{\"id\":\"" + JOB_A + "\"}"), ids, none),
				new ReadPath("jobStandard", Request.graphQl("""
						{ jobStandard(jobId: "al-job-a") { point { id name } enterpriseCount enterprises } }
						"""), f.standardLines, none, enterprise3OnJobA),
				new ReadPath("search", searches("search", "{ id kind name nameEn }", searched), f.v1OnlyPointIds, none,
						none),
				new ReadPath("searchPoints", searches("searchPoints", "{ totalCount edges { node { id name nameEn } } }",
						searched), f.v1OnlyPointIds, none, none),
				new ReadPath("trace(pointId)", pointLookups(f, """
						trace(pointId: "%s") { point { id name nameEn } steps { name } tasks { name } projects { name }
						  jobs { id } enterprises { id } requirements { job { id } point { id } } }
						""", """
						trace(pointId: "%s") { point { id name nameEn } steps { name } tasks { name } projects { name }
						  jobs { id } enterprises { id } requirements { job { id } point { id } } }
						"""), f.v1Only(), f.pointTokens, none),
				new ReadPath("skill(id) and knowledgePoint(id)", pointLookups(f, """
						skill(id: "%s") { id name nameEn knowledge { id name }
						  requiredBy { steps { name } tasks { name } jobs { id } enterprises { id } } }
						""", """
						knowledgePoint(id: "%s") { id name nameEn skills { id name } }
						"""), union(f.v1OnlyPoints, f.v1OnlyTasks, f.v1OnlySteps), f.pointTokens, none),
				new ReadPath("coverage and Programme.coverage", Request.graphQl("""
						{ coverage(programId: "al-prg") { byJob { job { id } share { required } } }
						  programme(id: "al-prg") { coverage { byJob { job { id } share { required } } } } }
						"""), f.coverageLines, none, none),
				new ReadPath("gaps", Request.graphQl("""
						{ gaps(programId: "al-prg") { point { id name } kind jobs { id } } }
						"""), f.notTaughtLines, none, none),
				new ReadPath("orphans", Request.graphQl("""
						{ orphans(programId: "al-prg") { point { id name } } }
						"""), idTokens(f.orphans), none, Map.of(Draft.FORGED, idTokens(f.v1OnlyTaught))),
				new ReadPath("curriculumMatrix", Request.graphQl("""
						{ curriculumMatrix(programId: "al-prg") { points { point { id name } requiredLevel importance } } }
						"""), idTokens(f.requiredByProgramme), none, none),
				new ReadPath("caseExport (GraphQL)", Request.graphQl("""
						{ standard: caseExport(jobId: "al-job-a", what: STANDARD)
						  abilityMap: caseExport(jobId: "al-job-a", what: ABILITY_MAP) }
						"""), f.v1OnlyNames(), none, none),
				new ReadPath("GET /api/jobs/{id}/case.json?what=ability-map",
						Request.rest("/api/jobs/al-job-a/case.json?what=ability-map"), f.v1OnlyNames(), none, none),
				new ReadPath("GET /api/jobs/{id}/case.json?what=standard",
						Request.rest("/api/jobs/al-job-a/case.json?what=standard"), f.v1OnlyPointNames, none, none),
				new ReadPath("GET /api/programmes/{id}/alignment.html",
						Request.rest("/api/programmes/" + PROGRAMME + "/alignment.html"), f.notTaughtNames, none, none),
				new ReadPath("GET /api/programmes/{id}/alignment.xlsx",
						Request.rest("/api/programmes/" + PROGRAMME + "/alignment.xlsx"), f.notTaughtNames, none, none),
				new ReadPath("GET /api/programmes/{id}/matrix.xlsx",
						Request.rest("/api/programmes/" + PROGRAMME + "/matrix.xlsx"), f.requiredByProgrammeNames, none,
						none));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("readPaths")
	void aDraftShowsOnlyToThoseWhoMayReadIt(ReadPath path) throws Exception {
		SoftAssertions softly = new SoftAssertions();
		for (Caller caller : Caller.values()) {
			if (caller.role == null) {
				String refusal = refusal(path.request());
				for (Draft draft : Draft.values()) {
					softly.assertThat(refusal).as("%s, anonymous: refused without %s", path, draft)
						.doesNotContain(hiddenOf(path, draft).toArray(String[]::new));
				}
				continue;
			}
			String answer = read(path.request(), caller);
			if (!path.published().isEmpty()) {
				softly.assertThat(answer).as("%s as %s: the published content", path, caller)
					.contains(path.published().toArray(String[]::new));
			}
			for (Draft draft : Draft.values()) {
				Set<String> shown = caller.mayRead(draft) ? path.shown().getOrDefault(draft, Set.of()) : Set.of();
				Set<String> hidden = hiddenOf(path, draft);
				hidden.removeAll(shown);
				if (!shown.isEmpty()) {
					softly.assertThat(answer).as("%s as %s: %s draft shown", path, caller, draft)
						.contains(shown.toArray(String[]::new));
				}
				for (String token : hidden) {
					softly.assertThat(answer).as("%s as %s: %s draft leaks %s", path, caller, draft, token)
						.doesNotContain(token);
				}
			}
		}
		softly.assertAll();
	}

	@Test
	void submissionCountsIncludeOnlyTheDraftsTheCallerMayRead() throws Exception {
		SoftAssertions softly = new SoftAssertions();
		for (Caller caller : Caller.values()) {
			if (caller.role == null) {
				continue;
			}
			int drafts = (int) Stream.of(Draft.values()).filter(caller::mayRead).count();
			String answer = read(Request.graphQl("""
					{ all: submissions(filter: {jobId: "al-job-a"}) { totalCount }
					  latest: submissions(filter: {jobId: "al-job-a", latestOnly: true}) { totalCount }
					  map: abilityMap(jobId: "al-job-a") { submissions { id } drafts { id } } }
					"""), caller);
			JsonNode data = JSON.readTree(answer);
			int approved = FACTS.jobAApprovedIds.size();
			softly.assertThat(data.get("all").get("totalCount").asInt()).as("all, as %s", caller)
				.isEqualTo(approved + drafts);
			softly.assertThat(data.get("latest").get("totalCount").asInt()).as("latest, as %s", caller)
				.isEqualTo(approved + drafts);
			softly.assertThat(data.get("map").get("submissions").size()).as("map, as %s", caller).isEqualTo(approved);
			softly.assertThat(data.get("map").get("drafts").size()).as("drafts, as %s", caller).isEqualTo(drafts);
		}
		softly.assertAll();
	}

	@Test
	void theFixtureTellsTheDraftsApartFromPublishedContent() {
		// The tokens are worked out from the documents; this pins down that they are the ones meant.
		assertThat(FACTS.hidden.get(Draft.FRESH)).contains(Draft.FRESH.id(), "dv-sk-fresh", "dv-kn-fresh", "红外热像仪判读",
				"热失控预警演练", "红外测温记录").doesNotContain("al-sk-e", "绝缘电阻检测");
		assertThat(FACTS.hidden.get(Draft.FORGED)).contains(Draft.FORGED.id(), "dv-sk-forged", "dv-kn-forged", "焊缝补焊作业")
			.doesNotContain("al-sk-a", "al-kn-a", "模组装配");
		assertThat(FACTS.v1OnlyPointIds).containsExactlyInAnyOrder("al-sk-c", "al-kn-c", "al-sk-e");
		assertThat(FACTS.v1OnlyTaught).contains("al-sk-c");
		for (Draft draft : Draft.values()) {
			for (String token : FACTS.hidden.get(draft)) {
				assertThat(FACTS.pointTokens.get(draft)).as(token)
					.noneMatch(shown -> !shown.equals(token) && shown.contains(token));
			}
		}
	}

	// ----- reading as a caller

	private String read(Request request, Caller caller) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = send(request, caller);
		String what = (request.restPath() != null ? request.restPath() : request.graphQl().strip()) + " as " + caller;
		assertThat(response.statusCode()).as(what).isEqualTo(200);
		if (request.restPath() != null) {
			return request.restPath().endsWith(".xlsx") ? cellsOf(response.body())
					: new String(response.body(), StandardCharsets.UTF_8);
		}
		JsonNode answer = JSON.readTree(response.body());
		assertThat(answer.has("errors")).as(what + ": " + answer.get("errors")).isFalse();
		return JSON.writeValueAsString(answer.get("data"));
	}

	/** The answer to an anonymous caller, which must be a refusal: 401 on REST, UNAUTHORIZED on GraphQL. */
	private String refusal(Request request) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = send(request, Caller.ANONYMOUS);
		String body = new String(response.body(), StandardCharsets.UTF_8);
		if (request.restPath() != null) {
			assertThat(response.statusCode()).as(request.restPath() + " anonymously").isEqualTo(401);
		}
		else {
			JsonNode answer = JSON.readTree(body);
			assertThat(answer.get("errors")).as(body).isNotNull()
				.allSatisfy(error -> assertThat(error.get("extensions").get("classification").asString())
					.isEqualTo("UNAUTHORIZED"));
		}
		return body;
	}

	private HttpResponse<byte[]> send(Request request, Caller caller) throws IOException, InterruptedException {
		HttpRequest.Builder http;
		if (request.restPath() != null) {
			http = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.restPath())).GET();
		}
		else {
			String body = JSON.writeValueAsString(Map.of("query", request.graphQl(), "variables", request.variables()));
			http = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		}
		if (caller.role != null) {
			http.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((caller.username() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		return HTTP.send(http.timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private void submit(Caller editor, Draft draft, String outcome) throws Exception {
		String answer = read(Request.graphQl("""
				mutation s($input: SubmitWorkTasksDocumentInput!) { submitWorkTasksDocument(input: $input) {
				  outcome submission { id status } errors { path code message } } }
				""", Map.of("input", Map.of("document", draft.document))), editor);
		JsonNode payload = JSON.readTree(answer).get("submitWorkTasksDocument");
		assertThat(payload.get("errors").size()).as(payload.toString()).isZero();
		assertThat(payload.get("outcome").asString()).isEqualTo(outcome);
		assertThat(payload.get("submission").get("id").asString()).isEqualTo(draft.id());
		assertThat(payload.get("submission").get("status").asString()).isEqualTo("SUBMITTED");
	}

	/** Every text cell of a workbook, one a line. */
	private static String cellsOf(byte[] workbook) throws IOException {
		StringBuilder text = new StringBuilder();
		DataFormatter formatter = new DataFormatter();
		try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
			for (Sheet sheet : book) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						text.append(formatter.formatCellValue(cell)).append('\n');
					}
				}
			}
		}
		return text.toString();
	}

	// ----- building the read paths

	/** Everything a leak of the draft would bring into this path's answer. */
	private static Set<String> hiddenOf(ReadPath path, Draft draft) {
		Set<String> hidden = new LinkedHashSet<>(FACTS.hidden.get(draft));
		hidden.addAll(path.alsoHidden().getOrDefault(draft, Set.of()));
		return hidden;
	}

	/** One aliased search per text, the texts passed as variables. */
	private static Request searches(String field, String selection, List<String> texts) {
		StringBuilder parameters = new StringBuilder();
		StringBuilder fields = new StringBuilder();
		Map<String, Object> variables = new LinkedHashMap<>();
		for (int i = 0; i < texts.size(); i++) {
			parameters.append(i == 0 ? "" : ", ").append("$t").append(i).append(": String!");
			fields.append("  q").append(i).append(": ").append(field).append("(text: $t").append(i)
				.append(", first: 100) ").append(selection).append('\n');
			variables.put("t" + i, texts.get(i));
		}
		return Request.graphQl("query searches(" + parameters + ") {\n" + fields + "}", variables);
	}

	/** One aliased look-up per point: the drafts' own, those they share with published work, and version 1's own. */
	private static Request pointLookups(Facts f, String skill, String knowledge) {
		Set<String> points = new LinkedHashSet<>();
		f.draftPointIds.values().forEach(points::addAll);
		points.addAll(f.sharedPointIds);
		points.addAll(f.v1OnlyPointIds);
		StringBuilder document = new StringBuilder("{\n");
		int i = 0;
		for (String id : points) {
			document.append("  p").append(i++).append(": ")
				.append((f.points.get(id).skill() ? skill : knowledge).formatted(id).strip()).append('\n');
		}
		return Request.graphQl(document.append("}").toString());
	}

	private static String enterpriseToken(String enterpriseId) {
		return "{\"id\":\"" + enterpriseId + "\"}";
	}

	private static Set<String> idTokens(Collection<String> ids) {
		Set<String> tokens = new LinkedHashSet<>();
		ids.forEach(id -> tokens.add("\"id\":\"" + id + "\""));
		return tokens;
	}

	@SafeVarargs
	private static Set<String> union(Collection<String>... parts) {
		Set<String> all = new LinkedHashSet<>();
		for (Collection<String> part : parts) {
			all.addAll(part);
		}
		return all;
	}

	// ----- what the fixture documents say

	/** A point as a document first names it. */
	private record NamedPoint(String id, boolean skill, String name, String nameEn) {

		List<String> tokens() {
			return nameEn == null ? List.of(id, name) : List.of(id, name, nameEn);
		}
	}

	/** A point a process step of a submission needs, at a level (knowledge at the level of its skill). */
	private record Need(String pointId, int level) {
	}

	/** A submission document read as its tree: its enterprise and job, the names on each level and the points. */
	private record Tree(String enterpriseId, String jobId, List<String> projects, List<String> tasks,
			List<String> steps, List<Need> skills, List<Need> knowledge) {

		Set<String> pointIds() {
			Set<String> ids = new LinkedHashSet<>();
			skills.forEach(n -> ids.add(n.pointId()));
			knowledge.forEach(n -> ids.add(n.pointId()));
			return ids;
		}
	}

	/**
	 * The facts the assertions rest on, worked out from the fixture's documents: every draft's own content, what
	 * version 1 holds that the forged version 2 does not, and the job standard, ability map and alignment figures
	 * that only approved submissions make.
	 */
	private static final class Facts {

		private static final List<String> LEVELS = List.of("AWARE", "PRACTISED", "MASTERED");

		final Map<String, NamedPoint> points = new LinkedHashMap<>();

		/** What each draft alone says: its id, its names and its own points. */
		final Map<Draft, Set<String>> hidden = new EnumMap<>(Draft.class);

		/** Each draft's own points, with their names. */
		final Map<Draft, Set<String>> pointTokens = new EnumMap<>(Draft.class);

		final Map<Draft, Set<String>> draftPointIds = new EnumMap<>(Draft.class);

		/** Published points the drafts use too. */
		final Set<String> sharedPointIds = new LinkedHashSet<>();

		final Set<String> v1OnlyProjects;

		final Set<String> v1OnlyTasks;

		final Set<String> v1OnlySteps;

		final Set<String> v1OnlyPointIds = new LinkedHashSet<>();

		final Set<String> v1OnlyPoints = new LinkedHashSet<>();

		final Set<String> v1OnlyPointNames = new LinkedHashSet<>();

		final Set<String> approvedIds = new LinkedHashSet<>();

		final Set<String> jobAApprovedIds = new LinkedHashSet<>();

		final Set<String> jobAEnterprises = new LinkedHashSet<>();

		final Set<String> standardLines = new LinkedHashSet<>();

		final Set<String> skillLines = new LinkedHashSet<>();

		final Set<String> coverageLines = new LinkedHashSet<>();

		final Set<String> requiredByProgramme = new LinkedHashSet<>();

		final Set<String> requiredByProgrammeNames = new LinkedHashSet<>();

		final Set<String> notTaughtLines = new LinkedHashSet<>();

		final Set<String> notTaughtNames = new LinkedHashSet<>();

		final Set<String> orphans = new LinkedHashSet<>();

		final Set<String> v1OnlyTaught = new LinkedHashSet<>();

		private final List<Tree> approved = new ArrayList<>();

		Facts() {
			List<String> published = new ArrayList<>();
			for (String name : List.of("catalog.json", "education-catalog.json", "programme.json", "programme-2.json")) {
				strings(read(name), published);
			}
			for (String name : AlignmentFixture.SUBMISSIONS) {
				Map<String, Object> document = read(name);
				strings(document, published);
				Tree tree = tree(document);
				approved.add(tree);
				String id = submissionId(tree.enterpriseId(), tree.jobId(), 1);
				approvedIds.add(id);
				if (tree.jobId().equals(JOB_A)) {
					jobAApprovedIds.add(id);
					jobAEnterprises.add(tree.enterpriseId());
				}
			}
			Map<Draft, Tree> drafts = new EnumMap<>(Draft.class);
			for (Draft draft : Draft.values()) {
				drafts.put(draft, tree(JSON.readValue(draft.document, Map.class)));
			}
			for (Draft draft : Draft.values()) {
				Set<String> own = new LinkedHashSet<>(List.of(draft.id()));
				tokens(drafts.get(draft)).stream().filter(t -> published.stream().noneMatch(p -> p.contains(t)))
					.forEach(own::add);
				hidden.put(draft, own);
				Set<String> ownPoints = new LinkedHashSet<>();
				Set<String> ownPointTokens = new LinkedHashSet<>();
				for (String id : drafts.get(draft).pointIds()) {
					if (own.contains(id)) {
						ownPoints.add(id);
						ownPointTokens.addAll(points.get(id).tokens());
					}
					else {
						sharedPointIds.add(id);
					}
				}
				draftPointIds.put(draft, ownPoints);
				pointTokens.put(draft, ownPointTokens);
			}

			Tree v1 = approved.stream().filter(t -> t.enterpriseId().equals(ENTERPRISE_1) && t.jobId().equals(JOB_A))
				.findFirst().orElseThrow();
			List<String> v2 = tokens(drafts.get(Draft.FORGED));
			v1OnlyProjects = notIn(v1.projects(), v2);
			v1OnlyTasks = notIn(v1.tasks(), v2);
			v1OnlySteps = notIn(v1.steps(), v2);
			for (String id : v1.pointIds()) {
				if (!drafts.get(Draft.FORGED).pointIds().contains(id)) {
					v1OnlyPointIds.add(id);
					v1OnlyPoints.addAll(points.get(id).tokens());
					v1OnlyPointNames.add(points.get(id).name());
				}
			}

			List<Tree> jobA = approved.stream().filter(t -> t.jobId().equals(JOB_A)).toList();
			Set<String> jobAPoints = new LinkedHashSet<>();
			jobA.forEach(t -> jobAPoints.addAll(t.pointIds()));
			for (String id : jobAPoints) {
				long needing = jobA.stream().filter(t -> t.pointIds().contains(id)).count();
				standardLines.add("{\"point\":{\"id\":\"%s\",\"name\":\"%s\"},\"enterpriseCount\":%d,\"enterprises\":%d}"
					.formatted(id, points.get(id).name(), needing, jobA.size()));
				if (points.get(id).skill()) {
					int level = jobA.stream().flatMap(t -> t.skills().stream()).filter(n -> n.pointId().equals(id))
						.mapToInt(Need::level).max().orElseThrow();
					skillLines.add("{\"skill\":{\"id\":\"%s\"},\"highestLevel\":\"%s\",\"enterpriseCount\":%d}"
						.formatted(id, LEVELS.get(level - 1), needing));
				}
			}

			Map<String, Object> programme = read("programme.json");
			@SuppressWarnings("unchecked")
			List<String> targets = (List<String>) ((Map<String, Object>) programme.get("programme")).get("targetJobIds");
			for (String job : targets) {
				Set<String> required = new LinkedHashSet<>();
				approved.stream().filter(t -> t.jobId().equals(job)).forEach(t -> required.addAll(t.pointIds()));
				requiredByProgramme.addAll(required);
				coverageLines.add("{\"job\":{\"id\":\"%s\"},\"share\":{\"required\":%d}}".formatted(job, required.size()));
			}
			requiredByProgramme.forEach(id -> requiredByProgrammeNames.add(points.get(id).name()));
			Set<String> taught = new LinkedHashSet<>();
			for (Map<String, Object> course : maps(programme.get("courses"))) {
				maps(course.get("teaches")).forEach(teaching -> taught.add((String) teaching.get("pointId")));
			}
			for (String id : requiredByProgramme) {
				if (!taught.contains(id)) {
					notTaughtLines.add("{\"point\":{\"id\":\"%s\",\"name\":\"%s\"},\"kind\":\"NOT_TAUGHT\""
						.formatted(id, points.get(id).name()));
					notTaughtNames.add(points.get(id).name());
				}
			}
			taught.stream().filter(id -> !requiredByProgramme.contains(id)).forEach(orphans::add);
			v1OnlyPointIds.stream().filter(taught::contains).forEach(v1OnlyTaught::add);
		}

		Set<String> v1Only() {
			return union(v1OnlyProjects, v1OnlyTasks, v1OnlySteps, v1OnlyPoints);
		}

		/** Version 1's own names, without the English ones and the ids. */
		Set<String> v1OnlyNames() {
			return union(v1OnlyProjects, v1OnlyTasks, v1OnlySteps, v1OnlyPointNames);
		}

		List<String> draftPointNames() {
			List<String> names = new ArrayList<>();
			draftPointIds.values().forEach(ids -> ids.forEach(id -> {
				names.add(points.get(id).name());
				names.add(points.get(id).nameEn());
			}));
			return names;
		}

		Set<String> approvedIdsOf(String... enterpriseIds) {
			Set<String> ids = new LinkedHashSet<>();
			for (Tree tree : approved) {
				if (List.of(enterpriseIds).contains(tree.enterpriseId())) {
					ids.add(submissionId(tree.enterpriseId(), tree.jobId(), 1));
				}
			}
			return ids;
		}

		Set<String> jobAEnterpriseTokens() {
			Set<String> tokens = new LinkedHashSet<>();
			jobAEnterprises.forEach(id -> tokens.add(enterpriseToken(id)));
			return tokens;
		}

		/** A submission's names on every level, and its points with their names. */
		private List<String> tokens(Tree tree) {
			List<String> tokens = new ArrayList<>(tree.projects());
			tokens.addAll(tree.tasks());
			tokens.addAll(tree.steps());
			tree.pointIds().forEach(id -> tokens.addAll(points.get(id).tokens()));
			return tokens;
		}

		private static Set<String> notIn(List<String> names, List<String> others) {
			Set<String> only = new LinkedHashSet<>();
			names.stream().filter(n -> others.stream().noneMatch(o -> o.contains(n))).forEach(only::add);
			return only;
		}

		private Tree tree(Map<String, Object> document) {
			@SuppressWarnings("unchecked")
			String enterpriseId = (String) ((Map<String, Object>) document.get("enterprise")).get("id");
			Tree tree = new Tree(enterpriseId, (String) document.get("jobId"), new ArrayList<>(), new ArrayList<>(),
					new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
			for (Map<String, Object> project : maps(document.get("projects"))) {
				names(project, tree.projects());
				for (Map<String, Object> task : maps(project.get("tasks"))) {
					names(task, tree.tasks());
					for (Map<String, Object> step : maps(task.get("steps"))) {
						names(step, tree.steps());
						for (Map<String, Object> skill : maps(step.get("skills"))) {
							int level = LEVELS.indexOf((String) skill.getOrDefault("level", "PRACTISED")) + 1;
							tree.skills().add(new Need(point(skill, true), level));
							for (Map<String, Object> knowledge : maps(skill.get("knowledge"))) {
								tree.knowledge().add(new Need(point(knowledge, false), level));
							}
						}
					}
				}
			}
			return tree;
		}

		/** Records the point as first named and returns its id. */
		private String point(Map<String, Object> reference, boolean skill) {
			String id = (String) reference.get("id");
			if (reference.get("name") != null) {
				points.putIfAbsent(id, new NamedPoint(id, skill, (String) reference.get("name"),
						(String) reference.get("nameEn")));
			}
			return id;
		}

		private static void names(Map<String, Object> node, List<String> names) {
			names.add((String) node.get("name"));
			if (node.get("nameEn") != null) {
				names.add((String) node.get("nameEn"));
			}
		}

		@SuppressWarnings("unchecked")
		private static List<Map<String, Object>> maps(Object list) {
			return list == null ? List.of() : (List<Map<String, Object>>) list;
		}

		/** Every text anywhere in a document. */
		private static void strings(Object node, List<String> strings) {
			if (node instanceof String text) {
				strings.add(text);
			}
			else if (node instanceof Map<?, ?> map) {
				map.values().forEach(value -> strings(value, strings));
			}
			else if (node instanceof List<?> list) {
				list.forEach(value -> strings(value, strings));
			}
		}

		@SuppressWarnings("unchecked")
		private static Map<String, Object> read(String name) {
			try (InputStream in = DraftVisibilityTest.class.getResourceAsStream("/documents/alignment/" + name)) {
				return JSON.readValue(in, Map.class);
			}
			catch (IOException | NullPointerException ex) {
				throw new AssertionError("No test document " + name, ex);
			}
		}
	}
}
