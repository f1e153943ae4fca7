package org.abilitymap.curriculum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.abilitymap.support.TestSystemActor;
import org.abilitymap.alignment.AlignmentFixture;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.imports.DocumentImport;
import org.abilitymap.points.Point;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.PatientGraphQl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.abilitymap.alignment.AlignmentFixture.PROGRAMME;
import static org.abilitymap.documents.ProblemCode.DUPLICATE_ID;
import static org.abilitymap.documents.ProblemCode.INVALID_VALUE;
import static org.abilitymap.documents.ProblemCode.MALFORMED;
import static org.abilitymap.documents.ProblemCode.REQUIRED;
import static org.abilitymap.documents.ProblemCode.TOO_LARGE;
import static org.abilitymap.documents.ProblemCode.UNKNOWN_REFERENCE;
import static org.abilitymap.support.DocumentPaths.list;
import static org.abilitymap.support.DocumentPaths.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Programme and education-catalogue documents through GraphQL, the import service and REST: creation, idempotency,
 * versions with readable revisions, replaced courses, and every kind of bad input reported with its path, all at
 * once, with nothing written.
 */
class ProgrammeDocumentTest extends GraphTestSupport {

	private static final String SAVE = """
			mutation save($input: SaveProgrammeInput!) {
			  saveProgramme(input: $input) {
			    outcome
			    programme { id version courses { id name } revisions { version document } }
			    matchedPoints { matchedBy point { id } }
			    createdPoints { id kind name }
			    errors { path code message }
			  }
			}
			""";

	private static final String SAVE_CATALOG = """
			mutation save($input: SaveEducationCatalogInput!) {
			  saveEducationCatalog(input: $input) { schools industryBodies clusters programmeGroups errors { path code message } }
			}
			""";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private DocumentImport imports;

	@Autowired
	private ProgrammeImport programmes;

	@Autowired
	private EducationCatalogImport educationCatalogs;

	private AlignmentFixture fixture;

	/** Catalogues and every fixture submission (unapproved): the points and work project programme.json names. */
	@BeforeEach
	void cataloguesAndSubmissions() {
		graphQlTester = PatientGraphQl.of(graphQlTester);
		fixture = new AlignmentFixture(imports, json, graphQlTester);
		fixture.loadCatalogues();
		AlignmentFixture.SUBMISSIONS.forEach(fixture::importDocument);
	}

	// --- saving and versions -------------------------------------------------------------------------------

	@Test
	void saveProgrammeCreatesTheProgrammeAndItsNewPoints() {
		GraphQlTester.Response response = save(programme());

		response.path("saveProgramme.errors").entityList(Object.class).hasSize(0)
			.path("saveProgramme.outcome").entity(String.class).isEqualTo("CREATED")
			.path("saveProgramme.programme.id").entity(String.class).isEqualTo(PROGRAMME)
			.path("saveProgramme.programme.version").entity(Integer.class).isEqualTo(1)
			.path("saveProgramme.programme.courses[*].id").entityList(String.class)
			.containsExactly("al-c-found", "al-c-core", "al-c-feature", "al-c-practice")
			.path("saveProgramme.createdPoints[*].id").entityList(String.class).containsExactly("al-kn-ethics", "al-sk-5s")
			.path("saveProgramme.createdPoints[*].kind").entityList(String.class).containsExactly("KNOWLEDGE", "SKILL");
		// every point named by id lands on the existing one
		assertThat(response.path("saveProgramme.matchedPoints[*].point.id").entityList(String.class).get())
			.containsExactlyInAnyOrder("al-kn-a", "al-kn-d", "al-sk-c", "al-sk-a", "al-sk-b", "al-sk-e", "al-kn-e",
					"al-sk-f", "al-sk-g", "al-kn-c");
		response.path("saveProgramme.matchedPoints[*].matchedBy").entityList(String.class)
			.satisfies(rules -> assertThat(rules).containsOnly("ID"));
		assertThat(count("Course")).isEqualTo(4);
		assertThat(teachingLinks()).isEqualTo(4 + 4 + 3 + 5);
		assertThat(count("Textbook")).isEqualTo(1);
		assertThat(count("Certificate")).isEqualTo(1);
		assertThat(count("TrainingBase")).isEqualTo(1);
		assertThat(count("ProgrammeRevision")).isEqualTo(1);
	}

	@Test
	void aTaughtPointNamedWithACyrillicLookAlikeLetterIsCreatedWithAWarningNamingTheOneItResembles() {
		Map<String, Object> document = programme();
		List<Object> teaches = list(document, "courses[0].teaches");
		String path = "courses[0].teaches[" + teaches.size() + "]";
		teaches.add(new LinkedHashMap<>(Map.of("kind", "SKILL", "name", "车间5\u0405管理", "level",
				"INTRODUCED", "hours", 2))); // Cyrillic Ѕ where 车间5S管理 (al-sk-5s, later in the document) has a Latin S

		ProgrammeSaveResult result = programmes.save(document);

		assertThat(result.createdPoints()).extracting(Point::name).contains("车间5\u0405管理", "车间5S管理");
		assertThat(result.warnings()).singleElement().satisfies(warning -> {
			assertThat(warning.path()).isEqualTo(path);
			assertThat(warning.givenName()).isEqualTo("车间5\u0405管理");
			assertThat(warning.resembles().id()).isEqualTo("al-sk-5s");
		});
	}

	@Test
	void theSameDocumentAgainIsUnchangedAndWritesNothing() {
		save(programme()).path("saveProgramme.outcome").entity(String.class).isEqualTo("CREATED");
		List<String> before = fingerprint();

		save(programme()).path("saveProgramme.outcome").entity(String.class).isEqualTo("UNCHANGED")
			.path("saveProgramme.programme.version").entity(Integer.class).isEqualTo(1)
			.path("saveProgramme.createdPoints").entityList(Object.class).hasSize(0);

		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void aChangedDocumentBecomesVersionTwoWithItsCoursesReplacedAndVersionOneReadable() {
		save(programme());
		Map<String, Object> changed = programme();
		list(changed, "courses").remove(2); // al-c-feature goes
		object(changed, "courses[1]").put("name", "电池装配与调试技术");

		GraphQlTester.Response response = save(changed);

		response.path("saveProgramme.outcome").entity(String.class).isEqualTo("NEW_VERSION")
			.path("saveProgramme.programme.version").entity(Integer.class).isEqualTo(2)
			.path("saveProgramme.programme.courses[*].id").entityList(String.class)
			.containsExactly("al-c-found", "al-c-core", "al-c-practice")
			.path("saveProgramme.programme.courses[1].name").entity(String.class).isEqualTo("电池装配与调试技术")
			.path("saveProgramme.programme.revisions[*].version").entityList(Integer.class).containsExactly(1, 2)
			.path("saveProgramme.programme.revisions[0].document").entity(String.class)
			.satisfies(v1 -> assertThat(v1).contains("al-c-feature", "电池检测实务", "电池装配技术"))
			.path("saveProgramme.programme.revisions[1].document").entity(String.class)
			.satisfies(v2 -> assertThat(v2).doesNotContain("al-c-feature").contains("电池装配与调试技术"));
		graphQlTester.document("{ course(id: \"al-c-feature\") { id } }").execute().path("course").valueIsNull();
		assertThat(count("Course")).isEqualTo(3);
		assertThat(teachingLinks()).as("al-c-feature's three links are gone").isEqualTo(4 + 4 + 5);
		assertThat(count("ProgrammeRevision")).isEqualTo(2);
	}

	@Test
	void programmeImportSavesTheSameWayAndReportsWhatItDid() {
		ProgrammeSaveResult created = programmes.save(programme());

		assertThat(created.outcome()).isEqualTo(ProgrammeSaveResult.Outcome.CREATED);
		assertThat(created.programmeId()).isEqualTo(PROGRAMME);
		assertThat(created.version()).isEqualTo(1);
		assertThat(created.courses()).isEqualTo(4);
		assertThat(created.createdPoints()).extracting(p -> p.id()).containsExactly("al-kn-ethics", "al-sk-5s");
		List<String> before = fingerprint();

		ProgrammeSaveResult again = programmes.save(programme());

		assertThat(again.outcome()).isEqualTo(ProgrammeSaveResult.Outcome.UNCHANGED);
		assertThat(again.version()).isEqualTo(1);
		assertThat(fingerprint()).isEqualTo(before);
	}

	// --- structural problems -------------------------------------------------------------------------------

	static Stream<Arguments> missingParts() {
		return Stream.of(Arguments.of("", "school"), Arguments.of("", "programme"), Arguments.of("programme", "code"), Arguments.of("programme", "level"), Arguments.of("courses[1]", "block"),
				Arguments.of("courses[0].teaches[1]", "level"), Arguments.of("textbooks[0]", "form"),
				Arguments.of("certificates[0]", "type"), Arguments.of("trainingBases[0]", "kind"));
	}

	@ParameterizedTest(name = "{0}.{1} missing")
	@MethodSource("missingParts")
	void aMissingRequiredPartIsRequired(String node, String field) {
		Map<String, Object> document = programme();
		object(document, node).remove(field);

		assertOnlyProblem(document, path(node, field), REQUIRED, "'" + field + "'");
	}

	@Test
	void aDocumentWithoutCoursesNeedsThem() {
		Map<String, Object> document = programme();
		Stream.of("courses", "textbooks", "certificates", "trainingBases").forEach(document::remove);

		assertOnlyProblem(document, "courses", REQUIRED, "'courses'");
	}

	@Test
	void anEmptyCourseListIsEmpty() {
		Map<String, Object> document = programme();
		Stream.of("textbooks", "certificates", "trainingBases").forEach(document::remove);
		document.put("courses", List.of());

		assertOnlyProblem(document, "courses", ProblemCode.EMPTY, "'courses'");
	}

	static Stream<Arguments> invalidValues() {
		return Stream.of(Arguments.of("programme", "code", "46A702"), Arguments.of("programme", "code", "4607021"),
				Arguments.of("programme", "level", "MASTERS"), Arguments.of("courses[1]", "block", "ELECTIVE"),
				Arguments.of("courses[0].teaches[0]", "level", "PRACTISED"),
				Arguments.of("textbooks[0]", "form", "SCROLL"), Arguments.of("certificates[0]", "type", "DIPLOMA"),
				Arguments.of("trainingBases[0]", "kind", "IMAGINARY"), Arguments.of("certificates[0].assesses[0]", "level",
						"REINFORCED"), Arguments.of("courses[2]", "semester", 13));
	}

	@ParameterizedTest(name = "{0}.{1} = {2}")
	@MethodSource("invalidValues")
	void aValueOutsideItsSetOrRangeIsInvalid(String node, String field, Object value) {
		Map<String, Object> document = programme();
		object(document, node).put(field, value);

		assertOnlyProblem(document, path(node, field), INVALID_VALUE, "'" + field + "'");
	}

	@Test
	void twoCoursesWithOneIdAreADuplicate() {
		Map<String, Object> document = programme();
		object(document, "courses[2]").put("id", "al-c-core");

		Problem problem = assertOnlyProblem(document, "courses[2].id", DUPLICATE_ID, "al-c-core");
		assertThat(problem.message()).contains("courses[1]");
	}

	@Test
	void aTextbookNamingACourseNotInTheDocumentIsAnUnknownReference() {
		Map<String, Object> document = programme();
		list(document, "textbooks[0].courseIds").add("al-c-elsewhere");

		assertOnlyProblem(document, "textbooks[0].courseIds[2]", UNKNOWN_REFERENCE, "al-c-elsewhere");
	}

	@Test
	void aTeachingEntryWithANameButNoKindNeedsAKind() {
		Map<String, Object> document = programme();
		object(document, "courses[3].teaches[3]").remove("kind"); // 车间5S管理

		assertOnlyProblem(document, "courses[3].teaches[3].kind", REQUIRED, "'kind'");
	}

	@Test
	void aTeachingEntryWithNeitherPointIdNorNameNeedsOne() {
		Map<String, Object> document = programme();
		object(document, "courses[1].teaches[0]").remove("pointId");

		assertOnlyProblem(document, "courses[1].teaches[0].pointId", REQUIRED, "'pointId'");
	}

	@Test
	void theSamePointTwiceInOneCourseIsADuplicateEvenWhenSpelledDifferently() {
		Map<String, Object> document = programme();
		list(document, "courses[1].teaches").add(Map.of("kind", "SKILL", "name", "万用表使用", "level", "INTRODUCED"));
		list(document, "courses[1].teaches").add(Map.of("kind", "SKILL", "name", "万用表 使用", "level", "MASTERED"));

		assertOnlyProblem(document, "courses[1].teaches[5]", DUPLICATE_ID, "already listed");
	}

	@Test
	void aPointListedByIdAndNameAndAgainByNameAloneInOneCourseIsADuplicate() {
		Map<String, Object> document = programme();
		list(document, "courses[3].teaches").add(Map.of("kind", "SKILL", "name", "车间5S管理", "level", "MASTERED"));

		assertOnlyProblem(document, "courses[3].teaches[5]", DUPLICATE_ID, "already listed");
	}

	// --- references into the graph -------------------------------------------------------------------------

	@Test
	void anUnknownPointIdIsAnUnknownReference() {
		Map<String, Object> document = programme();
		object(document, "courses[1].teaches[0]").put("pointId", "al-sk-nowhere");

		assertOnlyProblem(document, "courses[1].teaches[0].pointId", UNKNOWN_REFERENCE, "al-sk-nowhere");
	}

	@Test
	void anUnknownTargetJobIsAnUnknownReference() {
		Map<String, Object> document = programme();
		list(document, "programme.targetJobIds").set(1, "al-job-nowhere");

		assertOnlyProblem(document, "programme.targetJobIds[1]", UNKNOWN_REFERENCE, "al-job-nowhere");
	}

	@Test
	void anUnknownProgrammeGroupIsAnUnknownReference() {
		Map<String, Object> document = programme();
		object(document, "programme").put("groupId", "al-pg-nowhere");

		assertOnlyProblem(document, "programme.groupId", UNKNOWN_REFERENCE, "al-pg-nowhere");
	}

	@Test
	void anUnknownWorkProjectACourseWasConvertedFromIsAnUnknownReference() {
		Map<String, Object> document = programme();
		object(document, "courses[3]").put("convertedFromProjectId", "sub:al-ent-1:al-job-a:v9/id:pack");

		assertOnlyProblem(document, "courses[3].convertedFromProjectId", UNKNOWN_REFERENCE, "v9");
	}

	@Test
	void anUnknownJobACertificateQualifiesForIsAnUnknownReference() {
		Map<String, Object> document = programme();
		list(document, "certificates[0].qualifiesForJobIds").add(0, "al-job-nowhere");

		assertOnlyProblem(document, "certificates[0].qualifiesForJobIds[0]", UNKNOWN_REFERENCE, "al-job-nowhere");
	}

	@Test
	void aCourseIdOfAnotherProgrammeIsADuplicate() {
		fixture.importDocument("programme-2.json");
		Map<String, Object> document = programme();
		object(document, "courses[0]").put("id", "al-c2-lab");

		Problem problem = assertOnlyProblem(document, "courses[0].id", DUPLICATE_ID, "al-c2-lab");
		assertThat(problem.message()).contains("al-prg-2");
	}

	@Test
	void aProgrammeIdOfAnotherSchoolIsADuplicate() {
		programmes.save(programme());
		Map<String, Object> document = programme();
		document.put("school", Map.of("id", "al-other-school", "name", "另一所学院"));

		Problem problem = assertOnlyProblem(document, "programme.id", DUPLICATE_ID, "al-school");
		assertThat(problem.message()).contains("al-other-school");
		assertThat(count("School")).as("the other school was not created").isEqualTo(1);
	}

	// --- every problem at once -----------------------------------------------------------------------------

	@Test
	void structuralAndReferenceProblemsAreReportedTogether() {
		Map<String, Object> document = programme();
		object(document, "programme").put("code", "46-07"); // structural
		object(document, "programme").put("groupId", "al-pg-nowhere"); // reference
		list(document, "programme.targetJobIds").add("al-job-nowhere"); // reference
		object(document, "courses[0]").put("block", "ELECTIVE"); // structural
		object(document, "courses[1].teaches[1]").remove("level"); // structural
		object(document, "courses[1].teaches[2]").put("pointId", "al-sk-nowhere"); // reference
		object(document, "courses[3]").put("convertedFromProjectId", "no-such-project"); // reference
		list(document, "textbooks[0].courseIds").add("al-c-elsewhere"); // structural (within the document)

		assertThat(rejected(document)).extracting(Problem::path, Problem::code).containsExactlyInAnyOrder(
				tuple("programme.code", INVALID_VALUE),
				tuple("programme.groupId", UNKNOWN_REFERENCE),
				tuple("programme.targetJobIds[2]", UNKNOWN_REFERENCE),
				tuple("courses[0].block", INVALID_VALUE),
				tuple("courses[1].teaches[1].level", REQUIRED),
				tuple("courses[1].teaches[2].pointId", UNKNOWN_REFERENCE),
				tuple("courses[3].convertedFromProjectId", UNKNOWN_REFERENCE),
				tuple("textbooks[0].courseIds[2]", UNKNOWN_REFERENCE));
	}

	@Test
	void aPartialDocumentStillHasItsReferencesChecked() {
		Map<String, Object> document = programme();
		document.remove("school");
		object(document, "programme").remove("id");
		object(document, "courses[0]").remove("id");
		object(document, "courses[2].teaches[0]").put("pointId", "al-kn-nowhere");
		list(document, "programme.targetJobIds").set(0, 42);

		assertThat(rejected(document)).extracting(Problem::path, Problem::code).containsExactlyInAnyOrder(
				tuple("school", REQUIRED),
				tuple("programme.id", REQUIRED),
				tuple("programme.targetJobIds[0]", ProblemCode.WRONG_TYPE),
				tuple("courses[0].id", REQUIRED),
				tuple("courses[2].teaches[0].pointId", UNKNOWN_REFERENCE));
	}

	@Test
	void saveProgrammeReturnsTheProblemsInItsPayloadAndWritesNothing() {
		Map<String, Object> document = programme();
		object(document, "courses[1].teaches[0]").put("pointId", "al-sk-nowhere");
		object(document, "programme").put("code", "abc");
		List<String> before = fingerprint();

		GraphQlTester.Response response = save(document);

		response.path("saveProgramme.outcome").valueIsNull().path("saveProgramme.programme").valueIsNull();
		assertThat(response.path("saveProgramme.errors").entityList(ErrorView.class).get()).extracting(ErrorView::path, ErrorView::code)
			.containsExactlyInAnyOrder(tuple("programme.code", "INVALID_VALUE"),
					tuple("courses[1].teaches[0].pointId", "UNKNOWN_REFERENCE"));
		assertThat(fingerprint()).isEqualTo(before);
	}

	// --- REST ----------------------------------------------------------------------------------------------

	@Test
	void postingAProgrammeCreatesItAndPostingItAgainIsUnchanged() {
		Response created = post("/api/programmes", programmeText());
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body()).containsEntry("outcome", "CREATED").containsEntry("programmeId", PROGRAMME)
			.containsEntry("version", 1).containsEntry("courses", 4);
		List<String> before = fingerprint();

		Response again = post("/api/programmes", programmeText());

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).containsEntry("outcome", "UNCHANGED").containsEntry("version", 1);
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void postingABadProgrammeIsRejectedWithEveryProblem() {
		List<String> before = fingerprint();
		String bad = programmeText().replace("\"block\": \"INDUSTRY_FEATURE\"", "\"block\": \"ELECTIVE\"")
			.replace("\"targetJobIds\": [\"al-job-a\", \"al-job-b\"]", "\"targetJobIds\": [\"al-job-a\", \"al-job-nowhere\"]");

		Response response = post("/api/programmes", bad);

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body().get("message")).asString().contains("nothing was written");
		assertThat(errors(response)).extracting(e -> e.get("path"), e -> e.get("code")).containsExactlyInAnyOrder(
				tuple("courses[2].block", "INVALID_VALUE"), tuple("programme.targetJobIds[1]", "UNKNOWN_REFERENCE"));
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void postingMalformedJsonIsRejectedAsMalformed() {
		List<String> before = fingerprint();

		Response response = post("/api/programmes", "{\"programme\": {\"id\": \"al-prg\",\n \"courses\": [");

		assertThat(response.status()).isEqualTo(422);
		assertThat(errors(response)).singleElement().satisfies(e -> {
			assertThat(e).containsEntry("path", "").containsEntry("code", MALFORMED.name());
			assertThat(e.get("message")).asString().contains("line 2");
		});
		assertThat(fingerprint()).isEqualTo(before);
	}

	// --- education catalogue -------------------------------------------------------------------------------

	@Test
	void theEducationCatalogueIsSavedWithClusterLeadsAndProgrammeGroups() {
		// the fixture's @BeforeEach has saved it once already; saving it again upserts the same entries
		graphQlTester.document(SAVE_CATALOG).variable("input", fixture.document("education-catalog.json")).execute()
			.path("saveEducationCatalog.errors").entityList(Object.class).hasSize(0)
			.path("saveEducationCatalog.schools").entity(Integer.class).isEqualTo(1)
			.path("saveEducationCatalog.industryBodies").entity(Integer.class).isEqualTo(1)
			.path("saveEducationCatalog.clusters").entity(Integer.class).isEqualTo(1)
			.path("saveEducationCatalog.programmeGroups").entity(Integer.class).isEqualTo(1);

		GraphQlTester.Response clusters = graphQlTester.document(
				"{ clusters { edges { node { id leads { role id } programmeGroups { id } } } } }").execute();

		clusters.path("clusters.edges[*].node.id").entityList(String.class).containsExactly("al-cluster");
		assertThat(clusters.path("clusters.edges[0].node.leads").entityList(Lead.class).get()).containsExactlyInAnyOrder(
				new Lead("ENTERPRISE", "al-ent-1"), new Lead("SCHOOL", "al-school"), new Lead("INDUSTRY_BODY", "al-ib"));
		clusters.path("clusters.edges[0].node.programmeGroups[*].id").entityList(String.class).containsExactly("al-pg");
		assertThat(count("School")).isEqualTo(1);
		assertThat(count("Cluster")).isEqualTo(1);
	}

	@Test
	void anEducationCatalogueWithUnknownReferencesIsRejectedWithTheirPaths() {
		Map<String, Object> catalog = fixture.document("education-catalog.json");
		object(catalog, "clusters[0]").put("industryId", "al-ind-nowhere");
		object(catalog, "clusters[0]").put("leadEnterpriseId", "al-ent-nowhere");
		list(catalog, "clusters[0].memberSchoolIds").add("al-school-nowhere");
		object(catalog, "programmeGroups[0]").put("clusterId", "al-cluster-nowhere");
		list(catalog, "programmeGroups[0].jobGroupIds").set(0, "al-jobs-nowhere");
		List<String> before = fingerprint();

		GraphQlTester.Response response = graphQlTester.document(SAVE_CATALOG).variable("input", catalog).execute();

		response.path("saveEducationCatalog.schools").entity(Integer.class).isEqualTo(0);
		assertThat(response.path("saveEducationCatalog.errors").entityList(ErrorView.class).get())
			.extracting(ErrorView::path, ErrorView::code).containsExactlyInAnyOrder(
					tuple("clusters[0].industryId", "UNKNOWN_REFERENCE"),
					tuple("clusters[0].leadEnterpriseId", "UNKNOWN_REFERENCE"),
					tuple("clusters[0].memberSchoolIds[1]", "UNKNOWN_REFERENCE"),
					tuple("programmeGroups[0].clusterId", "UNKNOWN_REFERENCE"),
					tuple("programmeGroups[0].jobGroupIds[0]", "UNKNOWN_REFERENCE"));
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void anEducationCatalogueReportsStructuralAndReferenceProblemsTogether() {
		Map<String, Object> catalog = fixture.document("education-catalog.json");
		object(catalog, "clusters[0]").remove("name");
		object(catalog, "clusters[0]").put("leadSchoolId", "al-school-nowhere");
		object(catalog, "programmeGroups[0]").remove("schoolId");
		list(catalog, "programmeGroups[0].segmentIds").add("al-segment-nowhere");
		List<String> before = fingerprint();

		Throwable thrown = catchThrowable(() -> educationCatalogs.save(catalog));

		assertThat(thrown).isInstanceOf(InvalidDocumentException.class);
		assertThat(((InvalidDocumentException) thrown).problems()).extracting(Problem::path, Problem::code)
			.containsExactlyInAnyOrder(tuple("clusters[0].name", REQUIRED),
					tuple("clusters[0].leadSchoolId", UNKNOWN_REFERENCE), tuple("programmeGroups[0].schoolId", REQUIRED),
					tuple("programmeGroups[0].segmentIds[1]", UNKNOWN_REFERENCE));
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void postingAnEducationCatalogueUpsertsIt() {
		Response response = post("/api/education-catalog", documentText("alignment/education-catalog.json"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).containsEntry("schools", 1).containsEntry("clusters", 1)
			.containsEntry("programmeGroups", 1);
	}

	/** The entry limit, set low for this context, applies to programme documents before anything is read. */
	@Nested
	@TestPropertySource(properties = "abilitymap.documents.max-entries=20")
	class WithAnEntryLimitOfTwenty extends GraphTestSupport {

		@Autowired
		private ProgrammeImport limitedProgrammes;

		@Test
		void aProgrammeWithMoreEntriesIsTooLargeAndNothingIsWritten() {
			// programme.json has 32 objects: the root, school, programme, 4 courses, 16 teaching entries,
			// a textbook with 2 editors, a certificate with 4 assessments and a training base
			assertThat(json.limits().maxEntries()).isEqualTo(20);
			List<String> before = fingerprint();

			Throwable thrown = catchThrowable(() -> limitedProgrammes.save(document("alignment/programme.json")));

			assertThat(thrown).isInstanceOf(InvalidDocumentException.class);
			assertThat(((InvalidDocumentException) thrown).problems()).singleElement().satisfies(problem -> {
				assertThat(problem.path()).isEmpty();
				assertThat(problem.code()).isEqualTo(TOO_LARGE);
				assertThat(problem.message()).contains("20");
			});
			assertThat(fingerprint()).isEqualTo(before);
		}
	}

	// --- helpers -------------------------------------------------------------------------------------------

	private Map<String, Object> programme() {
		return fixture.document("programme.json");
	}

	private String programmeText() {
		return documentText("alignment/programme.json");
	}

	private GraphQlTester.Response save(Map<String, Object> document) {
		return graphQlTester.document(SAVE).variable("input", document).execute();
	}

	private long teachingLinks() {
		return graph.read(tx -> tx.run("MATCH (:Course)-[t:TEACHES]->() RETURN count(t) AS c").single().get("c").asLong());
	}

	private static String path(String node, String field) {
		return node.isEmpty() ? field : node + "." + field;
	}

	/** Saves a document that must be rejected, checks that the graph is unchanged, and returns the problems. */
	private List<Problem> rejected(Map<String, Object> document) {
		List<String> before = fingerprint();
		Throwable thrown = catchThrowable(() -> programmes.save(document));
		assertThat(thrown).isInstanceOf(InvalidDocumentException.class);
		assertThat(fingerprint()).as("graph after the rejected document").isEqualTo(before);
		return new ArrayList<>(((InvalidDocumentException) thrown).problems());
	}

	/** Asserts the document is rejected with exactly one problem, at this path, of this code, naming {@code mention}. */
	private Problem assertOnlyProblem(Map<String, Object> document, String path, ProblemCode code, String mention) {
		List<Problem> problems = rejected(document);
		assertThat(problems).extracting(Problem::path, Problem::code).containsExactly(tuple(path, code));
		assertThat(problems.get(0).message()).contains(mention);
		return problems.get(0);
	}

	private record Response(int status, Map<String, Object> body) {
	}

	@SuppressWarnings("unchecked")
	private Response post(String path, String body) {
		HttpRequest request = TestSystemActor.request(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), (Map<String, Object>) json.parse(response.body()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> errors(Response response) {
		return (List<Map<String, Object>>) response.body().get("errors");
	}

	record ErrorView(String path, String code, String message) {
	}

	record Lead(String role, String id) {
	}
}
