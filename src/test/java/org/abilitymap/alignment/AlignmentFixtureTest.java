package org.abilitymap.alignment;

import java.util.List;
import java.util.Map;

import org.abilitymap.imports.DocumentImport;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.PatientGraphQl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.abilitymap.alignment.AlignmentFixture.CERTIFICATE;
import static org.abilitymap.alignment.AlignmentFixture.ENTERPRISE_1;
import static org.abilitymap.alignment.AlignmentFixture.ENTERPRISE_2;
import static org.abilitymap.alignment.AlignmentFixture.ENTERPRISE_3;
import static org.abilitymap.alignment.AlignmentFixture.JOB_A;
import static org.abilitymap.alignment.AlignmentFixture.JOB_B;
import static org.abilitymap.alignment.AlignmentFixture.JOB_C;
import static org.abilitymap.alignment.AlignmentFixture.JOB_GROUP;
import static org.abilitymap.alignment.AlignmentFixture.PROGRAMME;
import static org.abilitymap.alignment.AlignmentFixture.PROGRAMME_2;
import static org.abilitymap.alignment.AlignmentFixture.submissionId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's alignment rules recomputed by hand on the small fixture of {@link AlignmentFixture}: job standards,
 * coverage against every kind of target, gaps, orphans, the curriculum matrix and trace.
 */
class AlignmentFixtureTest extends GraphTestSupport {

	/*
	 * Points (all with ids al-…): skills sk-a … sk-h and sk-5s, knowledge kn-a … kn-g and kn-ethics. The programme's
	 * courses, one per block, teach (level rank, hours):
	 *   al-c-found    PUBLIC_FOUNDATION  32 h: kn-a 2 (4), kn-d 1 (2), kn-ethics 1 (6), sk-c 1 (1)
	 *   al-c-core     PROFESSIONAL_CORE  64 h: sk-a 3 (10), sk-b 1 (4), sk-e 2 (6), kn-e 2 (3)
	 *   al-c-feature  INDUSTRY_FEATURE   48 h: kn-a 3 (2), sk-b 2 (5), sk-c 1 (2)
	 *   al-c-practice PRACTICE_TRAINING  80 h: sk-e 1 (8), kn-d 1 (5), sk-f 2 (3), sk-5s 2 (4), sk-g 3 (2)
	 */

	private static final String SHARE = "{ required covered ratio requiredWeight coveredWeight weightedRatio }";

	private static final String STANDARD = """
			query standard($jobId: ID!) {
			  jobStandard(jobId: $jobId) { point { id } level importance essential enterpriseCount enterprises source }
			}
			""";

	private static final String COVERAGE = """
			query coverage($programId: ID!, $target: AlignmentTarget) {
			  coverage(programId: $programId, target: $target) {
			    programme { id }
			    target { kind jobIds jobGroupId certificateId }
			    overall %1$s skills %1$s knowledge %1$s
			    byBlock { block share %1$s }
			    byJob { job { id } share %1$s }
			  }
			}
			""".formatted(SHARE);

	private static final String GAPS = """
			query gaps($programId: ID!, $target: AlignmentTarget) {
			  gaps(programId: $programId, target: $target) {
			    point { id } kind requiredLevel taughtLevel importance jobs { id } closestCourse { id }
			  }
			}
			""";

	private static final String ORPHANS = """
			query orphans($programId: ID!, $target: AlignmentTarget) {
			  orphans(programId: $programId, target: $target) {
			    point { id } taughtLevel courses { course { id } level hours }
			  }
			}
			""";

	private static final String TRACE = """
			query trace($pointId: ID!, $programId: ID) {
			  trace(pointId: $pointId, programId: $programId) {
			    point { id kind }
			    steps { id } tasks { id importance } projects { id } jobs { id } enterprises { id }
			    requirements { job { id } level importance essential enterpriseCount enterprises source }
			    courses { course { id } programmeName level hours }
			    textbooks { id } certificates { certificate { id } level } trainingBases { id }
			  }
			}
			""";

	@Autowired
	private DocumentImport imports;

	@BeforeEach
	void fixture() {
		graphQlTester = PatientGraphQl.of(graphQlTester);
		new AlignmentFixture(imports, json, graphQlTester).loadAll();
	}

	// --- job standards -------------------------------------------------------------------------------------

	@Test
	void jobAStandardTakesTheHighestLevelAndImportanceAndCountsOneOfTwoEnterprisesAsEssential() {
		// n = 2 (enterprises 1 and 2); essential when 2 × count ≥ 2, so every point here is essential.
		// Order: essential, importance, then name (扭 < 模 < 螺, 外观检 < 外观缺 < 绝, 高压安 < 高压连).
		assertThat(standard(JOB_A)).containsExactly(
				// sk-b: enterprise 1 only, PRACTISED, task t-module importance 5
				derived("al-sk-b", "PRACTISED", 5, true, 1, 2),
				// sk-a: MASTERED (ent 1) beats PRACTISED (ent 2); importance max(5, 2)
				derived("al-sk-a", "MASTERED", 5, true, 2, 2),
				// kn-a: recorded under sk-a, so it takes sk-a's levels: max(MASTERED, PRACTISED)
				derived("al-kn-a", "MASTERED", 5, true, 2, 2),
				// kn-c under sk-c (AWARE); task t-final has no importance, which counts 3
				derived("al-kn-c", "AWARE", 3, true, 1, 2),
				derived("al-sk-c", "AWARE", 3, true, 1, 2),
				derived("al-sk-e", "AWARE", 3, true, 1, 2),
				// kn-d under sk-d (MASTERED), task t-hv importance 2
				derived("al-kn-d", "MASTERED", 2, true, 1, 2),
				derived("al-sk-d", "MASTERED", 2, true, 1, 2));
	}

	@Test
	void jobBStandardCountsOneOfThreeEnterprisesAsOptional() {
		// n = 3; essential when 2 × count ≥ 3, i.e. count ≥ 2
		assertThat(standard(JOB_B)).containsExactly(
				// sk-e: PRACTISED (ent 1, importance 4), MASTERED (ent 2, 3), AWARE (ent 3, 1) → MASTERED, 4
				derived("al-sk-e", "MASTERED", 4, true, 3, 3),
				// kn-e: under sk-e PRACTISED (ent 1) and sk-e AWARE (ent 3) → PRACTISED, max(4, 1); 2 × 2 ≥ 3
				derived("al-kn-e", "PRACTISED", 4, true, 2, 3),
				// optional ones: 2 × 1 < 3
				derived("al-sk-a", "AWARE", 4, false, 1, 3),
				derived("al-sk-h", "AWARE", 3, false, 1, 3),
				derived("al-sk-f", "PRACTISED", 1, false, 1, 3));
	}

	@Test
	void jobCStandardWithASingleEnterprise() {
		// n = 1: everything needed by that one enterprise is essential (2 × 1 ≥ 1)
		assertThat(standard(JOB_C)).containsExactly(
				derived("al-sk-b", "MASTERED", 5, true, 1, 1),
				derived("al-kn-g", "MASTERED", 5, true, 1, 1),
				derived("al-sk-g", "MASTERED", 5, true, 1, 1));
	}

	// --- coverage ------------------------------------------------------------------------------------------

	/*
	 * The required set R of the programme's own target jobs A and B (level rank, importance), union taking the highest:
	 *   skills:    sk-a (3, 5) sk-b (2, 5) sk-c (1, 3) sk-d (3, 2) sk-e (max(1, 3) = 3, max(3, 4) = 4) sk-f (2, 1) sk-h (1, 3)
	 *   knowledge: kn-a (3, 5) kn-c (1, 3) kn-d (3, 2) kn-e (2, 4)
	 * |R| = 11, Σ importance = 23 (skills) + 14 (knowledge) = 37.
	 * Taught t(p): sk-a 3 ✓, sk-b max(1, 2) = 2 ✓, sk-c 1 ✓, sk-d 0 ✗, sk-e max(2, 1) = 2 ✗, sk-f 2 ✓, sk-h 0 ✗,
	 *              kn-a max(2, 3) = 3 ✓, kn-c 0 ✗, kn-d 1 ✗, kn-e 2 ✓.
	 */
	@Test
	void coverageOfTheProgrammesOwnTargetJobs() {
		Coverage coverage = coverage(PROGRAMME, null);

		assertThat(coverage.programme().id()).isEqualTo(PROGRAMME);
		assertThat(coverage.target()).isEqualTo(new TargetView("PROGRAMME_JOBS", null, null, null));
		// covered: sk-a 5, sk-b 5, sk-c 3, sk-f 1, kn-a 5, kn-e 4
		assertThat(coverage.overall()).isEqualTo(share(11, 6, 37, 5 + 5 + 3 + 1 + 5 + 4));
		assertThat(coverage.overall().ratio()).isEqualTo(6.0 / 11);
		assertThat(coverage.overall().weightedRatio()).isEqualTo(23.0 / 37);
		assertThat(coverage.skills()).isEqualTo(share(7, 4, 23, 5 + 5 + 3 + 1));
		assertThat(coverage.knowledge()).isEqualTo(share(4, 2, 14, 5 + 4));
		assertThat(coverage.byBlock()).containsExactly(
				// sk-c INTRODUCED meets AWARE (3); kn-a REINFORCED and kn-d INTRODUCED fall short
				block("PUBLIC_FOUNDATION", share(11, 1, 37, 3)),
				// sk-a MASTERED (5), kn-e REINFORCED (4); sk-b INTRODUCED < PRACTISED, sk-e REINFORCED < MASTERED
				block("PROFESSIONAL_CORE", share(11, 2, 37, 5 + 4)),
				// kn-a MASTERED (5), sk-b REINFORCED (5), sk-c INTRODUCED (3)
				block("INDUSTRY_FEATURE", share(11, 3, 37, 5 + 5 + 3)),
				// sk-f REINFORCED (1); sk-e, kn-d INTRODUCED fall short; sk-g is not required
				block("PRACTICE_TRAINING", share(11, 1, 37, 1)));
		// the blocks add up to 1 + 2 + 3 + 1 = 7 > 6: sk-c is covered by two blocks
		assertThat(coverage.byJob()).containsExactly(
				// A's own levels: sk-a ✓5 kn-a ✓5 sk-b ✓5 sk-c ✓3 sk-e (AWARE, taught 2) ✓3 kn-c ✗3 sk-d ✗2 kn-d ✗2
				job(JOB_A, share(8, 5, 5 + 5 + 5 + 3 + 3 + 3 + 2 + 2, 5 + 5 + 5 + 3 + 3)),
				// B's own levels: sk-e (MASTERED) ✗4 kn-e ✓4 sk-a (AWARE) ✓4 sk-h ✗3 sk-f ✓1
				job(JOB_B, share(5, 3, 4 + 4 + 4 + 3 + 1, 4 + 4 + 1)));
	}

	@Test
	void coverageAgainstChosenJobsUsesOnlyTheirStandards() {
		// R = job C: sk-g (3, 5) taught 3 ✓; kn-g (3, 5) taught 0 ✗; sk-b (3, 5) taught 2 ✗
		Coverage coverage = coverage(PROGRAMME, Map.of("jobIds", List.of(JOB_C)));

		assertThat(coverage.target()).isEqualTo(new TargetView("JOBS", List.of(JOB_C), null, null));
		assertThat(coverage.overall()).isEqualTo(share(3, 1, 15, 5));
		assertThat(coverage.skills()).isEqualTo(share(2, 1, 10, 5));
		assertThat(coverage.knowledge()).isEqualTo(share(1, 0, 5, 0));
		assertThat(coverage.byBlock()).containsExactly(block("PUBLIC_FOUNDATION", share(3, 0, 15, 0)),
				block("PROFESSIONAL_CORE", share(3, 0, 15, 0)), block("INDUSTRY_FEATURE", share(3, 0, 15, 0)),
				block("PRACTICE_TRAINING", share(3, 1, 15, 5)));
		assertThat(coverage.byJob()).containsExactly(job(JOB_C, share(3, 1, 15, 5)));
	}

	@Test
	void coverageAgainstTheJobGroupTakesAllItsJobs() {
		// R = A ∪ B ∪ C: the 11 points of A and B, plus sk-g (3, 5) ✓ and kn-g (3, 5) ✗; sk-b rises to
		// max(PRACTISED, MASTERED) = 3 with importance 5 and is no longer covered (taught 2).
		Coverage coverage = coverage(PROGRAMME, Map.of("jobGroupId", JOB_GROUP));

		assertThat(coverage.target().kind()).isEqualTo("JOB_GROUP");
		assertThat(coverage.target().jobIds()).containsExactlyInAnyOrder(JOB_A, JOB_B, JOB_C);
		assertThat(coverage.target().jobGroupId()).isEqualTo(JOB_GROUP);
		// covered: sk-a 5, sk-c 3, sk-f 1, kn-a 5, kn-e 4, sk-g 5
		assertThat(coverage.overall()).isEqualTo(share(13, 6, 37 + 5 + 5, 5 + 3 + 1 + 5 + 4 + 5));
		assertThat(coverage.skills()).isEqualTo(share(8, 4, 23 + 5, 5 + 3 + 1 + 5));
		assertThat(coverage.knowledge()).isEqualTo(share(5, 2, 14 + 5, 5 + 4));
		assertThat(coverage.byJob()).containsExactly(
				job(JOB_A, share(8, 5, 28, 21)), job(JOB_B, share(5, 3, 16, 9)), job(JOB_C, share(3, 1, 15, 5)));
	}

	@Test
	void coverageAgainstTheCertificateUsesItsAssessedLevelsAndImportance() {
		// R = what al-cert assesses: sk-a (PRACTISED, default 3) taught 3 ✓; sk-e (MASTERED, 5) taught 2 ✗;
		// kn-c (AWARE, 2) taught 0 ✗; kn-ethics (AWARE, default 3) taught 1 ✓
		Coverage coverage = coverage(PROGRAMME, Map.of("certificateId", CERTIFICATE));

		assertThat(coverage.target()).isEqualTo(new TargetView("CERTIFICATE", null, null, CERTIFICATE));
		assertThat(coverage.overall()).isEqualTo(share(4, 2, 3 + 5 + 2 + 3, 3 + 3));
		assertThat(coverage.skills()).isEqualTo(share(2, 1, 3 + 5, 3));
		assertThat(coverage.knowledge()).isEqualTo(share(2, 1, 2 + 3, 3));
		assertThat(coverage.byBlock()).containsExactly(
				block("PUBLIC_FOUNDATION", share(4, 1, 13, 3)), // kn-ethics INTRODUCED
				block("PROFESSIONAL_CORE", share(4, 1, 13, 3)), // sk-a MASTERED ≥ PRACTISED
				block("INDUSTRY_FEATURE", share(4, 0, 13, 0)),
				block("PRACTICE_TRAINING", share(4, 0, 13, 0)));
		assertThat(coverage.byJob()).isEmpty();
	}

	@Test
	void theSecondProgrammeIsMeasuredAgainstItsOwnTargetJob() {
		// job B only: sk-e ✓4 and kn-e ✓4 (MASTERED in al-c2-lab); sk-a, sk-h, sk-f not taught
		Coverage coverage = coverage(PROGRAMME_2, null);

		assertThat(coverage.overall()).isEqualTo(share(5, 2, 16, 8));
		assertThat(coverage.byJob()).containsExactly(job(JOB_B, share(5, 2, 16, 8)));
	}

	// --- gaps and orphans ----------------------------------------------------------------------------------

	@Test
	void gapsAreSortedByImportanceThenDistanceThenIdWithTheirClosestCourses() {
		assertThat(gaps(null)).containsExactly(
				// importance 4; taught REINFORCED (al-c-core) and INTRODUCED (al-c-practice): the highest is closest
				new GapView(ref("al-sk-e"), "BELOW_LEVEL", "MASTERED", "REINFORCED", 4, refs(JOB_A, JOB_B),
						ref("al-c-core")),
				// importance 3, one level short each, so by id: al-kn-c < al-sk-h.
				// kn-c's step s-check also requires sk-c (al-c-found, al-c-feature) and sk-e (al-c-core,
				// al-c-practice): one shared point each, so the most hours wins: al-c-practice (80 h)
				new GapView(ref("al-kn-c"), "NOT_TAUGHT", "AWARE", null, 3, refs(JOB_A), ref("al-c-practice")),
				// sk-h is alone in its step s-withstand: no course comes close
				new GapView(ref("al-sk-h"), "NOT_TAUGHT", "AWARE", null, 3, refs(JOB_B), null),
				// importance 2: sk-d is 3 levels short, kn-d only 2.
				// sk-d's step s-connect also requires sk-a, kn-a, kn-d: al-c-found teaches two of them (kn-a, kn-d)
				new GapView(ref("al-sk-d"), "NOT_TAUGHT", "MASTERED", null, 2, refs(JOB_A), ref("al-c-found")),
				// kn-d INTRODUCED in al-c-found (2 h) and al-c-practice (5 h): tie on level, more hours wins
				new GapView(ref("al-kn-d"), "BELOW_LEVEL", "MASTERED", "INTRODUCED", 2, refs(JOB_A),
						ref("al-c-practice")));
	}

	@Test
	void gapsAgainstTheCertificateNameNoJobs() {
		assertThat(gaps(Map.of("certificateId", CERTIFICATE))).containsExactly(
				new GapView(ref("al-sk-e"), "BELOW_LEVEL", "MASTERED", "REINFORCED", 5, List.of(), ref("al-c-core")),
				new GapView(ref("al-kn-c"), "NOT_TAUGHT", "AWARE", null, 2, List.of(), ref("al-c-practice")));
	}

	@Test
	void orphansArePointsTaughtButNotRequiredWithTheirCourses() {
		// by name: 电池管理系统诊断 < 职业道德与安全意识 < 车间5S管理
		assertThat(orphans(null)).containsExactly(
				new OrphanView(ref("al-sk-g"), "MASTERED", List.of(new OrphanCourse(ref("al-c-practice"), "MASTERED", 2.0))),
				new OrphanView(ref("al-kn-ethics"), "INTRODUCED",
						List.of(new OrphanCourse(ref("al-c-found"), "INTRODUCED", 6.0))),
				new OrphanView(ref("al-sk-5s"), "REINFORCED",
						List.of(new OrphanCourse(ref("al-c-practice"), "REINFORCED", 4.0))));
	}

	@Test
	void againstTheJobGroupTheSkillJobCRequiresIsNoLongerAnOrphan() {
		assertThat(orphans(Map.of("jobGroupId", JOB_GROUP))).extracting(o -> o.point().id())
			.containsExactly("al-kn-ethics", "al-sk-5s");
	}

	// --- curriculum matrix ---------------------------------------------------------------------------------

	@Test
	void theCurriculumMatrixHasEveryCourseTaughtOrRequiredPointAndCell() {
		GraphQlTester.Response response = graphQlTester.document("""
				query matrix($programId: ID!) {
				  curriculumMatrix(programId: $programId) {
				    programme { id }
				    courses { id block }
				    points { point { id } requiredLevel importance }
				    cells { courseId pointId level hours }
				  }
				}
				""").variable("programId", PROGRAMME).execute();

		response.path("curriculumMatrix.programme.id").entity(String.class).isEqualTo(PROGRAMME);
		response.path("curriculumMatrix.courses[*].id").entityList(String.class)
			.containsExactly("al-c-found", "al-c-core", "al-c-feature", "al-c-practice");
		response.path("curriculumMatrix.courses[*].block").entityList(String.class)
			.containsExactly("PUBLIC_FOUNDATION", "PROFESSIONAL_CORE", "INDUSTRY_FEATURE", "PRACTICE_TRAINING");
		// skills then knowledge, each by name; untaught required points (sk-h, sk-d, kn-c) included, orphans with
		// no required level and importance 0
		assertThat(response.path("curriculumMatrix.points").entityList(MatrixColumn.class).get()).containsExactly(
				column("al-sk-c", "AWARE", 3), // 外观缺陷识别
				column("al-sk-b", "PRACTISED", 5), // 扭矩扳手使用
				column("al-sk-f", "PRACTISED", 1), // 检测数据记录
				column("al-sk-a", "MASTERED", 5), // 模组紧固
				column("al-sk-g", null, 0), // 电池管理系统诊断 (job C only)
				column("al-sk-e", "MASTERED", 4), // 绝缘电阻检测
				column("al-sk-h", "AWARE", 3), // 耐压测试仪操作
				column("al-sk-5s", null, 0), // 车间5S管理
				column("al-sk-d", "MASTERED", 2), // 高压连接器装配
				column("al-kn-c", "AWARE", 3), // 外观检验标准
				column("al-kn-e", "PRACTISED", 4), // 绝缘电阻限值
				column("al-kn-ethics", null, 0), // 职业道德与安全意识
				column("al-kn-a", "MASTERED", 5), // 螺栓扭矩规范
				column("al-kn-d", "MASTERED", 2)); // 高压安全规程
		assertThat(response.path("curriculumMatrix.cells").entityList(Cell.class).get()).containsExactly(
				new Cell("al-c-found", "al-kn-a", "REINFORCED", 4.0),
				new Cell("al-c-found", "al-kn-d", "INTRODUCED", 2.0),
				new Cell("al-c-found", "al-kn-ethics", "INTRODUCED", 6.0),
				new Cell("al-c-found", "al-sk-c", "INTRODUCED", 1.0),
				new Cell("al-c-core", "al-sk-a", "MASTERED", 10.0),
				new Cell("al-c-core", "al-sk-b", "INTRODUCED", 4.0),
				new Cell("al-c-core", "al-sk-e", "REINFORCED", 6.0),
				new Cell("al-c-core", "al-kn-e", "REINFORCED", 3.0),
				new Cell("al-c-feature", "al-kn-a", "MASTERED", 2.0),
				new Cell("al-c-feature", "al-sk-b", "REINFORCED", 5.0),
				new Cell("al-c-feature", "al-sk-c", "INTRODUCED", 2.0),
				new Cell("al-c-practice", "al-sk-e", "INTRODUCED", 8.0),
				new Cell("al-c-practice", "al-kn-d", "INTRODUCED", 5.0),
				new Cell("al-c-practice", "al-sk-f", "REINFORCED", 3.0),
				new Cell("al-c-practice", "al-sk-5s", "REINFORCED", 4.0),
				new Cell("al-c-practice", "al-sk-g", "MASTERED", 2.0));
	}

	// --- trace ---------------------------------------------------------------------------------------------

	@Test
	void traceOfAPointReachesWorkStandardsAndEverythingThatTeachesOrAssessesIt() {
		GraphQlTester.Response response = trace("al-sk-e", null);

		response.path("trace.point.kind").entity(String.class).isEqualTo("SKILL");
		assertThat(ids(response, "trace.steps")).containsExactlyInAnyOrder(
				node(ENTERPRISE_1, JOB_A, "s-check"), node(ENTERPRISE_1, JOB_B, "s-measure"),
				node(ENTERPRISE_2, JOB_B, "s-insulation"), node(ENTERPRISE_3, JOB_B, "s-record"));
		assertThat(response.path("trace.tasks").entityList(TaskView.class).get()).containsExactlyInAnyOrder(
				new TaskView(node(ENTERPRISE_1, JOB_A, "t-final"), null),
				new TaskView(node(ENTERPRISE_1, JOB_B, "t-insulation"), 4),
				new TaskView(node(ENTERPRISE_2, JOB_B, "t-eol"), 3),
				new TaskView(node(ENTERPRISE_3, JOB_B, "t-record"), 1));
		assertThat(ids(response, "trace.projects")).containsExactlyInAnyOrder(node(ENTERPRISE_1, JOB_A, "pack"),
				node(ENTERPRISE_1, JOB_B, "test"), node(ENTERPRISE_2, JOB_B, "eol"), node(ENTERPRISE_3, JOB_B, "lab"));
		assertThat(ids(response, "trace.jobs")).containsExactly(JOB_A, JOB_B);
		assertThat(ids(response, "trace.enterprises")).containsExactly(ENTERPRISE_1, ENTERPRISE_2, ENTERPRISE_3);
		assertThat(response.path("trace.requirements").entityList(TracedRequirement.class).get()).containsExactly(
				new TracedRequirement(ref(JOB_A), "AWARE", 3, true, 1, 2, "DERIVED"),
				new TracedRequirement(ref(JOB_B), "MASTERED", 4, true, 3, 3, "DERIVED"));
		// both programmes' courses, by programme id then position
		assertThat(response.path("trace.courses").entityList(TracedCourse.class).get()).containsExactly(
				new TracedCourse(ref("al-c-core"), "新能源汽车技术", "REINFORCED", 6.0),
				new TracedCourse(ref("al-c-practice"), "新能源汽车技术", "INTRODUCED", 8.0),
				new TracedCourse(ref("al-c2-lab"), "储能材料技术", "MASTERED", 12.0));
		assertThat(ids(response, "trace.textbooks")).containsExactly("al-tb");
		assertThat(response.path("trace.certificates").entityList(TracedCertificate.class).get())
			.containsExactly(new TracedCertificate(ref(CERTIFICATE), "MASTERED"));
		assertThat(ids(response, "trace.trainingBases")).containsExactly("al-base");
	}

	@Test
	void traceWithAProgrammeKeepsItsCoursesAndItsTargetJobsRequirementsOnly() {
		GraphQlTester.Response response = trace("al-sk-e", PROGRAMME_2);

		// the work side is the same
		assertThat(ids(response, "trace.steps")).hasSize(4);
		assertThat(ids(response, "trace.jobs")).containsExactly(JOB_A, JOB_B);
		// programme 2 targets job B only, and teaches sk-e in al-c2-lab only
		assertThat(response.path("trace.requirements").entityList(TracedRequirement.class).get())
			.containsExactly(new TracedRequirement(ref(JOB_B), "MASTERED", 4, true, 3, 3, "DERIVED"));
		assertThat(response.path("trace.courses").entityList(TracedCourse.class).get())
			.containsExactly(new TracedCourse(ref("al-c2-lab"), "储能材料技术", "MASTERED", 12.0));
		assertThat(ids(response, "trace.textbooks")).containsExactly("al-tb");
		assertThat(ids(response, "trace.trainingBases")).containsExactly("al-base");
	}

	@Test
	void traceOfAnOrphanHasNoWorkButItsCourse() {
		GraphQlTester.Response response = trace("al-kn-ethics", PROGRAMME);

		response.path("trace.point.kind").entity(String.class).isEqualTo("KNOWLEDGE");
		assertThat(ids(response, "trace.steps")).isEmpty();
		response.path("trace.requirements").entityList(Object.class).hasSize(0);
		assertThat(response.path("trace.courses").entityList(TracedCourse.class).get())
			.containsExactly(new TracedCourse(ref("al-c-found"), "新能源汽车技术", "INTRODUCED", 6.0));
		assertThat(response.path("trace.certificates").entityList(TracedCertificate.class).get())
			.containsExactly(new TracedCertificate(ref(CERTIFICATE), "AWARE"));
	}

	// --- helpers -------------------------------------------------------------------------------------------

	private List<Line> standard(String jobId) {
		return graphQlTester.document(STANDARD).variable("jobId", jobId).execute()
			.path("jobStandard").entityList(Line.class).get();
	}

	private Coverage coverage(String programId, Map<String, Object> target) {
		return graphQlTester.document(COVERAGE).variable("programId", programId).variable("target", target).execute()
			.path("coverage").entity(Coverage.class).get();
	}

	private List<GapView> gaps(Map<String, Object> target) {
		return graphQlTester.document(GAPS).variable("programId", PROGRAMME).variable("target", target).execute()
			.path("gaps").entityList(GapView.class).get();
	}

	private List<OrphanView> orphans(Map<String, Object> target) {
		return graphQlTester.document(ORPHANS).variable("programId", PROGRAMME).variable("target", target).execute()
			.path("orphans").entityList(OrphanView.class).get();
	}

	private GraphQlTester.Response trace(String pointId, String programId) {
		return graphQlTester.document(TRACE).variable("pointId", pointId).variable("programId", programId).execute();
	}

	private static List<String> ids(GraphQlTester.Response response, String path) {
		return response.path(path + "[*].id").entityList(String.class).get();
	}

	/** The id of a project, task or step with a document id in an enterprise's version 1 for a job. */
	private static String node(String enterpriseId, String jobId, String localId) {
		return submissionId(enterpriseId, jobId, 1) + "/id:" + localId;
	}

	private static Line derived(String pointId, String level, int importance, boolean essential, int enterpriseCount,
			int enterprises) {
		return new Line(ref(pointId), level, importance, essential, enterpriseCount, enterprises, "DERIVED");
	}

	/** A share with its ratios: covered / required and coveredWeight / requiredWeight. */
	private static ShareView share(int required, int covered, int requiredWeight, int coveredWeight) {
		return new ShareView(required, covered, (double) covered / required, requiredWeight, coveredWeight,
				(double) coveredWeight / requiredWeight);
	}

	private static BlockView block(String block, ShareView share) {
		return new BlockView(block, share);
	}

	private static JobView job(String jobId, ShareView share) {
		return new JobView(ref(jobId), share);
	}

	private static MatrixColumn column(String pointId, String requiredLevel, int importance) {
		return new MatrixColumn(ref(pointId), requiredLevel, importance);
	}

	private static Ref ref(String id) {
		return new Ref(id);
	}

	private static List<Ref> refs(String... ids) {
		return java.util.Arrays.stream(ids).map(Ref::new).toList();
	}

	// --- views of the GraphQL answers ----------------------------------------------------------------------

	record Ref(String id) {
	}

	record Line(Ref point, String level, int importance, boolean essential, int enterpriseCount, int enterprises,
			String source) {
	}

	record ShareView(int required, int covered, double ratio, int requiredWeight, int coveredWeight,
			double weightedRatio) {
	}

	record BlockView(String block, ShareView share) {
	}

	record JobView(Ref job, ShareView share) {
	}

	record TargetView(String kind, List<String> jobIds, String jobGroupId, String certificateId) {
	}

	record Coverage(Ref programme, TargetView target, ShareView overall, ShareView skills, ShareView knowledge,
			List<BlockView> byBlock, List<JobView> byJob) {
	}

	record GapView(Ref point, String kind, String requiredLevel, String taughtLevel, int importance, List<Ref> jobs,
			Ref closestCourse) {
	}

	record OrphanCourse(Ref course, String level, Double hours) {
	}

	record OrphanView(Ref point, String taughtLevel, List<OrphanCourse> courses) {
	}

	record MatrixColumn(Ref point, String requiredLevel, int importance) {
	}

	record Cell(String courseId, String pointId, String level, Double hours) {
	}

	record TaskView(String id, Integer importance) {
	}

	record TracedRequirement(Ref job, String level, int importance, boolean essential, int enterpriseCount,
			int enterprises, String source) {
	}

	record TracedCourse(Ref course, String programmeName, String level, Double hours) {
	}

	record TracedCertificate(Ref certificate, String level) {
	}
}
