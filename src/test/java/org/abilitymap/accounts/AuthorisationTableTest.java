package org.abilitymap.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.abilitymap.alignment.AlignmentFixture;
import org.abilitymap.imports.DocumentImport;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.PatientGraphQl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * The table of rights in {@code docs/authorisation.md}, tried: every operation of the table as anonymous, as each
 * role in scope and as each role out of scope. Allowed calls succeed; refused ones carry {@code UNAUTHORIZED} or
 * {@code FORBIDDEN} (401 / 403 on REST) and leave the graph's fingerprint unchanged.
 */
class AuthorisationTableTest extends GraphTestSupport {

	private static final String PASSWORD = "table-test-password";

	private static final Path TABLE = Path.of("docs/authorisation.md");

	/** Who tries: one account per role in the scope of the attempts below, one per role outside it. */
	private enum Caller {
		ANONYMOUS(null, null, null, null),
		EDITOR_IN(Role.ENTERPRISE_EDITOR, OrganisationKind.ENTERPRISE, AlignmentFixture.ENTERPRISE_1, true),
		EDITOR_OUT(Role.ENTERPRISE_EDITOR, OrganisationKind.ENTERPRISE, AlignmentFixture.ENTERPRISE_2, false),
		REVIEWER_IN(Role.INDUSTRY_REVIEWER, OrganisationKind.INDUSTRY_BODY, AlignmentFixture.INDUSTRY_BODY, true),
		REVIEWER_OUT(Role.INDUSTRY_REVIEWER, OrganisationKind.INDUSTRY_BODY, "az-ib-other", false),
		DESIGNER_IN(Role.CURRICULUM_DESIGNER, OrganisationKind.SCHOOL, AlignmentFixture.SCHOOL, true),
		DESIGNER_OUT(Role.CURRICULUM_DESIGNER, OrganisationKind.SCHOOL, "az-school-other", false),
		AUDITOR(Role.AUDITOR, OrganisationKind.QUALITY_OFFICE, "az-quality-office", true),
		CLUSTER_LEAD(Role.CLUSTER_LEAD, OrganisationKind.CLUSTER, "al-cluster", true),
		ADMIN(Role.ADMIN, OrganisationKind.QUALITY_OFFICE, "az-quality-office", true);

		final Role role;

		final OrganisationKind kind;

		final String organisationId;

		final Boolean inScope;

		Caller(Role role, OrganisationKind kind, String organisationId, Boolean inScope) {
			this.role = role;
			this.kind = kind;
			this.organisationId = organisationId;
			this.inScope = inScope;
		}

		String username() {
			return "az-" + name().toLowerCase().replace('_', '-');
		}
	}

	/** One write of an operation, over GraphQL or REST, that an allowed caller can repeat successfully. */
	private record Attempt(Operation operation, String name, String graphQl, Map<String, Object> variables,
			String payloadField, String restPath, String restBody) {

		boolean rest() {
			return restPath != null;
		}

		@Override
		public String toString() {
			return operation + " " + name;
		}
	}

	@LocalServerPort
	private int port;

	@Autowired
	private DocumentImport imports;

	@Autowired
	private Accounts accounts;

	@Autowired
	private HttpGraphQlTester rawTester;

	@BeforeEach
	void world() {
		new AlignmentFixture(imports, json, graphQlTester).loadAll();
		PatientGraphQl.of(rawTester).document("""
				mutation { b: saveIndustryBody(input: {id: "az-ib-other", name: "另一个行业组织"}) { errors { code } }
				           s: saveSchool(input: {id: "az-school-other", name: "另一所学校"}) { errors { code } } }
				""").execute().path("b.errors").entityList(Object.class).hasSize(0);
		for (Caller caller : Caller.values()) {
			if (caller.role != null) {
				boolean office = caller.kind == OrganisationKind.QUALITY_OFFICE;
				accounts.create(new NewAccount(caller.username(), null, PASSWORD, caller.kind, caller.organisationId,
						office && graph.read(tx -> !tx.run("MATCH (q:QualityOffice {id: 'az-quality-office'}) RETURN q")
							.hasNext()) ? "测试质量监测中心" : null, Set.of(caller.role)));
			}
		}
	}

	static Stream<Attempt> attempts() {
		String submission = revised(text("alignment/submission-ent1-job-a.json"));
		String programme = text("alignment/programme.json");
		return Stream.of(
				new Attempt(Operation.SUBMIT_WORK_TASKS, "submitWorkTasksDocument", """
						mutation s($input: SubmitWorkTasksDocumentInput!) { submitWorkTasksDocument(input: $input) {
						  outcome errors { path code message } } }
						""", Map.of("input", Map.of("document", submission)), "submitWorkTasksDocument", null, null),
				new Attempt(Operation.SUBMIT_WORK_TASKS, "POST /api/submissions", null, null, null, "/api/submissions",
						submission),
				new Attempt(Operation.REVIEW_SUBMISSION, "reviewSubmission", """
						mutation r($input: ReviewSubmissionInput!) { reviewSubmission(input: $input) {
						  submission { status } errors { path code message } } }
						""", Map.of("input", Map.of("submissionId", AlignmentFixture.submissionId(AlignmentFixture.ENTERPRISE_1,
						AlignmentFixture.JOB_A, 1), "decision", "APPROVED", "comment", "复核通过")), "reviewSubmission",
						null, null),
				new Attempt(Operation.SET_JOB_REQUIREMENT, "setJobRequirement", """
						mutation r($input: SetJobRequirementInput!) { setJobRequirement(input: $input) {
						  errors { path code message } } }
						""", Map.of("input", Map.of("jobId", AlignmentFixture.JOB_A, "pointId", "al-sk-c", "level",
						"MASTERED", "importance", 5, "essential", true)), "setJobRequirement", null, null),
				new Attempt(Operation.SAVE_PROGRAMME, "saveCourse", """
						mutation c($input: SaveCourseInput!) { saveCourse(input: $input) { errors { path code message } } }
						""", Map.of("input", Map.of("programmeId", AlignmentFixture.PROGRAMME, "course", Map.of("id",
						"al-c-new", "name", "新增课程", "block", "PROFESSIONAL_CORE", "hours", 32))), "saveCourse", null,
						null),
				new Attempt(Operation.SAVE_PROGRAMME, "POST /api/programmes", null, null, null, "/api/programmes",
						programme.replace("\"name\": \"职业素养\"", "\"name\": \"职业素养（修订）\"")),
				new Attempt(Operation.SAVE_JOB_CATALOG, "POST /api/catalog", null, null, null, "/api/catalog",
						text("alignment/catalog.json")),
				new Attempt(Operation.SAVE_EDUCATION_CATALOG, "saveSchool", """
						mutation { saveSchool(input: {id: "az-school-new", name: "新学校"}) { errors { path code message } } }
						""", Map.of(), "saveSchool", null, null),
				new Attempt(Operation.IMPORT_REFERENCE_DATA, "POST /api/case", null, null, null, "/api/case",
						text("case/foreign-framework.json")),
				new Attempt(Operation.MANAGE_ACCOUNTS, "createAccount", """
						mutation { createAccount(input: {username: "az-new-account", password: "a-long-password",
						  organisationKind: SCHOOL, organisationId: "al-school", roles: [CURRICULUM_DESIGNER]}) {
						  errors { path code message } } }
						""", Map.of(), "createAccount", null, null),
				new Attempt(Operation.MANAGE_OWN_ACCOUNT, "createAccessToken", """
						mutation { createAccessToken(input: {name: "script"}) { secret } }
						""", Map.of(), null, null, null));
	}

	@Test
	void everyOperationOfTheTableIsTried() {
		assertThat(attempts().map(Attempt::operation).distinct())
			.containsExactlyInAnyOrderElementsOf(table().keySet().stream()
				.filter(operation -> operation != Operation.CLASSIFY_JOB)
				.toList());
		// classifyJob needs an imported ESCO occupation; ClassifyJobTest tries it in and out of scope.
		assertThat(table().keySet()).containsExactlyInAnyOrder(Operation.values());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("attempts")
	void eachRoleMayDoWhatTheTableSaysAndNothingElse(Attempt attempt) throws Exception {
		Map<Role, String> rights = table().get(attempt.operation());
		List<Caller> allowed = new ArrayList<>();
		List<String> before = fingerprint();
		for (Caller caller : Caller.values()) {
			if (caller.role != null && may(rights.get(caller.role), caller)) {
				allowed.add(caller);
				continue;
			}
			String expected = caller.role == null ? "UNAUTHORIZED" : "FORBIDDEN";
			assertThat(refusal(attempt, caller)).as(caller + " " + attempt).isEqualTo(expected);
			assertThat(fingerprint()).as("nothing written by " + caller + " " + attempt).isEqualTo(before);
		}
		assertThat(allowed).as("somebody may " + attempt).isNotEmpty();
		for (Caller caller : allowed) {
			assertThat(refusal(attempt, caller)).as(caller + " " + attempt).isNull();
		}
	}

	/** A cell of the table allows an account: its scope is "any" or "own account", or the account is in scope. */
	private static boolean may(String cell, Caller caller) {
		if (cell == null || cell.equals("—")) {
			return false;
		}
		return cell.equals("any") || cell.equals("own account") || Boolean.TRUE.equals(caller.inScope);
	}

	/** Null when the call succeeded; else the classification (or UNAUTHORIZED / FORBIDDEN for 401 / 403). */
	private String refusal(Attempt attempt, Caller caller) throws IOException, InterruptedException {
		if (attempt.rest()) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + attempt.restPath()))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(attempt.restBody(), StandardCharsets.UTF_8));
			if (caller.role != null) {
				request.header("Authorization", basic(caller));
			}
			HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
					HttpResponse.BodyHandlers.ofString());
			return switch (response.statusCode()) {
				case 401 -> "UNAUTHORIZED";
				case 403 -> {
					assertThat(response.body()).contains("\"status\":403");
					yield "FORBIDDEN";
				}
				case 200, 201 -> null;
				default -> throw new AssertionError(caller + " " + attempt + ": HTTP " + response.statusCode() + " "
						+ response.body());
			};
		}
		HttpGraphQlTester tester = caller.role == null ? PatientGraphQl.patient(rawTester)
				: PatientGraphQl.patient(rawTester.mutate().header("Authorization", basic(caller)).build());
		GraphQlTester.Response response = tester.document(attempt.graphQl()).variables(attempt.variables()).execute();
		String[] classification = { null };
		response.errors().satisfy(errors -> {
			if (!errors.isEmpty()) {
				assertThat(errors).hasSize(1);
				classification[0] = String.valueOf(errors.get(0).getExtensions().get("classification"));
				assertThat(errors.get(0).getMessage()).isNotBlank();
			}
		});
		if (classification[0] == null && attempt.payloadField() != null) {
			response.path(attempt.payloadField() + ".errors").entityList(Object.class).hasSize(0);
		}
		return classification[0];
	}

	/** The submission's next version: its first project renamed. */
	@SuppressWarnings("unchecked")
	private static String revised(String submission) {
		JsonMapper mapper = JsonMapper.builder().build();
		Map<String, Object> document = mapper.readValue(submission, Map.class);
		Map<String, Object> project = ((List<Map<String, Object>>) document.get("projects")).get(0);
		project.put("name", project.get("name") + "（修订）");
		return mapper.writeValueAsString(document);
	}

	private static String basic(Caller caller) {
		return "Basic " + Base64.getEncoder().encodeToString((caller.username() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	/** The table of docs/authorisation.md: operation → role → the cell's scope ("—" for never). */
	static Map<Operation, Map<Role, String>> table() {
		String text;
		try {
			text = Files.readString(TABLE);
		}
		catch (IOException ex) {
			throw new AssertionError("Cannot read " + TABLE, ex);
		}
		String section = text.substring(text.indexOf("<!-- authorisation-table"));
		List<String> lines = section.lines().skip(1).takeWhile(line -> line.startsWith("|")).toList();
		List<String> header = cells(lines.get(0));
		Map<Operation, Map<Role, String>> table = new LinkedHashMap<>();
		Pattern code = Pattern.compile("`([A-Z_]+)`");
		for (String line : lines.subList(2, lines.size())) {
			List<String> cells = cells(line);
			Matcher operation = code.matcher(cells.get(0));
			assertThat(operation.find()).as(line).isTrue();
			Map<Role, String> rights = new EnumMap<>(Role.class);
			for (int i = 2; i < header.size(); i++) {
				rights.put(Role.valueOf(header.get(i)), cells.get(i));
			}
			table.put(Operation.valueOf(operation.group(1)), rights);
		}
		return table;
	}

	private static List<String> cells(String line) {
		String inner = line.strip().substring(1, line.strip().length() - 1);
		return Stream.of(inner.split("\\|")).map(String::strip).toList();
	}

	private static String text(String name) {
		try {
			return new String(AuthorisationTableTest.class.getResourceAsStream("/documents/" + name).readAllBytes(),
					StandardCharsets.UTF_8);
		}
		catch (IOException | NullPointerException ex) {
			throw new AssertionError("No test document " + name, ex);
		}
	}
}
