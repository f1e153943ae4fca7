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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import org.abilitymap.alignment.AlignmentFixture;
import org.abilitymap.esco.EscoFixture;
import org.abilitymap.esco.EscoImport;
import org.abilitymap.imports.DocumentImport;
import org.abilitymap.imports.Progress;
import org.abilitymap.sheets.FilledTemplates;
import org.abilitymap.sheets.SpreadsheetUploads;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.MultipartFile;
import org.abilitymap.support.PatientGraphQl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * The table of rights in {@code docs/authorisation.md}, tried: every mutation of the schema and every REST write of
 * the application, each as anonymous, as each role in scope and as each role out of scope. Allowed calls succeed and
 * write; refused ones carry {@code UNAUTHORIZED} or {@code FORBIDDEN} (401 / 403 on REST) and leave the graph's
 * fingerprint unchanged. A guard fails when a mutation or REST write has no attempt, so a new one cannot be
 * forgotten.
 */
class AuthorisationTableTest extends GraphTestSupport {

	private static final String PASSWORD = "table-test-password";

	private static final Path TABLE = Path.of("docs/authorisation.md");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	/** An account that no caller is: its token is the "another account" of {@link Target#OTHER_ACCOUNT}. */
	private static final String OTHER_ACCOUNT = "az-other-account";

	/** Stands for the caller's username in a GraphQL document. */
	private static final String ME = "{me}";

	private static final Set<RequestMethod> WRITE_METHODS = EnumSet.of(RequestMethod.POST, RequestMethod.PUT,
			RequestMethod.PATCH, RequestMethod.DELETE);

	/** REST mappings that take a body but can write nothing whoever sends it, with why; tried on their own below. */
	private static final Map<RestWrite, String> NEVER_WRITES = Map.of(
			new RestWrite("POST", "/api/programmes", "text/csv"),
			"a CSV file is the work-task sheet alone; a programme is a workbook of several sheets (422 for everybody)");

	/** The scopes a cell of the table may name, as the code's {@link Scope}; "—" is none. */
	private static final Map<String, Scope> CELLS = Map.of("any", Scope.ANY, "own enterprise", Scope.OWN_ENTERPRISE,
			"industry of the job", Scope.INDUSTRY_OF_JOB, "own school", Scope.OWN_SCHOOL, "own account",
			Scope.OWN_ACCOUNT);

	/** Who tries: one account per role in the scope of the attempts below, one per role outside it. */
	private enum Caller {
		ANONYMOUS(null, null, null, false),
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

		/** Whether the fixture's enterprise al-ent-1, school al-school and job A (industry al-nev) are in its scope. */
		final boolean inScope;

		Caller(Role role, OrganisationKind kind, String organisationId, boolean inScope) {
			this.role = role;
			this.kind = kind;
			this.organisationId = organisationId;
			this.inScope = inScope;
		}

		String username() {
			return "az-" + name().toLowerCase().replace('_', '-');
		}
	}

	/** What an attempt writes to, in the terms of the table's scopes. */
	private enum Target {
		/**
		 * The fixture: enterprise al-ent-1, school al-school with programme al-prg, job A in the industry al-ib
		 * covers (the *_IN callers' scope, not the *_OUT ones'); or catalogue data and accounts, whose scope is "any".
		 */
		FIXTURE,
		/** The caller's own account. */
		OWN_ACCOUNT,
		/** Another account than the caller's: in nobody's "own account". */
		OTHER_ACCOUNT
	}

	/** How an attempt reaches the application. */
	private sealed interface Call permits GraphQl, Rest {

		/** How the table's "what it covers" column names it: the mutation, or method and path. */
		String tableName();
	}

	/** A mutation: its document, where {@link #ME} stands for the caller's username, and its variables. */
	private record GraphQl(String document, Map<String, Object> variables) implements Call {

		/** The mutation field the document runs (one, without an alias). */
		String field() {
			OperationDefinition operation = Parser.parse(document).getDefinitionsOfType(OperationDefinition.class)
				.get(0);
			assertThat(operation.getOperation()).as(document).isEqualTo(OperationDefinition.Operation.MUTATION);
			List<Field> fields = operation.getSelectionSet().getSelectionsOfType(Field.class);
			assertThat(fields).as(document).hasSize(1);
			assertThat(fields.get(0).getAlias()).as(document).isNull();
			return fields.get(0).getName();
		}

		String documentFor(Caller caller) {
			return document.replace(ME, caller.username());
		}

		@Override
		public String tableName() {
			return field();
		}

		@Override
		public String toString() {
			return field();
		}
	}

	/** A REST write: method, path, the body's media type and the body. */
	private record Rest(String method, String path, String contentType, byte[] body) implements Call {

		MediaType mediaType() {
			return MediaType.parseMediaType(contentType);
		}

		/** Whether this call is one of the requests the mapping {@code write} takes. */
		boolean covers(RestWrite write) {
			return method.equals(write.method())
					&& PathPatternParser.defaultInstance.parse(write.pattern()).matches(PathContainer.parsePath(path))
					&& MediaType.parseMediaType(write.consumes()).includes(mediaType());
		}

		@Override
		public String tableName() {
			return method + " " + path;
		}

		@Override
		public String toString() {
			return method + " " + path + " (" + mediaType().getType() + "/" + mediaType().getSubtype() + ")";
		}
	}

	/** One write of an operation, tried by every caller: allowed callers repeat it successfully. */
	private record Attempt(Operation operation, Call call, Target target) {

		@Override
		public String toString() {
			return operation + " " + call + " on " + target;
		}
	}

	/** A REST mapping that writes: method, path pattern (alternatives spelt out) and the media type it consumes. */
	private record RestWrite(String method, String pattern, String consumes) {

		@Override
		public String toString() {
			return method + " " + pattern + " " + consumes;
		}
	}

	/** A row of the table: the operation, what it covers, and the scope of each role ("—" for never). */
	private record Row(Operation operation, String covers, Map<Role, String> cells) {
	}

	@LocalServerPort
	private int port;

	@Autowired
	private DocumentImport imports;

	@Autowired
	private Accounts accounts;

	@Autowired
	private EscoImport esco;

	@Autowired
	private HttpGraphQlTester rawTester;

	@Autowired
	private GraphQlSource graphQlSource;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping handlerMapping;

	@TempDir
	private Path folder;

	/**
	 * The alignment fixture (all approved), plus what the attempts change: a version 2 of enterprise 1's submission
	 * for job A awaiting review, an explicit requirement of job A, imported ESCO occupations, an account per caller
	 * and one more, and a token of each account with the id {@code tok-<username>}.
	 */
	@BeforeEach
	void world() throws IOException {
		new AlignmentFixture(imports, json, graphQlTester).loadAll();
		graphQlTester.document("""
				mutation { saveIndustryBody(input: {id: "az-ib-other", name: "另一个行业组织"}) { errors { code } } }
				""").execute().path("saveIndustryBody.errors").entityList(Object.class).hasSize(0);
		graphQlTester.document("""
				mutation { saveSchool(input: {id: "az-school-other", name: "另一所学校"}) { errors { code } } }
				""").execute().path("saveSchool.errors").entityList(Object.class).hasSize(0);
		graphQlTester.document("""
				mutation { setJobRequirement(input: {jobId: "al-job-a", pointId: "al-sk-a", level: MASTERED,
				  importance: 5, essential: true, industryBodyId: "al-ib"}) { errors { code } } }
				""").execute().path("setJobRequirement.errors").entityList(Object.class).hasSize(0);
		imports.importDocument(revisedSubmission("（待审）"));
		esco.importEsco(EscoFixture.write(folder), Progress.NONE);
		for (Caller caller : Caller.values()) {
			if (caller.role != null) {
				boolean office = caller.kind == OrganisationKind.QUALITY_OFFICE;
				accounts.create(new NewAccount(caller.username(), null, PASSWORD, caller.kind, caller.organisationId,
						office && graph.read(tx -> !tx.run("MATCH (q:QualityOffice {id: 'az-quality-office'}) RETURN q")
							.hasNext()) ? "测试质量监测中心" : null, Set.of(caller.role)));
			}
		}
		accounts.create(new NewAccount(OTHER_ACCOUNT, null, PASSWORD, OrganisationKind.ENTERPRISE,
				AlignmentFixture.ENTERPRISE_1, null, Set.of(Role.ENTERPRISE_EDITOR)));
		long tokens = graph.write(tx -> tx.run("""
				MATCH (a:Account) WHERE a.username STARTS WITH 'az-'
				CREATE (:AccessToken {id: 'tok-' + a.username, name: 'seeded', secretHash: 'none', createdAt: datetime()})
				       -[:OF_ACCOUNT]->(a)
				RETURN count(*) AS tokens
				""").single().get("tokens").asLong());
		assertThat(tokens).isEqualTo(Caller.values().length);
	}

	static Stream<Attempt> attempts() {
		Map<String, Object> submission = revisedSubmission("（修订）");
		String submissionText = JSON.writeValueAsString(submission);
		Map<String, Object> programme = revisedProgramme();
		String programmeText = JSON.writeValueAsString(programme);
		String catalog = """
				{"enterprises": [{"id": "az-ent-new", "name": "新企业", "industryIds": ["al-nev"]}]}
				""";
		String educationCatalog = """
				{"schools": [{"id": "az-school-new", "name": "新学校"}]}
				""";
		String casePackage = text("case/foreign-framework.json");
		return Stream.of(
				// SUBMIT_WORK_TASKS: enterprise al-ent-1's next version for job A
				graphQl(Operation.SUBMIT_WORK_TASKS, Target.FIXTURE, """
						mutation s($input: SubmitWorkTasksInput!) { submitWorkTasks(input: $input) {
						  outcome errors { path code message } } }
						""", Map.of("input", submission)),
				graphQl(Operation.SUBMIT_WORK_TASKS, Target.FIXTURE, """
						mutation s($input: SubmitWorkTasksDocumentInput!) { submitWorkTasksDocument(input: $input) {
						  outcome errors { path code message } } }
						""", Map.of("input", Map.of("document", submissionText))),
				rest(Operation.SUBMIT_WORK_TASKS, "/api/submissions", MediaType.APPLICATION_JSON_VALUE,
						bytes(submissionText)),
				rest(Operation.SUBMIT_WORK_TASKS, "/api/submissions", SpreadsheetUploads.XLSX,
						FilledTemplates.workTasksXlsx(submission)),
				rest(Operation.SUBMIT_WORK_TASKS, "/api/submissions", "text/csv; charset=UTF-8",
						FilledTemplates.workTasksCsv(submission)),
				multipart(Operation.SUBMIT_WORK_TASKS, "/api/submissions", "任务.csv", "text/csv",
						FilledTemplates.workTasksCsv(submission)),
				// REVIEW_SUBMISSION: version 2 of al-ent-1's submission for job A, awaiting review
				graphQl(Operation.REVIEW_SUBMISSION, Target.FIXTURE, """
						mutation { approveSubmission(input: {submissionId: "sub:al-ent-1:al-job-a:v2",
						  industryBodyId: "al-ib", note: "通过"}) { submission { status } errors { path code message } } }
						""", Map.of()),
				graphQl(Operation.REVIEW_SUBMISSION, Target.FIXTURE, """
						mutation { reviewSubmission(input: {submissionId: "sub:al-ent-1:al-job-a:v2",
						  decision: CHANGES_REQUESTED, comment: "请补充步骤"}) { submission { status } errors { path code message } } }
						""", Map.of()),
				// SET_JOB_REQUIREMENT: job A
				graphQl(Operation.SET_JOB_REQUIREMENT, Target.FIXTURE, """
						mutation { setJobRequirement(input: {jobId: "al-job-a", pointId: "al-sk-c", level: MASTERED,
						  importance: 5, essential: true}) { errors { path code message } } }
						""", Map.of()),
				graphQl(Operation.SET_JOB_REQUIREMENT, Target.FIXTURE, """
						mutation { removeJobRequirement(input: {jobId: "al-job-a", pointId: "al-sk-a"}) { removed } }
						""", Map.of()),
				// CLASSIFY_JOB: job A
				graphQl(Operation.CLASSIFY_JOB, Target.FIXTURE, """
						mutation c($uri: String!) { classifyJob(input: {jobId: "al-job-a", occupationUri: $uri,
						  adoptEssentialSkills: true}) { job { id } errors { path code message } } }
						""", Map.of("uri", EscoFixture.ASSEMBLER)),
				// SAVE_PROGRAMME: programme al-prg of al-school
				graphQl(Operation.SAVE_PROGRAMME, Target.FIXTURE, """
						mutation p($input: SaveProgrammeInput!) { saveProgramme(input: $input) {
						  outcome errors { path code message } } }
						""", Map.of("input", programme)),
				graphQl(Operation.SAVE_PROGRAMME, Target.FIXTURE, """
						mutation { saveCourse(input: {programmeId: "al-prg", course: {id: "az-c-new", name: "新增课程",
						  block: PROFESSIONAL_CORE, hours: 32}}) { outcome errors { path code message } } }
						""", Map.of()),
				graphQl(Operation.SAVE_PROGRAMME, Target.FIXTURE, """
						mutation { removeCourse(input: {programmeId: "al-prg", courseId: "al-c-found"}) {
						  outcome errors { path code message } } }
						""", Map.of()),
				graphQl(Operation.SAVE_PROGRAMME, Target.FIXTURE, """
						mutation { setCourseTeaching(input: {programmeId: "al-prg", courseId: "al-c-found",
						  teaching: {pointId: "al-sk-b", level: INTRODUCED, hours: 2}}) { outcome errors { path code message } } }
						""", Map.of()),
				graphQl(Operation.SAVE_PROGRAMME, Target.FIXTURE, """
						mutation { saveTextbook(input: {programmeId: "al-prg", textbook: {id: "az-tb", title: "新教材",
						  form: LOOSE_LEAF, courseIds: ["al-c-core"]}}) { outcome errors { path code message } } }
						""", Map.of()),
				graphQl(Operation.SAVE_PROGRAMME, Target.FIXTURE, """
						mutation { saveCertificate(input: {programmeId: "al-prg", certificate: {id: "az-cert",
						  name: "新证书", type: VOCATIONAL_SKILL_LEVEL}}) { outcome errors { path code message } } }
						""", Map.of()),
				graphQl(Operation.SAVE_PROGRAMME, Target.FIXTURE, """
						mutation { saveTrainingBase(input: {programmeId: "al-prg", trainingBase: {id: "az-base",
						  name: "新实训基地", kind: DIGITAL_TWIN}}) { outcome errors { path code message } } }
						""", Map.of()),
				rest(Operation.SAVE_PROGRAMME, "/api/programmes", MediaType.APPLICATION_JSON_VALUE, bytes(programmeText)),
				rest(Operation.SAVE_PROGRAMME, "/api/programmes", SpreadsheetUploads.XLSX,
						FilledTemplates.programmeXlsx(programme)),
				multipart(Operation.SAVE_PROGRAMME, "/api/programmes", "专业.xlsx", SpreadsheetUploads.XLSX,
						FilledTemplates.programmeXlsx(programme)),
				// SAVE_JOB_CATALOG: a new enterprise
				graphQl(Operation.SAVE_JOB_CATALOG, Target.FIXTURE, """
						mutation c($input: SaveJobCatalogInput!) { saveJobCatalog(input: $input) {
						  enterprises errors { path code message } } }
						""", Map.of("input", JSON.readValue(catalog, Map.class))),
				rest(Operation.SAVE_JOB_CATALOG, "/api/catalog", MediaType.APPLICATION_JSON_VALUE, bytes(catalog)),
				multipart(Operation.SAVE_JOB_CATALOG, "/api/catalog", "catalog.json", MediaType.APPLICATION_JSON_VALUE,
						bytes(catalog)),
				// SAVE_EDUCATION_CATALOG: new organisations
				graphQl(Operation.SAVE_EDUCATION_CATALOG, Target.FIXTURE, """
						mutation c($input: SaveEducationCatalogInput!) { saveEducationCatalog(input: $input) {
						  schools errors { path code message } } }
						""", Map.of("input", JSON.readValue(educationCatalog, Map.class))),
				graphQl(Operation.SAVE_EDUCATION_CATALOG, Target.FIXTURE, """
						mutation { saveSchool(input: {id: "az-school-new", name: "新学校"}) { errors { path code message } } }
						""", Map.of()),
				graphQl(Operation.SAVE_EDUCATION_CATALOG, Target.FIXTURE, """
						mutation { saveIndustryBody(input: {id: "az-ib-new", name: "新行业组织"}) {
						  errors { path code message } } }
						""", Map.of()),
				graphQl(Operation.SAVE_EDUCATION_CATALOG, Target.FIXTURE, """
						mutation { saveCluster(input: {id: "az-cluster-new", name: "新集群", industryId: "al-nev"}) {
						  errors { path code message } } }
						""", Map.of()),
				graphQl(Operation.SAVE_EDUCATION_CATALOG, Target.FIXTURE, """
						mutation { saveProgrammeGroup(input: {id: "az-pg-new", name: "新专业群", schoolId: "al-school"}) {
						  errors { path code message } } }
						""", Map.of()),
				rest(Operation.SAVE_EDUCATION_CATALOG, "/api/education-catalog", MediaType.APPLICATION_JSON_VALUE,
						bytes(educationCatalog)),
				multipart(Operation.SAVE_EDUCATION_CATALOG, "/api/education-catalog", "education-catalog.json",
						MediaType.APPLICATION_JSON_VALUE, bytes(educationCatalog)),
				// IMPORT_REFERENCE_DATA: a CASE framework
				graphQl(Operation.IMPORT_REFERENCE_DATA, Target.FIXTURE, """
						mutation i($document: String!) { importCasePackage(input: {document: $document}) {
						  outcome errors { path code message } } }
						""", Map.of("document", casePackage)),
				rest(Operation.IMPORT_REFERENCE_DATA, "/api/case", MediaType.APPLICATION_JSON_VALUE, bytes(casePackage)),
				// MANAGE_ACCOUNTS: a new account; the other account disabled, moved
				graphQl(Operation.MANAGE_ACCOUNTS, Target.FIXTURE, """
						mutation { createAccount(input: {username: "az-new-account", password: "a-long-password",
						  organisationKind: SCHOOL, organisationId: "al-school", roles: [CURRICULUM_DESIGNER]}) {
						  errors { path code message } } }
						""", Map.of()),
				graphQl(Operation.MANAGE_ACCOUNTS, Target.FIXTURE, """
						mutation { setAccountEnabled(input: {username: "%s", enabled: false}) {
						  account { enabled } errors { path code message } } }
						""".formatted(OTHER_ACCOUNT), Map.of()),
				graphQl(Operation.MANAGE_ACCOUNTS, Target.FIXTURE, """
						mutation { assignAccount(input: {username: "%s", organisationKind: ENTERPRISE,
						  organisationId: "al-ent-2", roles: [ENTERPRISE_EDITOR]}) { errors { path code message } } }
						""".formatted(OTHER_ACCOUNT), Map.of()),
				// MANAGE_OWN_ACCOUNT: the caller's password and tokens, and another account's token
				graphQl(Operation.MANAGE_OWN_ACCOUNT, Target.OWN_ACCOUNT, """
						mutation { changePassword(input: {currentPassword: "%s", newPassword: "another-long-password"}) {
						  changed errors { path code message } } }
						""".formatted(PASSWORD), Map.of()),
				graphQl(Operation.MANAGE_OWN_ACCOUNT, Target.OWN_ACCOUNT, """
						mutation { createAccessToken(input: {name: "script"}) { token { id } secret } }
						""", Map.of()),
				graphQl(Operation.MANAGE_OWN_ACCOUNT, Target.OWN_ACCOUNT, """
						mutation { revokeAccessToken(input: {id: "tok-{me}"}) { token { revokedAt } errors { path code message } } }
						""", Map.of()),
				graphQl(Operation.MANAGE_OWN_ACCOUNT, Target.OTHER_ACCOUNT, """
						mutation { revokeAccessToken(input: {id: "tok-%s"}) { token { revokedAt } errors { path code message } } }
						""".formatted(OTHER_ACCOUNT), Map.of()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("attempts")
	void eachRoleMayDoWhatTheTableSaysAndNothingElse(Attempt attempt) throws Exception {
		Map<Role, String> cells = table().get(attempt.operation()).cells();
		List<Caller> allowed = new ArrayList<>();
		List<String> before = fingerprint();
		for (Caller caller : Caller.values()) {
			if (caller.role != null && may(cells.get(caller.role), caller, attempt.target())) {
				allowed.add(caller);
				continue;
			}
			String expected = caller.role == null ? "UNAUTHORIZED" : "FORBIDDEN";
			assertThat(outcome(attempt, caller)).as(caller + " " + attempt).isEqualTo(expected);
			assertThat(fingerprint()).as("nothing written by " + caller + " " + attempt).isEqualTo(before);
		}
		if (attempt.target() == Target.OTHER_ACCOUNT) {
			assertThat(allowed).as("nobody may " + attempt).isEmpty();
		}
		else {
			assertThat(allowed).as("somebody may " + attempt).isNotEmpty();
			for (Caller caller : allowed) {
				assertThat(outcome(attempt, caller)).as(caller + " " + attempt).isNull();
			}
			assertThat(fingerprint()).as(attempt + " writes when allowed, so the graph left unchanged by each refusal "
					+ "says something").isNotEqualTo(before);
		}
	}

	@Test
	void everyMutationAndEveryRestWriteHasAnAttempt() {
		List<Attempt> attempts = attempts().toList();
		Set<String> tried = attempts.stream()
			.filter(a -> a.call() instanceof GraphQl)
			.map(a -> ((GraphQl) a.call()).field())
			.collect(Collectors.toSet());
		List<String> mutations = mutations();
		assertThat(mutations).as("the schema's mutations, extensions included")
			.contains("submitWorkTasks", "importCasePackage", "classifyJob", "createAccount", "revokeAccessToken");
		assertThat(mutations.stream().filter(m -> !tried.contains(m))).as("mutations that no attempt tries").isEmpty();

		List<RestWrite> writes = restWrites();
		assertThat(writes).as("the application's REST writes").contains(
				new RestWrite("POST", "/api/case", MediaType.APPLICATION_JSON_VALUE),
				new RestWrite("POST", "/api/submissions", "text/csv"),
				new RestWrite("POST", "/api/education-catalog", MediaType.MULTIPART_FORM_DATA_VALUE));
		assertThat(writes.stream().filter(w -> !NEVER_WRITES.containsKey(w)
				&& attempts.stream().noneMatch(a -> a.call() instanceof Rest rest && rest.covers(w))))
			.as("REST writes that no attempt tries").isEmpty();
		assertThat(writes).as("REST mappings known to write nothing are still mapped")
			.containsAll(NEVER_WRITES.keySet());
	}

	/** {@link #NEVER_WRITES}: a CSV file posted as a programme is refused as the wrong kind of file, for everybody. */
	@Test
	void aCsvFileSentAsAProgrammeWritesNothingForAnybody() throws Exception {
		Rest csv = new Rest("POST", "/api/programmes", "text/csv; charset=UTF-8",
				FilledTemplates.workTasksCsv(revisedSubmission("（修订）")));
		assertThat(NEVER_WRITES.keySet()).anyMatch(csv::covers);
		List<String> before = fingerprint();
		for (Caller caller : Caller.values()) {
			HttpResponse<String> response = send(csv, caller);
			assertThat(response.statusCode()).as(caller + " " + response.body()).isEqualTo(caller.role == null ? 401 : 422);
		}
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void everyOperationOfTheTableIsTried() {
		assertThat(attempts().map(Attempt::operation).distinct()).containsExactlyInAnyOrder(Operation.values());
	}

	/** The table of the docs is the one of {@link Operation}: the same operations, roles and scopes. */
	@Test
	void theTableIsTheOneInTheCode() {
		Map<Operation, Row> table = table();
		assertThat(table.keySet()).containsExactlyInAnyOrder(Operation.values());
		table.values().forEach(row -> {
			assertThat(row.cells().keySet()).as(row.operation() + " has a column per role")
				.containsExactlyInAnyOrder(Role.values());
			row.cells().forEach((role, cell) -> {
				assertThat(cell).as(row.operation() + " " + role).isIn(Stream.concat(CELLS.keySet().stream(),
						Stream.of("—")).toList());
				assertThat(Optional.ofNullable(CELLS.get(cell))).as(row.operation() + " " + role)
					.isEqualTo(Optional.ofNullable(row.operation().scopes().get(role)));
			});
		});
	}

	/**
	 * The column "what it covers" names each attempt's mutation or REST write under the attempt's operation, and
	 * every mutation or REST write it names is tried under that operation.
	 */
	@Test
	void theTableNamesEachWriteUnderTheOperationThatCoversIt() {
		Map<Operation, Row> table = table();
		List<Attempt> attempts = attempts().toList();
		for (Attempt attempt : attempts) {
			assertThat(table.get(attempt.operation()).covers()).as(attempt.toString())
				.contains("`" + attempt.call().tableName() + "`");
		}
		Set<String> mutations = Set.copyOf(mutations());
		Pattern named = Pattern.compile("`([^`]+)`");
		for (Row row : table.values()) {
			Set<String> tried = attempts.stream()
				.filter(a -> a.operation() == row.operation())
				.map(a -> a.call().tableName())
				.collect(Collectors.toSet());
			Matcher name = named.matcher(row.covers());
			while (name.find()) {
				String write = name.group(1);
				if (mutations.contains(write) || write.matches("(POST|PUT|PATCH|DELETE) /.*")) {
					assertThat(tried).as(write + " named under " + row.operation()).contains(write);
				}
			}
		}
	}

	/** A cell of the table allows an account: "any", "own account" on its own account, or a scope it is in. */
	private static boolean may(String cell, Caller caller, Target target) {
		return switch (cell) {
			case "—" -> false;
			case "any" -> true;
			case "own account" -> target == Target.OWN_ACCOUNT;
			default -> caller.inScope && target == Target.FIXTURE; // own enterprise, own school, industry of the job
		};
	}

	/** Null when the call succeeded; else UNAUTHORIZED or FORBIDDEN (the classification, or 401 / 403). */
	private String outcome(Attempt attempt, Caller caller) throws IOException, InterruptedException {
		if (attempt.call() instanceof Rest rest) {
			HttpResponse<String> response = send(rest, caller);
			return switch (response.statusCode()) {
				case 401 -> {
					assertThat(response.body()).contains("\"status\":401");
					yield "UNAUTHORIZED";
				}
				case 403 -> {
					assertThat(response.body()).as("the refusal names the operation")
						.contains("\"status\":403", attempt.operation().name());
					yield "FORBIDDEN";
				}
				case 200, 201 -> null;
				default -> throw new AssertionError(caller + " " + attempt + ": HTTP " + response.statusCode() + " "
						+ response.body());
			};
		}
		GraphQl graphQl = (GraphQl) attempt.call();
		HttpGraphQlTester tester = caller.role == null ? PatientGraphQl.patient(rawTester)
				: PatientGraphQl.patient(rawTester.mutate().header("Authorization", basic(caller)).build());
		GraphQlTester.Response response = tester.document(graphQl.documentFor(caller))
			.variables(graphQl.variables())
			.execute();
		List<ResponseError> errors = new ArrayList<>();
		response.errors().satisfy(errors::addAll);
		if (!errors.isEmpty()) {
			assertThat(errors).as(caller + " " + attempt).hasSize(1);
			String classification = String.valueOf(errors.get(0).getExtensions().get("classification"));
			if (classification.equals("FORBIDDEN")) {
				assertThat(errors.get(0).getMessage()).as("the refusal names the operation")
					.contains(attempt.operation().name());
			}
			else {
				assertThat(errors.get(0).getMessage()).as(caller + " " + attempt).startsWith("Sign in");
			}
			return classification;
		}
		Map<String, Object> payload = response.path(graphQl.field())
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(payload).as(caller + " " + attempt).isNotNull();
		assertThat((List<?>) payload.getOrDefault("errors", List.of())).as(caller + " " + attempt + ": " + payload)
			.isEmpty();
		return null;
	}

	private HttpResponse<String> send(Rest rest, Caller caller) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + rest.path()))
			.header("Content-Type", rest.contentType())
			.header("Accept", "application/json")
			.method(rest.method(), HttpRequest.BodyPublishers.ofByteArray(rest.body()));
		if (caller.role != null) {
			request.header("Authorization", basic(caller));
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The mutation fields of the running application's schema, those of {@code extend type Mutation} included. */
	private List<String> mutations() {
		return graphQlSource.schema().getMutationType().getFieldDefinitions().stream()
			.map(GraphQLFieldDefinition::getName)
			.toList();
	}

	/**
	 * Every write the application's own controllers map: each write method, each path (a path variable restricted
	 * to alternatives, such as {@code {kind:submissions|programmes}}, spelt out), each media type consumed.
	 */
	private List<RestWrite> restWrites() {
		Set<RestWrite> writes = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
		handlerMapping.getHandlerMethods().forEach((info, handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("org.abilitymap")) {
				return;
			}
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
					? EnumSet.allOf(RequestMethod.class) : info.getMethodsCondition().getMethods();
			Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
			for (RequestMethod method : methods) {
				if (!WRITE_METHODS.contains(method)) {
					continue;
				}
				for (String pattern : info.getPatternValues()) {
					for (String path : alternatives(pattern)) {
						if (consumes.isEmpty()) {
							writes.add(new RestWrite(method.name(), path, MediaType.ALL_VALUE));
						}
						consumes.forEach(type -> writes.add(new RestWrite(method.name(), path, type.toString())));
					}
				}
			}
		});
		return List.copyOf(writes);
	}

	/** The paths a pattern such as {@code /api/{kind:a|b}} stands for: {@code /api/a}, {@code /api/b}. */
	private static List<String> alternatives(String pattern) {
		Matcher variable = Pattern.compile("\\{\\w+:([\\w-]+(?:\\|[\\w-]+)*)}").matcher(pattern);
		if (!variable.find()) {
			return List.of(pattern);
		}
		return Stream.of(variable.group(1).split("\\|"))
			.flatMap(alternative -> alternatives(pattern.substring(0, variable.start()) + alternative
					+ pattern.substring(variable.end())).stream())
			.toList();
	}

	private static Attempt graphQl(Operation operation, Target target, String document, Map<String, Object> variables) {
		return new Attempt(operation, new GraphQl(document, variables), target);
	}

	private static Attempt rest(Operation operation, String path, String contentType, byte[] body) {
		return new Attempt(operation, new Rest("POST", path, contentType, body), Target.FIXTURE);
	}

	/** A multipart upload of one {@code file}, as the page and {@code curl -F file=@…} send it. */
	private static Attempt multipart(Operation operation, String path, String fileName, String fileType,
			byte[] content) {
		MultipartFile file = MultipartFile.of(fileName, fileType, content);
		return new Attempt(operation, new Rest("POST", path, file.contentType(), file.body()), Target.FIXTURE);
	}

	/** Enterprise 1's submission for job A with its first project renamed: a next version. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> revisedSubmission(String suffix) {
		Map<String, Object> document = JSON.readValue(text("alignment/submission-ent1-job-a.json"), Map.class);
		Map<String, Object> project = ((List<Map<String, Object>>) document.get("projects")).get(0);
		project.put("name", project.get("name") + suffix);
		return document;
	}

	/** Programme al-prg with its first course renamed: a next version. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> revisedProgramme() {
		Map<String, Object> document = JSON.readValue(text("alignment/programme.json"), Map.class);
		Map<String, Object> course = ((List<Map<String, Object>>) document.get("courses")).get(0);
		course.put("name", course.get("name") + "（修订）");
		return document;
	}

	private static String basic(Caller caller) {
		return "Basic " + Base64.getEncoder().encodeToString((caller.username() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	/** The table of docs/authorisation.md, by operation. */
	private static Map<Operation, Row> table() {
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
		Map<Operation, Row> table = new LinkedHashMap<>();
		Pattern code = Pattern.compile("`([A-Z_]+)`");
		for (String line : lines.subList(2, lines.size())) {
			List<String> cells = cells(line);
			Matcher operation = code.matcher(cells.get(0));
			assertThat(operation.find()).as(line).isTrue();
			Map<Role, String> rights = new EnumMap<>(Role.class);
			for (int i = 2; i < header.size(); i++) {
				rights.put(Role.valueOf(header.get(i)), cells.get(i));
			}
			Operation parsed = Operation.valueOf(operation.group(1));
			table.put(parsed, new Row(parsed, cells.get(1), rights));
		}
		return table;
	}

	private static List<String> cells(String line) {
		String inner = line.strip().substring(1, line.strip().length() - 1);
		return Stream.of(inner.split("\\|")).map(String::strip).toList();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
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
