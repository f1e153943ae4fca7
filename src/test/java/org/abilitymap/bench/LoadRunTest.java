package org.abilitymap.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.abilitymap.accounts.Actor;
import org.abilitymap.accounts.Rights;
import org.abilitymap.bench.LoadRun.Kind;
import org.abilitymap.bench.LoadRun.Result;
import org.abilitymap.bench.LoadRun.Traffic;
import org.abilitymap.bench.LoadRun.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench load} at a small size: its counts agree with the graph after a clean run, and its check finds a lost
 * submission, a lost course and a duplicate point when the graph is tampered with afterwards.
 */
@DisabledIfSystemProperty(named = "abilitymap.test.neo4j", matches = "testcontainers",
		disabledReason = "the load run always starts its own embedded Neo4j; the embedded run covers it")
class LoadRunTest {

	private static final Actor TAMPERER = Actor.system("system:test");

	@Test
	void fourClientsForFiveSecondsLoseNothingAndTheCheckFindsWhatIsTakenAwayAfterwards() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		LoadOptions options = LoadOptions.parse(List.of("--clients=4", "--seconds=5",
				"--abilitymap.neo4j.embedded.page-cache-mb=64"));

		try (LoadRun load = LoadRun.start(options, new PrintStream(out, true, StandardCharsets.UTF_8))) {
			Traffic traffic = load.drive();
			Verification clean = load.verify(traffic);
			LoadRun.Report report = load.report(traffic, clean, 0, 0);

			// one editor, three submitting clients as two enterprises
			assertThat(options.editors()).isEqualTo(1);
			assertThat(options.enterprises()).isEqualTo(2);
			long submitted = traffic.count(Kind.SUBMISSION, Result.ACKNOWLEDGED);
			assertThat(submitted).isPositive();
			assertThat(traffic.calls()).extracting(LoadRun.Call::result).containsOnly(Result.ACKNOWLEDGED);
			// every acknowledged submission is stored, and nothing else is
			assertThat(clean.submissionsAcknowledged()).isEqualTo(submitted);
			assertThat(clean.submissionsStored()).isEqualTo(submitted);
			// both kinds of part edit ran, each wrote one version after the seed's version 1
			assertThat(traffic.count(Kind.SAVE_COURSE, Result.ACKNOWLEDGED)).isPositive();
			assertThat(traffic.count(Kind.SET_TEACHING, Result.ACKNOWLEDGED)).isPositive();
			assertThat(clean.programmeVersion()).isEqualTo(1 + traffic.edits().size());
			// one skill point per distinct name key the acknowledged submissions gave, however it was spelt
			Set<String> skillKeys = traffic.submissions().stream().flatMap(s -> s.skillKeys().stream())
				.collect(Collectors.toSet());
			long skillPoints = load.graph().read(tx -> tx.run("MATCH (p:SkillPoint) RETURN count(p) AS n").single()
				.get("n").asLong());
			assertThat(skillPoints).isEqualTo(skillKeys.size());
			assertThat(clean.lostWrites()).isZero();
			assertThat(clean.duplicatePoints()).isZero();
			assertThat(report.serverErrors()).isZero();
			assertThat(report.passed()).isTrue();
			assertThat(report.markdown()).contains("| submission (POST /api/submissions) | ",
					"Server errors 0, lost writes 0, duplicate points 0: passed.");

			String lostSubmission = traffic.submissions().get(0).id();
			String lostCourse = traffic.edits().stream().filter(e -> e.kind() == Kind.SAVE_COURSE).findFirst()
				.orElseThrow().courseId();
			Rights.runAs(TAMPERER, () -> load.graph().write(tx -> {
				tx.run("MATCH (s:Submission {id: $id}) DETACH DELETE s", Map.of("id", lostSubmission)).consume();
				tx.run("MATCH (:Programme {id: $p})-[r:HAS_COURSE]->(:Course {id: $c}) DELETE r",
						Map.of("p", LoadRun.PROGRAMME, "c", lostCourse)).consume();
				// a second point whose name differs only in spaces and case: a normalisation slip would store it so
				tx.run("""
						MATCH (p:SkillPoint) WITH p LIMIT 1
						CREATE (:SkillPoint {id: 'tampered', name: '  ' + toUpper(p.name) + ' ', nameKey: 'tampered'})
						""").consume();
				return null;
			}));
			Verification broken = load.verify(traffic);

			assertThat(broken.submissionsLost()).isEqualTo(1);
			assertThat(broken.submissionsStored()).isEqualTo(submitted - 1);
			assertThat(broken.coursesLost()).isEqualTo(1);
			assertThat(broken.teachingLost()).isZero();
			assertThat(broken.duplicatePoints()).isEqualTo(1);
			assertThat(broken.findings()).anyMatch(f -> f.contains(lostSubmission) && f.contains("nothing"))
				.anyMatch(f -> f.contains("course " + lostCourse));
			LoadRun.Report failed = load.report(traffic, broken, 0, 0);
			assertThat(failed.passed()).isFalse();
			assertThat(failed.markdown()).contains("Server errors 0, lost writes 2, duplicate points 1: FAILED.");
		}
	}

	@Test
	void readsItsOptionsLikeTheBenchAndRefusesAClientCountWithoutSubmitters() {
		LoadOptions defaults = LoadOptions.parse(List.of());
		assertThat(defaults.clients()).isEqualTo(16);
		assertThat(defaults.editors()).isEqualTo(4);
		assertThat(defaults.seconds()).isEqualTo(60);
		assertThat(defaults.enterprises()).isEqualTo(6);
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int noSubmitters = BenchCommand.run(List.of("load", "--clients=3", "--editors=3"), System.out,
				new PrintStream(err, true, StandardCharsets.UTF_8));
		int badSeconds = BenchCommand.run(List.of("load", "--seconds=soon"), System.out,
				new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(noSubmitters).isEqualTo(2);
		assertThat(badSeconds).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least one editor and one submitting client",
				"Cannot read '--seconds=soon': give a whole number up to 86400.", "bench load [--clients=16]");
	}
}
