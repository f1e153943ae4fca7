package org.abilitymap.standards;

import java.util.List;
import java.util.Map;

import org.abilitymap.alignment.AlignmentFixture;
import org.abilitymap.imports.DocumentImport;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.PatientGraphQl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.abilitymap.alignment.AlignmentFixture.ENTERPRISE_1;
import static org.abilitymap.alignment.AlignmentFixture.ENTERPRISE_2;
import static org.abilitymap.alignment.AlignmentFixture.INDUSTRY_BODY;
import static org.abilitymap.alignment.AlignmentFixture.JOB_A;
import static org.abilitymap.alignment.AlignmentFixture.JOB_C;
import static org.abilitymap.alignment.AlignmentFixture.PROGRAMME;
import static org.abilitymap.alignment.AlignmentFixture.SCHOOL;
import static org.abilitymap.alignment.AlignmentFixture.submissionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Job competency standards through GraphQL: only the latest approved version of each enterprise counts, explicit
 * requirements override and can be removed, coverage follows them, teaching levels meet required levels by rank,
 * and bad references are reported with their paths while nothing is written.
 */
class JobStandardsTest extends GraphTestSupport {

	private static final String LINE = "point { id } level importance essential enterpriseCount enterprises source setBy "
			+ "note derived { level importance essential }";

	private static final String STANDARD = "query standard($jobId: ID!) { jobStandard(jobId: $jobId) { " + LINE + " } }";

	private static final String APPROVE = """
			mutation approve($input: ApproveSubmissionInput!) {
			  approveSubmission(input: $input) { submission { id status } errors { path code message } }
			}
			""";

	private static final String SET = """
			mutation set($input: SetJobRequirementInput!) {
			  setJobRequirement(input: $input) { standard { %s } errors { path code message } }
			}
			""".formatted(LINE);

	private static final String REMOVE = """
			mutation remove($input: RemoveJobRequirementInput!) {
			  removeJobRequirement(input: $input) { removed standard { %s } }
			}
			""".formatted(LINE);

	private static final String COVERAGE = """
			query coverage($programId: ID!) {
			  coverage(programId: $programId) {
			    overall { required covered requiredWeight coveredWeight }
			    byJob { job { id } share { required covered requiredWeight coveredWeight } }
			  }
			  gaps(programId: $programId) { point { id } kind requiredLevel taughtLevel importance jobs { id } closestCourse { id } }
			}
			""";

	/** Enterprise 1's approved version 1 for job A alone (n = 1): every point it names, all essential. */
	private static final List<Line> ENTERPRISE_1_V1 = List.of(
			derived("al-sk-b", "PRACTISED", 5, true, 1, 1),
			derived("al-sk-a", "MASTERED", 5, true, 1, 1),
			derived("al-kn-a", "MASTERED", 5, true, 1, 1),
			derived("al-kn-c", "AWARE", 3, true, 1, 1),
			derived("al-sk-c", "AWARE", 3, true, 1, 1),
			derived("al-sk-e", "AWARE", 3, true, 1, 1));

	@Autowired
	private DocumentImport imports;

	private AlignmentFixture fixture;

	@BeforeEach
	void catalogueAndTwoUnapprovedSubmissionsForJobA() {
		graphQlTester = PatientGraphQl.of(graphQlTester);
		fixture = new AlignmentFixture(imports, json, graphQlTester);
		fixture.loadCatalogues();
		fixture.importDocument("submission-ent1-job-a.json");
		fixture.importDocument("submission-ent2-job-a.json");
	}

	// --- which submissions count ---------------------------------------------------------------------------

	@Test
	void onlyApprovedSubmissionsCount() {
		assertThat(standard(JOB_A)).isEmpty();

		fixture.approve(submissionId(ENTERPRISE_1, JOB_A, 1));

		assertThat(standard(JOB_A)).containsExactlyElementsOf(ENTERPRISE_1_V1);

		fixture.approve(submissionId(ENTERPRISE_2, JOB_A, 1));

		// n = 2 now; sk-a and kn-a are needed by both, sk-d and kn-d come with enterprise 2
		assertThat(standard(JOB_A)).hasSize(8)
			.contains(derived("al-sk-a", "MASTERED", 5, true, 2, 2), derived("al-sk-d", "MASTERED", 2, true, 1, 2))
			.allSatisfy(line -> assertThat(line.enterprises()).isEqualTo(2));
	}

	@Test
	void aNewerUnapprovedVersionDoesNotChangeTheStandardUntilItIsApproved() {
		fixture.approve(submissionId(ENTERPRISE_1, JOB_A, 1));
		Map<String, Object> v2 = fixture.document("submission-ent1-job-a.json");
		Map<String, Object> module = task(v2, 0);
		module.put("importance", 4);
		skills(module).get(1).put("level", "MASTERED"); // sk-b
		skills(task(v2, 1)).remove(1); // sk-e is no longer needed
		assertThat(imports.importDocument(v2).summary()).startsWith("NEW_VERSION " + submissionId(ENTERPRISE_1, JOB_A, 2));

		assertThat(standard(JOB_A)).as("v2 submitted, not approved").containsExactlyElementsOf(ENTERPRISE_1_V1);

		fixture.approve(submissionId(ENTERPRISE_1, JOB_A, 2));

		List<Line> v2Standard = List.of(
				derived("al-sk-b", "MASTERED", 4, true, 1, 1),
				derived("al-sk-a", "MASTERED", 4, true, 1, 1),
				derived("al-kn-a", "MASTERED", 4, true, 1, 1),
				derived("al-kn-c", "AWARE", 3, true, 1, 1),
				derived("al-sk-c", "AWARE", 3, true, 1, 1));
		assertThat(standard(JOB_A)).containsExactlyElementsOf(v2Standard);

		fixture.approve(submissionId(ENTERPRISE_1, JOB_A, 1));

		assertThat(standard(JOB_A)).as("approving v1 again: v2 is still the latest approved").containsExactlyElementsOf(v2Standard);
	}

	// --- explicit requirements -----------------------------------------------------------------------------

	@Test
	void anExplicitRequirementOverridesTheDerivedLineAndSaysWhatItReplaced() {
		approveBoth();
		List<Line> derivedStandard = standard(JOB_A);

		List<Line> standard = setRequirement(JOB_A, "al-sk-b", "MASTERED", 2, false, "行业标准：须熟练掌握扭矩扳手")
			.path("setJobRequirement.errors").entityList(Object.class).hasSize(0)
			.path("setJobRequirement.standard").entityList(Line.class).get();

		Line explicit = new Line(new Ref("al-sk-b"), "MASTERED", 2, false, 1, 2, "EXPLICIT", INDUSTRY_BODY,
				"行业标准：须熟练掌握扭矩扳手", new Derived("PRACTISED", 5, true));
		// no longer essential, so it sorts last; every other line is as derived
		assertThat(standard).hasSize(8).last().isEqualTo(explicit);
		assertThat(standard.subList(0, 7)).containsExactlyElementsOf(
				derivedStandard.stream().filter(l -> !l.point().id().equals("al-sk-b")).toList());
		assertThat(standard(JOB_A)).isEqualTo(standard);

		fixture.approve(submissionId(ENTERPRISE_1, JOB_A, 1)); // rebuilds the standard

		assertThat(standard(JOB_A)).as("after a rebuild").isEqualTo(standard);
	}

	@Test
	void anExplicitRequirementCanAddAPointTheSubmissionsDoNotName() {
		approveBoth();
		fixture.importDocument("submission-ent3-job-c.json"); // creates al-kn-g; not approved, not for job A

		List<Line> standard = setRequirement(JOB_A, "al-kn-g", "AWARE", 1, true, null)
			.path("setJobRequirement.errors").entityList(Object.class).hasSize(0)
			.path("setJobRequirement.standard").entityList(Line.class).get();

		// needed by no enterprise, and nothing derived to replace; the job still has 2 approving enterprises
		assertThat(standard).hasSize(9)
			.contains(new Line(new Ref("al-kn-g"), "AWARE", 1, true, 0, 2, "EXPLICIT", INDUSTRY_BODY, null, null));
	}

	@Test
	void removingAnExplicitRequirementRestoresTheDerivedLine() {
		approveBoth();
		fixture.importDocument("submission-ent3-job-c.json");
		List<Line> derivedStandard = standard(JOB_A);
		setRequirement(JOB_A, "al-sk-b", "MASTERED", 2, false, "临时");
		setRequirement(JOB_A, "al-kn-g", "AWARE", 1, true, null);

		GraphQlTester.Response removed = remove(JOB_A, "al-sk-b");

		removed.path("removeJobRequirement.removed").entity(Boolean.class).isEqualTo(true);
		assertThat(removed.path("removeJobRequirement.standard").entityList(Line.class).get()).hasSize(9)
			.contains(derived("al-sk-b", "PRACTISED", 5, true, 1, 2));

		remove(JOB_A, "al-kn-g").path("removeJobRequirement.removed").entity(Boolean.class).isEqualTo(true);

		assertThat(standard(JOB_A)).as("a point only the explicit requirement named is gone").isEqualTo(derivedStandard);
		List<String> before = fingerprint();
		GraphQlTester.Response again = remove(JOB_A, "al-sk-b");
		again.path("removeJobRequirement.removed").entity(Boolean.class).isEqualTo(false);
		assertThat(again.path("removeJobRequirement.standard").entityList(Line.class).get()).isEqualTo(derivedStandard);
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void coverageFollowsAnExplicitRequirement() {
		fixture.loadAll();
		// the fixture programme against jobs A and B: 6 of 11 points, weight 23 of 37 (see AlignmentFixtureTest)
		GraphQlTester.Response before = coverage();
		before.path("coverage.overall").entity(Counts.class).isEqualTo(new Counts(11, 6, 37, 23));
		before.path("gaps[*].point.id").entityList(String.class).doesNotContain("al-sk-b");

		setRequirement(JOB_A, "al-sk-b", "MASTERED", 2, false, null);

		// sk-b (job A only) now MASTERED with importance 2; taught REINFORCED at most, so no longer covered:
		// covered 6 - 1, required weight 37 - 5 + 2, covered weight 23 - 5
		GraphQlTester.Response after = coverage();
		after.path("coverage.overall").entity(Counts.class).isEqualTo(new Counts(11, 5, 34, 18));
		after.path("coverage.byJob[0].job.id").entity(String.class).isEqualTo(JOB_A);
		// job A: 8 points, covered 5 - 1, weight 28 - 5 + 2, covered weight 21 - 5
		after.path("coverage.byJob[0].share").entity(Counts.class).isEqualTo(new Counts(8, 4, 25, 16));
		// the closest course teaches sk-b highest: al-c-feature (REINFORCED) over al-c-core (INTRODUCED)
		assertThat(after.path("gaps").entityList(GapView.class).get()).contains(new GapView(new Ref("al-sk-b"),
				"BELOW_LEVEL", "MASTERED", "REINFORCED", 2, List.of(new Ref(JOB_A)), new Ref("al-c-feature")));

		remove(JOB_A, "al-sk-b");

		coverage().path("coverage.overall").entity(Counts.class).isEqualTo(new Counts(11, 6, 37, 23));
	}

	// --- levels --------------------------------------------------------------------------------------------

	@ParameterizedTest(name = "{0} required, {1} taught: covered {2}")
	@CsvSource({ "AWARE, INTRODUCED, true", "AWARE, REINFORCED, true", "AWARE, MASTERED, true",
			"PRACTISED, INTRODUCED, false", "PRACTISED, REINFORCED, true", "PRACTISED, MASTERED, true",
			"MASTERED, INTRODUCED, false", "MASTERED, REINFORCED, false", "MASTERED, MASTERED, true" })
	void aTeachingLevelMeetsARequiredLevelOfTheSameRankOrLower(String required, String taught, boolean covered) {
		imports.importDocument(oneCourseProgramme("al-prg-levels", JOB_C, "al-sk-level", taught));
		setRequirement(JOB_C, "al-sk-level", required, 3, true, null)
			.path("setJobRequirement.errors").entityList(Object.class).hasSize(0);

		GraphQlTester.Response response = graphQlTester.document(COVERAGE).variable("programId", "al-prg-levels").execute();

		response.path("coverage.overall").entity(Counts.class).isEqualTo(new Counts(1, covered ? 1 : 0, 3, covered ? 3 : 0));
		List<GapView> gaps = response.path("gaps").entityList(GapView.class).get();
		if (covered) {
			assertThat(gaps).isEmpty();
		}
		else {
			assertThat(gaps).containsExactly(new GapView(new Ref("al-sk-level"), "BELOW_LEVEL", required, taught, 3,
					List.of(new Ref(JOB_C)), new Ref("al-c-levels")));
		}
	}

	// --- errors --------------------------------------------------------------------------------------------

	@Test
	void approvingAnUnknownSubmissionForAnUnknownBodyNamesBothAndWritesNothing() {
		List<String> before = fingerprint();

		graphQlTester.document(APPROVE)
			.variable("input", Map.of("submissionId", "sub:nobody:nothing:v1", "industryBodyId", "ib-nowhere"))
			.execute()
			.path("approveSubmission.submission").valueIsNull()
			.path("approveSubmission.errors[*].path").entityList(String.class).containsExactly("submissionId", "industryBodyId")
			.path("approveSubmission.errors[*].code").entityList(String.class)
			.containsExactly("UNKNOWN_REFERENCE", "UNKNOWN_REFERENCE")
			.path("approveSubmission.errors[*].message").entityList(String.class)
			.satisfies(messages -> assertThat(String.join(" ", messages)).contains("sub:nobody:nothing:v1", "ib-nowhere"));
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void approvingForAnUnknownBodyLeavesTheSubmissionUnapproved() {
		List<String> before = fingerprint();

		graphQlTester.document(APPROVE)
			.variable("input", Map.of("submissionId", submissionId(ENTERPRISE_1, JOB_A, 1), "industryBodyId", "ib-nowhere"))
			.execute()
			.path("approveSubmission.errors[*].path").entityList(String.class).containsExactly("industryBodyId");
		assertThat(fingerprint()).isEqualTo(before);
		assertThat(standard(JOB_A)).isEmpty();
	}

	@Test
	void anExplicitRequirementWithUnknownReferencesAndABadImportanceIsRejectedWithEveryPath() {
		List<String> before = fingerprint();

		GraphQlTester.Response response = setRequirement("al-job-nowhere", "al-sk-nowhere", "MASTERED", 9, true, null);

		response.path("setJobRequirement.standard").entityList(Object.class).hasSize(0);
		assertThat(response.path("setJobRequirement.errors").entityList(ErrorView.class).get())
			.extracting(ErrorView::path, ErrorView::code)
			.containsExactly(tuple("jobId", "UNKNOWN_REFERENCE"), tuple("pointId", "UNKNOWN_REFERENCE"),
					tuple("importance", "INVALID_VALUE"));
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void anExplicitRequirementByAnUnknownIndustryBodyIsRejected() {
		List<String> before = fingerprint();

		GraphQlTester.Response response = graphQlTester.document(SET).variable("input", Map.of("jobId", JOB_A,
				"pointId", "al-sk-a", "level", "AWARE", "importance", 1, "essential", true, "industryBodyId", "ib-nowhere"))
			.execute();

		assertThat(response.path("setJobRequirement.errors").entityList(ErrorView.class).get())
			.extracting(ErrorView::path, ErrorView::code).containsExactly(tuple("industryBodyId", "UNKNOWN_REFERENCE"));
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void removingARequirementOfAnUnknownJobRemovesNothing() {
		List<String> before = fingerprint();

		GraphQlTester.Response response = remove("al-job-nowhere", "al-sk-a");

		response.path("removeJobRequirement.removed").entity(Boolean.class).isEqualTo(false);
		response.path("removeJobRequirement.standard").entityList(Object.class).hasSize(0);
		assertThat(fingerprint()).isEqualTo(before);
	}

	// --- helpers -------------------------------------------------------------------------------------------

	private void approveBoth() {
		fixture.approve(submissionId(ENTERPRISE_1, JOB_A, 1), submissionId(ENTERPRISE_2, JOB_A, 1));
	}

	private List<Line> standard(String jobId) {
		return graphQlTester.document(STANDARD).variable("jobId", jobId).execute()
			.path("jobStandard").entityList(Line.class).get();
	}

	private GraphQlTester.Response setRequirement(String jobId, String pointId, String level, int importance,
			boolean essential, String note) {
		Map<String, Object> input = variables("jobId", jobId, "pointId", pointId, "level", level, "importance",
				importance, "essential", essential, "industryBodyId", INDUSTRY_BODY, "note", note);
		return graphQlTester.document(SET).variable("input", input).execute();
	}

	private GraphQlTester.Response remove(String jobId, String pointId) {
		return graphQlTester.document(REMOVE).variable("input", Map.of("jobId", jobId, "pointId", pointId)).execute();
	}

	private GraphQlTester.Response coverage() {
		return graphQlTester.document(COVERAGE).variable("programId", PROGRAMME).execute();
	}

	/** A programme of the fixture's school targeting one job, with one course teaching one new skill at a level. */
	private static Map<String, Object> oneCourseProgramme(String programmeId, String jobId, String pointId, String level) {
		return Map.of(
				"school", Map.of("id", SCHOOL, "name", "示例职业技术学院"),
				"programme", Map.of("id", programmeId, "code", "460702", "name", "等级规则专业", "level",
						"HIGHER_VOCATIONAL", "targetJobIds", List.of(jobId)),
				"courses", List.of(Map.of("id", "al-c-levels", "name", "等级课程", "block", "PROFESSIONAL_CORE",
						"teaches", List.of(Map.of("pointId", pointId, "kind", "SKILL", "name", "等级测试技能",
								"level", level)))));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> task(Map<String, Object> submission, int index) {
		var project = ((List<Map<String, Object>>) submission.get("projects")).get(0);
		return ((List<Map<String, Object>>) project.get("tasks")).get(index);
	}

	/** The skills of a task's first step. */
	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> skills(Map<String, Object> task) {
		var step = ((List<Map<String, Object>>) task.get("steps")).get(0);
		return (List<Map<String, Object>>) step.get("skills");
	}

	private static Line derived(String pointId, String level, int importance, boolean essential, int enterpriseCount,
			int enterprises) {
		return new Line(new Ref(pointId), level, importance, essential, enterpriseCount, enterprises, "DERIVED", null,
				null, null);
	}

	// --- views of the GraphQL answers ----------------------------------------------------------------------

	record Ref(String id) {
	}

	record Derived(String level, int importance, boolean essential) {
	}

	record Line(Ref point, String level, int importance, boolean essential, int enterpriseCount, int enterprises,
			String source, String setBy, String note, Derived derived) {
	}

	record Counts(int required, int covered, int requiredWeight, int coveredWeight) {
	}

	record GapView(Ref point, String kind, String requiredLevel, String taughtLevel, int importance, List<Ref> jobs,
			Ref closestCourse) {
	}

	record ErrorView(String path, String code, String message) {
	}
}
