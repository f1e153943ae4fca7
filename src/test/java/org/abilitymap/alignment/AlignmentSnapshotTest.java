package org.abilitymap.alignment;

import java.util.List;
import java.util.Map;

import org.abilitymap.alignment.Alignment.ProgrammeAlignment;
import org.abilitymap.imports.DocumentImport;
import org.abilitymap.jobs.ProficiencyLevel;
import org.abilitymap.standards.JobStandards;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.PatientGraphQl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.abilitymap.alignment.AlignmentFixture.INDUSTRY_BODY;
import static org.abilitymap.alignment.AlignmentFixture.JOB_A;
import static org.abilitymap.alignment.AlignmentFixture.JOB_B;
import static org.abilitymap.alignment.AlignmentFixture.PROGRAMME;
import static org.abilitymap.alignment.AlignmentFixture.PROGRAMME_2;
import static org.abilitymap.support.DocumentPaths.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored alignment snapshots: computed on the first ask, equal to the live queries' answer, read in one
 * transaction together with the gaps, and dropped by exactly the writes that change what they were computed from.
 */
class AlignmentSnapshotTest extends GraphTestSupport {

	private static final String COVERAGE_AND_GAPS = """
			query($id: ID!) {
			  coverage(programId: $id) { overall { required covered } byJob { job { id } share { covered } } }
			  gaps(programId: $id) { point { id } kind closestCourse { id } }
			}
			""";

	@Autowired
	private DocumentImport imports;

	@Autowired
	private Alignment alignment;

	@Autowired
	private JobStandards standards;

	private AlignmentFixture fixture;

	@BeforeEach
	void fixture() {
		graphQlTester = PatientGraphQl.of(graphQlTester);
		fixture = new AlignmentFixture(imports, json, graphQlTester);
		fixture.loadAll();
	}

	@Test
	void theFirstAskStoresASnapshotThatAnswersLikeTheLiveQueries() {
		assertThat(stored(PROGRAMME)).isFalse();

		ProgrammeAlignment first = ask(PROGRAMME);

		assertThat(stored(PROGRAMME)).isTrue();
		assertThat(stored(PROGRAMME_2)).isFalse();
		assertMatchesLive(PROGRAMME);
		assertThat(ask(PROGRAMME)).isEqualTo(first);
		// the hand-computed figures of AlignmentFixtureTest
		assertThat(first.coverage().overall()).isEqualTo(new Share(11, 6, 37, 23));
	}

	@Test
	void coverageAndGapsOfAStoredSnapshotCostOneReadTransactionThroughGraphQl() {
		long before = graph.transactionCount();
		var cold = graphQlTester.document(COVERAGE_AND_GAPS).variable("id", PROGRAMME).execute();
		long coldTransactions = graph.transactionCount() - before;

		before = graph.transactionCount();
		var warm = graphQlTester.document(COVERAGE_AND_GAPS).variable("id", PROGRAMME).execute();
		long warmTransactions = graph.transactionCount() - before;

		assertThat(coldTransactions).as("read, then compute, store and read").isEqualTo(2);
		assertThat(warmTransactions).isEqualTo(1);
		ProgrammeAlignment expected = ask(PROGRAMME);
		warm.path("coverage.overall.required").entity(Integer.class).isEqualTo(expected.coverage().overall().required());
		warm.path("gaps[*].point.id").entityList(String.class)
			.containsExactly(expected.gaps().stream().map(g -> g.point().id()).toArray(String[]::new));
		assertThat(cold.path("gaps").entityList(Object.class).get())
			.isEqualTo(warm.path("gaps").entityList(Object.class).get());

		before = graph.transactionCount();
		graphQlTester.document(COVERAGE_AND_GAPS).variable("id", "no-such-programme").execute()
			.path("coverage").valueIsNull()
			.path("gaps").entityList(Object.class).hasSize(0);
		assertThat(graph.transactionCount() - before).isEqualTo(1);
	}

	@Test
	void aChangedStandardDropsTheSnapshotsOfTheProgrammesTargetingThatJobOnly() {
		ProgrammeAlignment before = ask(PROGRAMME);
		ask(PROGRAMME_2);
		String point = pointNotRequiredBy(JOB_A);

		// al-prg targets jobs A and B, al-prg-2 job B only
		standards.setRequirement(JOB_A, point, ProficiencyLevel.MASTERED, 5, true, INDUSTRY_BODY, "snapshot test");

		assertThat(stored(PROGRAMME)).isFalse();
		assertThat(stored(PROGRAMME_2)).isTrue();
		ProgrammeAlignment after = ask(PROGRAMME);
		assertThat(after.coverage().overall().required()).isEqualTo(before.coverage().overall().required() + 1);
		assertMatchesLive(PROGRAMME);

		standards.removeRequirement(JOB_A, point);
		assertThat(stored(PROGRAMME)).isFalse();
		assertThat(ask(PROGRAMME)).isEqualTo(before);
	}

	@Test
	void aNewSubmissionVersionForATargetJobDropsTheSnapshots() {
		ask(PROGRAMME);
		ask(PROGRAMME_2);
		Map<String, Object> next = fixture.document("submission-ent1-job-b.json");
		object(next, "projects[0].tasks[0].steps[0]").put("name", "测量绝缘电阻并记录");

		assertThat(imports.importDocument(next).summary()).startsWith("NEW_VERSION");

		// the closest course of a never-taught gap follows the target jobs' current submissions
		assertThat(stored(PROGRAMME)).isFalse();
		assertThat(stored(PROGRAMME_2)).isFalse();
		assertMatchesLive(PROGRAMME);
		assertMatchesLive(PROGRAMME_2);
	}

	@Test
	void aSavedProgrammeDropsItsOwnSnapshotOnly() {
		ProgrammeAlignment before = ask(PROGRAMME_2);
		ask(PROGRAMME);
		Map<String, Object> edited = fixture.document("programme-2.json");
		object(edited, "courses[0].teaches[1]").put("level", "INTRODUCED");

		imports.importDocument(edited);

		assertThat(stored(PROGRAMME_2)).isFalse();
		assertThat(stored(PROGRAMME)).isTrue();
		ProgrammeAlignment after = ask(PROGRAMME_2);
		assertThat(after).isNotEqualTo(before);
		assertMatchesLive(PROGRAMME_2);
	}

	@Test
	void aRejectedWriteLeavesTheSnapshotInPlace() {
		ask(PROGRAMME);
		Map<String, Object> bad = fixture.document("programme.json");
		object(bad, "programme").put("targetJobIds", List.of(JOB_A, "no-such-job"));

		try {
			imports.importDocument(bad);
		}
		catch (org.abilitymap.documents.InvalidDocumentException expected) {
			assertThat(expected.problems()).isNotEmpty();
		}

		assertThat(stored(PROGRAMME)).isTrue();
		assertMatchesLive(PROGRAMME);
	}

	@Test
	void aSnapshotWhosePointsAreNoLongerAtTheirElementIdsIsComputedAgain() {
		ProgrammeAlignment before = ask(PROGRAMME);
		// as after a restore into another database: element ids differ, ids do not
		graph.write(tx -> tx.run("""
				MATCH (:Programme {id: $id})-[:HAS_ALIGNMENT]->()-[:HAS_GAP]->(g:AlignmentGap)
				WITH g ORDER BY g.rank LIMIT 1
				SET g.pointElementId = 'not-an-element-id'
				""", Map.of("id", PROGRAMME)).consume());

		assertThat(ask(PROGRAMME)).isEqualTo(before);
		long transactions = graph.transactionCount();
		assertThat(ask(PROGRAMME)).isEqualTo(before);
		assertThat(graph.transactionCount() - transactions).as("stored whole again: one read").isEqualTo(1);
		assertMatchesLive(PROGRAMME);
	}

	private ProgrammeAlignment ask(String programmeId) {
		return alignment.ofProgrammes(List.of(programmeId)).get(programmeId);
	}

	private void assertMatchesLive(String programmeId) {
		Alignment.Request request = new Alignment.Request(programmeId, Target.PROGRAMME_JOBS);
		ProgrammeAlignment stored = ask(programmeId);
		assertThat(stored.coverage()).isEqualTo(alignment.computeCoverage(List.of(request)).get(0));
		assertThat(stored.gaps()).isEqualTo(alignment.computeGaps(request));
	}

	private boolean stored(String programmeId) {
		return graph.read(tx -> tx.run("""
				RETURN EXISTS { (:Programme {id: $id})-[:HAS_ALIGNMENT]->(:AlignmentSnapshot) } AS stored
				""", Map.of("id", programmeId)).single().get("stored").asBoolean());
	}

	private String pointNotRequiredBy(String jobId) {
		return graph.read(tx -> tx.run("""
				MATCH (p:SkillPoint) WHERE NOT EXISTS { (:Job {id: $jobId})-[:REQUIRES_POINT]->(p) }
				RETURN p.id AS id ORDER BY id LIMIT 1
				""", Map.of("jobId", jobId)).single().get("id").asString());
	}
}
