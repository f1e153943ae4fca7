package org.abilitymap.jobs;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.support.DocumentPaths;
import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.abilitymap.documents.ProblemCode.DUPLICATE_ID;
import static org.abilitymap.documents.ProblemCode.EMPTY;
import static org.abilitymap.documents.ProblemCode.INVALID_VALUE;
import static org.abilitymap.documents.ProblemCode.MALFORMED;
import static org.abilitymap.documents.ProblemCode.MISPLACED_LEVEL;
import static org.abilitymap.documents.ProblemCode.REQUIRED;
import static org.abilitymap.documents.ProblemCode.TOO_LARGE;
import static org.abilitymap.documents.ProblemCode.UNKNOWN_FIELD;
import static org.abilitymap.documents.ProblemCode.UNKNOWN_REFERENCE;
import static org.abilitymap.documents.ProblemCode.WRONG_TYPE;
import static org.abilitymap.support.DocumentPaths.list;
import static org.abilitymap.support.DocumentPaths.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/** Every kind of problem a work-task document can have is reported with its path and code, and none writes anything. */
class WorkTaskValidationTest extends GraphTestSupport {

	/** The last skill of submission-a.json, in the second project. */
	private static final String LAST_SKILL = "projects[1].tasks[0].steps[0].skills[0]";

	@Autowired
	private WorkTaskSubmissions submissions;

	@BeforeEach
	void catalog() {
		loadCatalog();
	}

	// --- required and empty fields -------------------------------------------------------------------------

	@Test
	void aMissingTaskNameIsRequired() {
		Map<String, Object> document = submission();
		object(document, "projects[1].tasks[0]").remove("name");

		assertOnlyProblem(document, "projects[1].tasks[0].name", REQUIRED, "'name'");
	}

	@Test
	void aBlankProjectNameIsEmpty() {
		Map<String, Object> document = submission();
		object(document, "projects[0]").put("name", "  \u3000\t");

		assertOnlyProblem(document, "projects[0].name", EMPTY, "'name'");
	}

	@Test
	void anEmptySkillNameIsEmpty() {
		Map<String, Object> document = submission();
		object(document, LAST_SKILL).put("name", "");

		assertOnlyProblem(document, LAST_SKILL + ".name", EMPTY, "'name'");
	}

	@Test
	void aSkillNameOfOnlyZeroWidthSpacesIsEmpty() {
		Map<String, Object> document = submission();
		object(document, LAST_SKILL).put("name", "\u200B\u200B");

		assertOnlyProblem(document, LAST_SKILL + ".name", EMPTY, "'name'");
	}

	@Test
	void aProjectNameOfOnlyNulAndOtherInvisibleCharactersIsEmpty() {
		Map<String, Object> document = submission();
		object(document, "projects[0]").put("name", "\u0000\uFEFF\u200E\u00AD");

		Problem problem = assertOnlyProblem(document, "projects[0].name", EMPTY, "'name'");
		assertThat(problem.message()).contains("invisible characters");
	}

	@Test
	void aSkillWithNeitherIdNorNameNeedsAName() {
		Map<String, Object> document = submission();
		object(document, LAST_SKILL).remove("name");

		assertOnlyProblem(document, LAST_SKILL + ".name", REQUIRED, "'name'");
	}

	@Test
	void anEmptyStepListIsEmpty() {
		Map<String, Object> document = submission();
		object(document, "projects[1].tasks[0]").put("steps", List.of());

		assertOnlyProblem(document, "projects[1].tasks[0].steps", EMPTY, "'steps'");
	}

	@Test
	void aDocumentWithoutEnterpriseAndProjectsNamesBoth() {
		Map<String, Object> document = submission();
		document.remove("enterprise");
		document.remove("projects");

		assertThat(rejected(document)).extracting(Problem::path, Problem::code)
			.containsExactlyInAnyOrder(tuple("enterprise", REQUIRED), tuple("projects", REQUIRED));
	}

	// --- types and values ----------------------------------------------------------------------------------

	static Stream<Arguments> wrongValues() {
		return Stream.of(
				Arguments.of("projects[1]", "tasks", "x", WRONG_TYPE),
				Arguments.of("projects[0].tasks[0]", "name", 42, WRONG_TYPE),
				Arguments.of("projects[0].tasks[0]", "importance", "high", WRONG_TYPE),
				Arguments.of("projects[0].tasks[0]", "importance", 9, INVALID_VALUE),
				Arguments.of("projects[0].tasks[0]", "difficulty", 2.5, WRONG_TYPE),
				Arguments.of("projects[0].tasks[0]", "frequency", "HOURLY", INVALID_VALUE),
				Arguments.of("projects[0].tasks[0].steps[0].skills[0]", "level", "GURU", INVALID_VALUE),
				Arguments.of(LAST_SKILL, "knowledge", Map.of("name", "限值"), WRONG_TYPE),
				Arguments.of(LAST_SKILL, "id", "bad id!", INVALID_VALUE),
				Arguments.of("", "jobId", 42, WRONG_TYPE),
				Arguments.of("", "enterprise", "t-ent-a", WRONG_TYPE),
				Arguments.of("shadowing", "observers", "王磊", WRONG_TYPE),
				Arguments.of("shadowing", "endDate", "2026-02-30", INVALID_VALUE),
				Arguments.of("shadowing", "endDate", "2026-03-01", INVALID_VALUE));
	}

	@ParameterizedTest(name = "{0}.{1} = {2} is {3}")
	@MethodSource("wrongValues")
	void aFieldWithTheWrongTypeOrValueIsReportedAtItsPath(String node, String field, Object value, ProblemCode code) {
		Map<String, Object> document = submission();
		object(document, node).put(field, value);

		assertOnlyProblem(document, node.isEmpty() ? field : node + "." + field, code, "'" + field + "'");
	}

	@Test
	void aTextWhereAnObjectIsExpectedInAListIsTheWrongType() {
		Map<String, Object> document = submission();
		list(document, "projects[1].tasks[0].steps[0].skills").add("万用表使用");

		assertOnlyProblem(document, "projects[1].tasks[0].steps[0].skills[1]", WRONG_TYPE, "'skills'");
	}

	@Test
	void aDocumentThatIsNotAnObjectIsTheWrongType() {
		assertOnlyProblem(List.of(submission()), "", WRONG_TYPE, "JSON object");
	}

	// --- ids used twice in the document --------------------------------------------------------------------

	static Stream<Arguments> reusedNodeIds() {
		return Stream.of(
				Arguments.of("projects[1]", "pack-line", "projects[0]"),
				Arguments.of("projects[1].tasks[0]", "hv-connectors", "projects[0].tasks[0]"),
				Arguments.of("projects[1].tasks[0].steps[0]", "torque", "projects[0].tasks[0].steps[1]"));
	}

	@ParameterizedTest(name = "{0} reuses {1}")
	@MethodSource("reusedNodeIds")
	void aProjectTaskOrStepIdUsedTwiceIsADuplicate(String node, String id, String firstUse) {
		Map<String, Object> document = submission();
		object(document, node).put("id", id);

		assertThat(assertOnlyProblem(document, node + ".id", DUPLICATE_ID, id).message()).contains(firstUse);
	}

	@Test
	void onePointIdWithTwoDifferentNamesIsADuplicate() {
		Map<String, Object> document = submission();
		object(document, LAST_SKILL).put("id", "t-sk-insulation");

		Problem problem = assertOnlyProblem(document, LAST_SKILL + ".id", DUPLICATE_ID, "t-sk-insulation");
		assertThat(problem.message()).contains("绝缘电阻检测", "气密性检测仪操作");
	}

	@Test
	void oneIdForASkillAndAKnowledgePointIsADuplicateReportedOnce() {
		jobDocuments.importDocument(submission()); // t-sk-insulation is then a skill point in the graph as well
		Map<String, Object> document = submission();
		list(document, LAST_SKILL + ".knowledge").set(0, Map.of("id", "t-sk-insulation"));

		assertOnlyProblem(document, LAST_SKILL + ".knowledge[0].id", DUPLICATE_ID, "t-sk-insulation");
	}

	@Test
	void theSameSkillTwiceInOneStepIsADuplicateEvenWhenSpelledDifferently() {
		Map<String, Object> document = submission();
		list(document, "projects[0].tasks[0].steps[1].skills").add(Map.of("name", "扭矩 扳手使用"));

		Problem problem = assertOnlyProblem(document, "projects[0].tasks[0].steps[1].skills[2]", DUPLICATE_ID,
				"skill point");
		assertThat(problem.message()).contains("projects[0].tasks[0].steps[1].skills[0]");
	}

	@Test
	void theSameKnowledgePointTwiceInOneSkillIsADuplicate() {
		Map<String, Object> document = submission();
		list(document, "projects[0].tasks[0].steps[0].skills[0].knowledge").add(Map.of("id", "t-kn-insulation-limits"));

		assertOnlyProblem(document, "projects[0].tasks[0].steps[0].skills[0].knowledge[2]", DUPLICATE_ID,
				"knowledge point");
	}

	// --- references to the graph --------------------------------------------------------------------------

	@Test
	void anUnknownJobIsAnUnknownReference() {
		Map<String, Object> document = submission();
		document.put("jobId", "t-no-such-job");

		assertOnlyProblem(document, "jobId", UNKNOWN_REFERENCE, "t-no-such-job");
	}

	@Test
	void anUnknownPointIdWithoutANameIsAnUnknownReference() {
		Map<String, Object> document = submission();
		object(document, "projects[0].tasks[0].steps[1].skills[1]").put("id", "t-sk-unknown");

		assertOnlyProblem(document, "projects[0].tasks[0].steps[1].skills[1].id", UNKNOWN_REFERENCE, "t-sk-unknown");
	}

	@Test
	void aSkillIdWhereAKnowledgePointIsExpectedIsAnUnknownReference() {
		jobDocuments.importDocument(submission());

		Problem problem = assertOnlyProblem(singleSkillDocument(Map.of("name", "绝缘故障排查",
				"knowledge", List.of(Map.of("id", "t-sk-insulation")))),
				"projects[0].tasks[0].steps[0].skills[0].knowledge[0].id", UNKNOWN_REFERENCE, "t-sk-insulation");
		assertThat(problem.message()).contains("skill point", "knowledge point");
	}

	@Test
	void aKnowledgeIdWhereASkillIsExpectedIsAnUnknownReference() {
		jobDocuments.importDocument(submission());

		assertOnlyProblem(singleSkillDocument(Map.of("id", "t-kn-insulation-limits")),
				"projects[0].tasks[0].steps[0].skills[0].id", UNKNOWN_REFERENCE, "t-kn-insulation-limits");
	}

	@Test
	void anErrorInTheLastSkillStillWritesNothingOfTheDocument() {
		Map<String, Object> document = submission();
		object(document, "enterprise").put("name", "甲电池公司（更名）");
		list(document, LAST_SKILL + ".knowledge").set(0, Map.of("id", "t-kn-nowhere"));

		assertOnlyProblem(document, LAST_SKILL + ".knowledge[0].id", UNKNOWN_REFERENCE, "t-kn-nowhere");
		assertThat(count("Submission")).isZero();
		assertThat(count("SkillPoint")).isZero();
		assertThat(count("KnowledgePoint")).isZero();
		String name = graph.read(tx -> tx.run("MATCH (e:Enterprise {id: 't-ent-a'}) RETURN e.name AS name")
			.single().get("name").asString());
		assertThat(name).isEqualTo("甲电池公司");
	}

	@Test
	void twoIdsForOneNameLandOnOnePointAndBothIdsCanBeReferencedLater() {
		Map<String, Object> document = singleTaskDocument(
				List.of(Map.of("id", "t-sk-multimeter", "name", "万用表使用")),
				List.of(Map.of("id", "t-sk-meter", "name", "万用表 使用")),
				List.of(Map.of("id", "t-sk-meter")));

		SubmissionResult result = submissions.submit(document);

		assertThat(result.outcome()).isEqualTo(SubmissionResult.Outcome.CREATED);
		assertThat(result.createdPoints()).extracting(p -> p.id()).containsExactly("t-sk-multimeter");
		List<String> linked = graph.read(tx -> tx.run("""
				MATCH (:ProcessStep)-[:REQUIRES_SKILL]->(s:SkillPoint) RETURN s.id AS id
				""").list(r -> r.get("id").asString()));
		assertThat(linked).containsExactly("t-sk-multimeter", "t-sk-multimeter", "t-sk-multimeter");
	}

	// --- tree levels and unknown fields --------------------------------------------------------------------

	@Test
	void skillsDirectlyUnderATaskAreAMisplacedLevel() {
		Map<String, Object> document = submission();
		Map<String, Object> task = object(document, "projects[0].tasks[0]");
		task.put("skills", object(document, "projects[0].tasks[0].steps[0]").get("skills"));
		task.remove("steps");

		List<Problem> problems = rejected(document);

		assertThat(problems).extracting(Problem::path, Problem::code)
			.contains(tuple("projects[0].tasks[0].skills", MISPLACED_LEVEL));
		assertThat(problem(problems, "projects[0].tasks[0].skills").message()).contains("'skills'", "steps");
	}

	static Stream<Arguments> misplacedLevels() {
		return Stream.of(
				Arguments.of("projects[0].tasks[0].steps[0]", "tasks"),
				Arguments.of("projects[0].tasks[0].steps[0]", "knowledge"),
				Arguments.of("projects[0]", "steps"),
				Arguments.of("", "skills"),
				Arguments.of("projects[0].tasks[0].steps[0].skills[0].knowledge[0]", "knowledge"));
	}

	@ParameterizedTest(name = "{1} inside {0}")
	@MethodSource("misplacedLevels")
	void aLevelInTheWrongPlaceIsMisplaced(String node, String level) {
		Map<String, Object> document = submission();
		object(document, node).put(level, List.of(Map.of("name", "多余的一层")));

		assertOnlyProblem(document, node.isEmpty() ? level : node + "." + level, MISPLACED_LEVEL, "'" + level + "'");
	}

	static Stream<Arguments> unknownFields() {
		return Stream.of(
				Arguments.of("", "comments"),
				Arguments.of("projects[0].tasks[0]", "priority"),
				Arguments.of("projects[0].tasks[0].steps[0].skills[0]", "nameEN"),
				Arguments.of("shadowing", "location"));
	}

	@ParameterizedTest(name = "{1} in {0}")
	@MethodSource("unknownFields")
	void aFieldTheFormatDoesNotKnowIsUnknown(String node, String field) {
		Map<String, Object> document = submission();
		object(document, node).put(field, "值");

		assertOnlyProblem(document, node.isEmpty() ? field : node + "." + field, UNKNOWN_FIELD, "'" + field + "'");
	}

	// --- JSON text and size --------------------------------------------------------------------------------

	@Test
	void malformedJsonIsReportedWithLineAndColumn() {
		byte[] text = "{\n  \"jobId\": \"t-battery-assembler\",\n  \"projects\": [,]\n}".getBytes(StandardCharsets.UTF_8);

		Problem problem = onlyProblem(catchThrowable(() -> json.parse(text)));

		assertThat(problem.path()).isEmpty();
		assertThat(problem.code()).isEqualTo(MALFORMED);
		assertThat(problem.message()).contains("line 3, column");
	}

	@Test
	void aKeyGivenTwiceInOneObjectIsMalformed() {
		byte[] text = "{\"jobId\": \"t-battery-assembler\", \"jobId\": \"t-ev-technician\"}".getBytes(StandardCharsets.UTF_8);

		Problem problem = onlyProblem(catchThrowable(() -> json.parse(text)));

		assertThat(problem.code()).isEqualTo(MALFORMED);
		assertThat(problem.message()).contains("jobId");
	}

	@Test
	void aDocumentLargerThanTheByteLimitIsTooLargeAndOneAtTheLimitIsRead() {
		long limit = json.limits().maxBytes();
		byte[] atLimit = padded((int) limit);
		byte[] overLimit = padded((int) limit + 1);

		assertThat(json.parse(atLimit)).isInstanceOf(Map.class);
		for (Throwable thrown : List.of(catchThrowable(() -> json.parse(overLimit)),
				catchThrowable(() -> json.parse(new ByteArrayInputStream(overLimit))))) {
			Problem problem = onlyProblem(thrown);
			assertThat(problem.code()).isEqualTo(TOO_LARGE);
			assertThat(problem.message()).contains(String.valueOf(limit));
		}
	}

	@Test
	void aDocumentWithMoreEntriesThanTheLimitIsTooLarge() {
		int limit = json.limits().maxEntries();
		Map<String, Object> document = submission();
		List<Object> knowledge = list(document, "projects[0].tasks[0].steps[0].skills[0].knowledge");
		for (int i = 0; i < limit; i++) {
			knowledge.add(Map.of("name", "知识点 " + i));
		}

		assertOnlyProblem(document, "", TOO_LARGE, String.valueOf(limit));
	}

	// --- every problem at once, and GraphQL ----------------------------------------------------------------

	@Test
	void everyProblemOfADocumentIsReportedAtOnce() {
		Map<String, Object> document = submission();
		document.put("jobId", "t-no-such-job");
		object(document, "projects[0]").remove("name");
		object(document, "projects[0].tasks[0]").put("importance", 9);
		object(document, "projects[0].tasks[0].steps[0].skills[0]").put("level", "GURU");
		object(document, "projects[0].tasks[0].steps[1].skills[1]").put("id", "t-sk-unknown");
		object(document, "projects[1].tasks[0]").put("priority", 1);
		object(document, "projects[1].tasks[0].steps[0]").put("id", "torque");

		List<Problem> problems = rejected(document);

		assertThat(problems).extracting(Problem::path, Problem::code).containsExactlyInAnyOrder(
				tuple("jobId", UNKNOWN_REFERENCE),
				tuple("projects[0].name", REQUIRED),
				tuple("projects[0].tasks[0].importance", INVALID_VALUE),
				tuple("projects[0].tasks[0].steps[0].skills[0].level", INVALID_VALUE),
				tuple("projects[0].tasks[0].steps[1].skills[1].id", UNKNOWN_REFERENCE),
				tuple("projects[1].tasks[0].priority", UNKNOWN_FIELD),
				tuple("projects[1].tasks[0].steps[0].id", DUPLICATE_ID));
	}

	@Test
	void submitWorkTasksReturnsTheProblemsInItsPayloadAndWritesNothing() {
		Map<String, Object> document = submission();
		list(document, LAST_SKILL + ".knowledge").set(0, Map.of("id", "t-kn-nowhere"));
		List<String> before = fingerprint();

		graphQlTester.document("""
				mutation submit($input: SubmitWorkTasksInput!) {
				  submitWorkTasks(input: $input) { outcome submission { id } errors { path code message } }
				}
				""")
			.variable("input", document)
			.execute()
			.path("submitWorkTasks.outcome").valueIsNull()
			.path("submitWorkTasks.submission").valueIsNull()
			.path("submitWorkTasks.errors").entityList(Object.class).hasSize(1)
			.path("submitWorkTasks.errors[0].path").entity(String.class).isEqualTo(LAST_SKILL + ".knowledge[0].id")
			.path("submitWorkTasks.errors[0].code").entity(String.class).isEqualTo("UNKNOWN_REFERENCE")
			.path("submitWorkTasks.errors[0].message").entity(String.class).satisfies(m -> assertThat(m).contains("t-kn-nowhere"));
		assertThat(fingerprint()).isEqualTo(before);
	}

	// --- helpers -------------------------------------------------------------------------------------------

	private Map<String, Object> submission() {
		return document("submission-a.json");
	}

	/** A document of enterprise B for the EV technician job: one task whose steps list these skills. */
	private static Map<String, Object> singleTaskDocument(List<?>... skillsOfSteps) {
		List<Object> steps = new ArrayList<>();
		for (int i = 0; i < skillsOfSteps.length; i++) {
			steps.add(Map.of("name", "步骤 " + (i + 1), "skills", skillsOfSteps[i]));
		}
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("enterprise", Map.of("id", "t-ent-b", "name", "乙汽车服务公司"));
		document.put("jobId", "t-ev-technician");
		document.put("projects", List.of(Map.of("name", "高压系统检修",
				"tasks", List.of(Map.of("name", "绝缘故障排查", "steps", steps)))));
		return document;
	}

	private static Map<String, Object> singleSkillDocument(Map<String, Object> skill) {
		return singleTaskDocument(List.of(skill));
	}

	/** Submits a document that must be rejected, checks that the graph is unchanged, and returns the problems. */
	private List<Problem> rejected(Object document) {
		List<String> before = fingerprint();
		Throwable thrown = catchThrowable(() -> submissions.submit(document));
		assertThat(thrown).isInstanceOf(InvalidDocumentException.class);
		assertThat(fingerprint()).as("graph after the rejected document").isEqualTo(before);
		return new ArrayList<>(((InvalidDocumentException) thrown).problems());
	}

	/** Asserts the document is rejected with exactly one problem, at this path, of this code, naming {@code mention}. */
	private Problem assertOnlyProblem(Object document, String path, ProblemCode code, String mention) {
		List<Problem> problems = rejected(document);
		assertThat(problems).extracting(Problem::path, Problem::code).containsExactly(tuple(path, code));
		assertThat(problems.get(0).message()).contains(mention);
		return problems.get(0);
	}

	private static Problem onlyProblem(Throwable thrown) {
		assertThat(thrown).isInstanceOf(InvalidDocumentException.class);
		List<Problem> problems = ((InvalidDocumentException) thrown).problems();
		assertThat(problems).hasSize(1);
		return problems.get(0);
	}

	private static Problem problem(List<Problem> problems, String path) {
		return problems.stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow();
	}

	/** A JSON object of exactly {@code size} bytes: {"notes":"xxx…"}. */
	private static byte[] padded(int size) {
		String prefix = "{\"notes\":\"";
		String suffix = "\"}";
		return (prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix).getBytes(StandardCharsets.UTF_8);
	}
}
