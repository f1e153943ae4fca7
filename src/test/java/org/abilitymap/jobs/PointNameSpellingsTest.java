package org.abilitymap.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.abilitymap.documents.VisibleText;
import org.abilitymap.points.Point;
import org.abilitymap.points.PointMatch;
import org.abilitymap.points.PointWarning;
import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Point names that look alike but differ in their bytes: invisible characters land on the existing point, and a
 * Cyrillic or Greek letter inside a Latin or Chinese name creates a new point with a warning naming the one it
 * looks like.
 */
class PointNameSpellingsTest extends GraphTestSupport {

	@Autowired
	private WorkTaskSubmissions submissions;

	@BeforeEach
	void catalog() {
		loadCatalog();
	}

	@Test
	void namesWithInvisibleCharactersLandOnTheExistingPointAndAreStoredWithoutThem() {
		Point bms = submissions.submit(workTasks("BMS controller")).createdPoints().get(0);
		long skillPoints = count("SkillPoint");

		SubmissionResult second = submissions.submit(workTasks("BMS\u200B controller", "\uFEFFBMS con\u00ADtroller",
				"\u202EBMS controller\u202C", "BMS\u0000 controller\u200E", "BMS controller\uFE0F", "\u2066BMS\u2060 controller\u2069"));

		assertThat(second.outcome()).isEqualTo(SubmissionResult.Outcome.NEW_VERSION);
		assertThat(second.createdPoints()).isEmpty();
		assertThat(second.matchedPoints()).extracting(m -> m.point().id(), PointMatch::matchedBy)
			.containsExactly(tuple(bms.id(), PointMatch.MatchRule.NAME));
		assertThat(second.warnings()).isEmpty();
		assertThat(count("SkillPoint")).isEqualTo(skillPoints);
		assertThat(fingerprint()).as("no stored text keeps an invisible character")
			.noneMatch(line -> line.codePoints().anyMatch(VisibleText::invisible));
	}

	@Test
	void aNameWithCyrillicOrGreekLookAlikesCreatesAPointWithAWarningNamingTheExistingOne() {
		List<Point> first = submissions.submit(workTasks("BMS controller", "PLC编程")).createdPoints();
		Point bms = first.stream().filter(p -> p.name().equals("BMS controller")).findFirst().orElseThrow();
		Point plc = first.stream().filter(p -> p.name().equals("PLC编程")).findFirst().orElseThrow();

		SubmissionResult second = submissions.submit(workTasks("BMS c\u043Entroller", "PL\u0421编程", "\u0392MS controller",
				"扭矩扳手使用"));

		assertThat(second.createdPoints()).extracting(Point::name)
			.containsExactly("BMS c\u043Entroller", "PL\u0421编程", "\u0392MS controller", "扭矩扳手使用");
		assertThat(second.warnings()).extracting(PointWarning::path, PointWarning::givenName, w -> w.resembles().id())
			.containsExactly(
					tuple("projects[0].tasks[0].steps[0].skills[0]", "BMS c\u043Entroller", bms.id()),
					tuple("projects[0].tasks[0].steps[1].skills[0]", "PL\u0421编程", plc.id()),
					tuple("projects[0].tasks[0].steps[2].skills[0]", "\u0392MS controller", bms.id()));
		assertThat(second.warnings().get(0).message()).contains("Cyrillic or Greek", "'BMS controller'", bms.id());
	}

	@Test
	void twoLookAlikeNamesInOneDocumentAreWarnedAboutToo() {
		SubmissionResult result = submissions.submit(workTasks("ECU flashing", "ECU fl\u0430shing"));

		assertThat(result.createdPoints()).hasSize(2);
		assertThat(result.warnings()).singleElement().satisfies(w -> {
			assertThat(w.givenName()).isEqualTo("ECU fl\u0430shing");
			assertThat(w.resembles().name()).isEqualTo("ECU flashing");
		});
	}

	@Test
	void submitWorkTasksAnswersWithTheWarnings() {
		Point bms = submissions.submit(workTasks("BMS controller")).createdPoints().get(0);

		graphQlTester.document("""
				mutation submit($input: SubmitWorkTasksInput!) {
				  submitWorkTasks(input: $input) {
				    outcome
				    warnings { path givenName resembles { id name } message }
				    errors { path code message }
				  }
				}
				""")
			.variable("input", workTasks("BMS c\u043Entroller"))
			.execute()
			.path("submitWorkTasks.outcome").entity(String.class).isEqualTo("NEW_VERSION")
			.path("submitWorkTasks.errors").entityList(Object.class).hasSize(0)
			.path("submitWorkTasks.warnings").entityList(Object.class).hasSize(1)
			.path("submitWorkTasks.warnings[0].path").entity(String.class).isEqualTo("projects[0].tasks[0].steps[0].skills[0]")
			.path("submitWorkTasks.warnings[0].resembles.id").entity(String.class).isEqualTo(bms.id())
			.path("submitWorkTasks.warnings[0].message").entity(String.class)
			.satisfies(m -> assertThat(m).contains("BMS controller"));
	}

	/** A document of enterprise B for the EV technician job: one task, one step per skill name. */
	private static Map<String, Object> workTasks(String... skillNames) {
		List<Object> steps = new ArrayList<>();
		for (int i = 0; i < skillNames.length; i++) {
			steps.add(Map.of("name", "步骤 " + (i + 1), "skills", List.of(Map.of("name", skillNames[i]))));
		}
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("enterprise", Map.of("id", "t-ent-b", "name", "乙汽车服务公司"));
		document.put("jobId", "t-ev-technician");
		document.put("projects", List.of(Map.of("name", "高压系统检修",
				"tasks", List.of(Map.of("name", "绝缘故障排查", "steps", steps)))));
		return document;
	}
}
