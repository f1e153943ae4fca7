package org.abilitymap.curriculum;

import java.util.List;
import java.util.Map;

import org.abilitymap.alignment.AlignmentFixture;
import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Part-by-part programme edits through GraphQL: each becomes the programme's next version, validated as a whole. */
class ProgrammeEditsTest extends GraphTestSupport {

	private static final String PROGRAMME = AlignmentFixture.PROGRAMME;

	@BeforeEach
	void fixture() {
		new AlignmentFixture(jobDocuments, json, graphQlTester).loadAll();
	}

	@Test
	void aCourseIsAddedReplacedAndRemovedEachAsANewVersion() {
		graphQlTester.document("""
				mutation { saveCourse(input: {programmeId: "%s", course: {id: "al-c-new", name: "新课程",
				  block: INDUSTRY_FEATURE, hours: 16, teaches: [{pointId: "al-kn-a", level: MASTERED, hours: 4}]}}) {
				  outcome programme { version courses { id } } errors { path } } }
				""".formatted(PROGRAMME))
			.execute()
			.path("saveCourse.outcome").entity(String.class).isEqualTo("NEW_VERSION")
			.path("saveCourse.programme.version").entity(Integer.class).isEqualTo(2)
			.path("saveCourse.programme.courses[*].id").entityList(String.class).contains("al-c-new");
		assertThat(teachingLevel("al-c-new", "al-kn-a")).isEqualTo(3);

		graphQlTester.document("""
				mutation { setCourseTeaching(input: {programmeId: "%s", courseId: "al-c-new",
				  teaching: {pointId: "al-kn-a", level: INTRODUCED, hours: 2}}) { outcome programme { version } errors { path } } }
				""".formatted(PROGRAMME))
			.execute()
			.path("setCourseTeaching.programme.version").entity(Integer.class).isEqualTo(3);
		assertThat(teachingLevel("al-c-new", "al-kn-a")).isEqualTo(1);

		graphQlTester.document("""
				mutation { removeCourse(input: {programmeId: "%s", courseId: "al-c-new"}) {
				  outcome programme { version courses { id } } errors { path } } }
				""".formatted(PROGRAMME))
			.execute()
			.path("removeCourse.programme.version").entity(Integer.class).isEqualTo(4)
			.path("removeCourse.programme.courses[*].id").entityList(String.class)
			.containsExactly("al-c-found", "al-c-core", "al-c-feature", "al-c-practice");
		assertThat(count("Course")).isEqualTo(4 + courseCountOfSecondProgramme());
	}

	/** The document a revision stores, given back whole, is the programme as it stands: nothing changes. */
	@Test
	void aStoredDocumentRoundTripsThroughSaveProgramme() {
		graphQlTester.document("""
				mutation { saveCourse(input: {programmeId: "%s", course: {id: "al-c-new", name: "新课程",
				  block: INDUSTRY_FEATURE, hours: 16, teaches: [{pointId: "al-kn-a", level: MASTERED, hours: 4}]}}) {
				  outcome errors { path } } }
				""".formatted(PROGRAMME))
			.execute()
			.path("saveCourse.outcome").entity(String.class).isEqualTo("NEW_VERSION");
		String stored = graphQlTester.document("""
				{ programme(id: "%s") { revisions { version document } } }
				""".formatted(PROGRAMME))
			.execute()
			.path("programme.revisions[1].document").entity(String.class).get();
		java.util.List<String> before = fingerprint();

		graphQlTester.document("""
				mutation p($input: SaveProgrammeInput!) { saveProgramme(input: $input) { outcome version errors { path code message } } }
				""")
			.variable("input", json.parse(stored.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.execute()
			.path("saveProgramme.errors").entityList(Object.class).hasSize(0)
			.path("saveProgramme.outcome").entity(String.class).isEqualTo("UNCHANGED")
			.path("saveProgramme.version").entity(Integer.class).isEqualTo(2);
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void anEditWithAnUnknownPointIsRejectedWithItsPathAndNothingChanges() {
		List<String> before = fingerprint();

		var response = graphQlTester.document("""
				mutation { saveCourse(input: {programmeId: "%s", course: {id: "al-c-bad", name: "坏课程",
				  block: PROFESSIONAL_CORE, teaches: [{pointId: "no-such-point", level: MASTERED}]}}) {
				  outcome errors { path code } } }
				""".formatted(PROGRAMME)).execute();

		response.path("saveCourse.outcome").valueIsNull();
		response.path("saveCourse.errors[0].path").entity(String.class).isEqualTo("courses[4].teaches[0].pointId");
		response.path("saveCourse.errors[0].code").entity(String.class).isEqualTo("UNKNOWN_REFERENCE");
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void editsOfUnknownProgrammesOrCoursesAreReported() {
		graphQlTester.document("""
				mutation {
				  a: removeCourse(input: {programmeId: "no-such-programme", courseId: "x"}) { errors { path code } }
				  b: removeCourse(input: {programmeId: "%s", courseId: "no-such-course"}) { errors { path code } }
				}
				""".formatted(PROGRAMME))
			.execute()
			.path("a.errors[0].path").entity(String.class).isEqualTo("programmeId")
			.path("b.errors[0].path").entity(String.class).isEqualTo("courseId")
			.path("b.errors[0].code").entity(String.class).isEqualTo("UNKNOWN_REFERENCE");
	}

	private long teachingLevel(String courseId, String pointId) {
		return graph.read(tx -> tx.run("MATCH (:Course {id: $c})-[t:TEACHES]->({id: $p}) RETURN t.level AS level",
				Map.of("c", courseId, "p", pointId)).single().get("level").asLong());
	}

	private long courseCountOfSecondProgramme() {
		return graph.read(tx -> tx.run("MATCH (:Programme {id: $id})-[:HAS_COURSE]->(c) RETURN count(c) AS n",
				Map.of("id", AlignmentFixture.PROGRAMME_2)).single().get("n").asLong());
	}
}
