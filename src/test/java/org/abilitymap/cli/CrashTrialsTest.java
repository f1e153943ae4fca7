package org.abilitymap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.abilitymap.AbilitymapApplication;
import org.abilitymap.accounts.Actor;
import org.abilitymap.accounts.Rights;
import org.abilitymap.support.neo4j.EmbeddedNeo4j;
import org.abilitymap.support.neo4j.Graph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kills ({@code kill -9}) a child JVM running {@code import} at a random moment, starts the application again on its
 * data folder and checks that the graph is the one before an import or after it, never in between, and that
 * running the same import again completes it: for the ESCO download, a sequence of programme saves and a sequence of
 * work-task submissions.
 *
 * <p>Each trial copies a prepared data folder (a clean shutdown's store files), so the state before the import is
 * not an empty graph. The expected states are the counts of nodes per label and relationships per type, with their
 * numbers of properties, after each prefix of the import's documents, made by the same {@link ImportCommand} in this
 * JVM; an uninterrupted child run must end in the last of them. {@code -Dabilitymap.crash-trials=20} sets the ESCO
 * trials (default 2), {@code -Dabilitymap.crash-trials.documents=N} those of the other two (default 2), and
 * {@code -Dabilitymap.crash-trials.seed=S} repeats the random delays of an earlier run.
 */
@DisabledIfSystemProperty(named = "abilitymap.test.neo4j", matches = "testcontainers",
		disabledReason = "the trials start embedded databases of their own; the embedded run covers them")
class CrashTrialsTest {

	private static final Path ESCO = Path.of("..", "shared", "data", "esco-v1.1.1",
			"ESCO dataset - v1.1.1 - classification - en - csv.zip");

	/** Lean options for the child: the quick compiler only (as the README says for one-off imports), a small heap. */
	private static final List<String> CHILD_JVM = List.of("-XX:TieredStopAtLevel=1", "-Xmx1g", "-XX:+UseSerialGC");

	private static final String STARTED = "Started AbilitymapApplication";

	/** Kills are drawn over this multiple of an uninterrupted import's duration, so some land after it ended. */
	private static final double WINDOW = 1.15;

	private static final long START_TIMEOUT_SECONDS = 300;

	/** The audit entries of a start that removed what an unfinished import had staged. */
	private static final String CLEAN_UP = "audit removeUnfinishedImport ";

	/** The state of a trial whose next start (or run again) failed, so nothing could be read. */
	private static final int NOT_STARTED = -2;

	@TempDir
	Path work;

	private final long seed = Long.getLong("abilitymap.crash-trials.seed", System.nanoTime());

	private final Random random = new Random(seed);

	@Test
	void killingTheEscoImportLeavesTheGraphBeforeOrAfterAndARunAgainCompletesIt() throws IOException {
		assumeTrue(Files.isRegularFile(ESCO), "The ESCO v1.1.1 download is not at "
				+ ESCO.toAbsolutePath().normalize() + "; skipped.");
		Scenario esco = new Scenario("ESCO import", List.of(resource("documents/crash/esco-catalog.json"),
				resource("documents/crash/esco-submission.json")), List.of(List.of("--format=esco",
						ESCO.toAbsolutePath().toString())));
		List<Trial> trials = run(esco, Integer.getInteger("abilitymap.crash-trials", 2));
		assertWholeEveryTime(esco, trials);
	}

	@Test
	void killingASequenceOfProgrammeSavesLeavesEachProgrammeWholeOrAbsent() throws IOException {
		Path documents = Files.createDirectories(work.resolve("programmes"));
		List<String> files = new ArrayList<>();
		// Two new programmes, then the next version of the fixture's programme (each of its courses replaced). Each
		// is a programme's latest document once saved, so the same import run again leaves it unchanged.
		files.add(write(documents.resolve("1-programme.json"), programme("cr-prg-1", "460701", 1)));
		files.add(write(documents.resolve("2-programme.json"), programme("cr-prg-2", "460703", 2)));
		files.add(write(documents.resolve("3-programme.json"), programme("al-prg", "460702", 3)));
		Scenario programmes = new Scenario("programme saves", List.of(resource("documents/alignment")),
				files.stream().map(List::of).toList());
		List<Trial> trials = run(programmes, Integer.getInteger("abilitymap.crash-trials.documents", 2));
		assertWholeEveryTime(programmes, trials);
	}

	@Test
	void killingASequenceOfSubmissionsLeavesEachSubmissionWholeOrAbsent() throws IOException {
		Path documents = Files.createDirectories(work.resolve("submissions"));
		List<String> files = new ArrayList<>();
		// Two new enterprises' first versions, then a second version of a fixture enterprise's (superseding its
		// first), sharing some points. Each is its series' latest once submitted, so a run again leaves it unchanged.
		files.add(write(documents.resolve("1-submission.json"), submission("cr-ent-1", "al-job-a", 1)));
		files.add(write(documents.resolve("2-submission.json"), submission("cr-ent-2", "al-job-b", 2)));
		files.add(write(documents.resolve("3-submission.json"), submission("al-ent-1", "al-job-a", 3)));
		Scenario submissions = new Scenario("work-task submissions", List.of(resource("documents/alignment")),
				files.stream().map(List::of).toList());
		List<Trial> trials = run(submissions, Integer.getInteger("abilitymap.crash-trials.documents", 2));
		assertWholeEveryTime(submissions, trials);
	}

	/**
	 * What is imported: {@code prepare} (files or folders) makes the state before; {@code steps} are the import's
	 * arguments, one list per file, counted one after another for the expected states; the child imports them all in
	 * one run (the JSON documents of a run in one transaction).
	 */
	private record Scenario(String name, List<String> prepare, List<List<String>> steps) {

		List<String> arguments() {
			return steps.stream().flatMap(List::stream).toList();
		}
	}

	/** One kill and what the next start found. */
	private record Trial(int number, long delayMs, long windowMs, boolean exitedFirst, String lastOutput, int state,
			boolean auditMatches, String difference, boolean rerunComplete, long childStartMs, long checkMs) {

		String outcome(int last) {
			if (state == NOT_STARTED) {
				return "START FAILED";
			}
			if (state < 0) {
				return "HALF";
			}
			String whole = state == 0 ? "before" : state == last ? "after" : "after " + state + " of " + last
					+ " documents";
			return auditMatches ? whole : whole + ", but not its audit trail";
		}

		/** Whether the next start found one of the whole states, audit trail included. */
		boolean whole() {
			return state >= 0 && auditMatches;
		}
	}

	private List<Trial> run(Scenario scenario, int count) throws IOException {
		System.out.printf(Locale.ROOT, "%s: %d trial(s), seed %d (-Dabilitymap.crash-trials.seed=%d repeats them)%n",
				scenario.name(), count, seed, seed);
		Path template = work.resolve("prepared");
		List<Counts> states = new ArrayList<>();
		try (ConfigurableApplicationContext application = startApplication(template)) {
			for (String prepared : scenario.prepare()) {
				importInProcess(application, List.of(prepared));
			}
			states.add(Counts.of(application));
		}
		// The state after each document, made by the same import command in this JVM, uninterrupted.
		Path steps = copy(template, work.resolve("steps"));
		try (ConfigurableApplicationContext application = startApplication(steps)) {
			for (List<String> step : scenario.steps()) {
				importInProcess(application, step);
				states.add(Counts.of(application));
			}
		}
		delete(steps);
		for (int i = 1; i < states.size(); i++) {
			assertThat(states.get(i)).as("document %d of %s changes the graph", i, scenario.name())
				.isNotEqualTo(states.get(i - 1));
		}
		Counts complete = states.get(states.size() - 1);

		// An uninterrupted child run: how long the import takes after start-up, and the state it ends in.
		Path reference = copy(template, work.resolve("reference"));
		Child child = Child.start(reference, scenario.arguments(), work.resolve("reference.log"));
		long startUp = child.awaitStarted();
		long duration = child.awaitExit();
		assertThat(child.exitCode()).as(child.output()).isZero();
		child.output().lines().filter(line -> line.contains("✔"))
			.forEach(line -> System.out.println(scenario.name() + ": uninterrupted child run: " + line));
		try (ConfigurableApplicationContext application = startApplication(reference)) {
			assertThat(Counts.of(application)).as("an uninterrupted child import").isEqualTo(complete);
		}
		delete(reference);
		long window = Math.round(duration * WINDOW);
		System.out.printf(Locale.ROOT, "%s: uninterrupted child run: start-up %,d ms, then %,d ms to its exit; kills "
				+ "drawn over 0–%,d ms after start-up%n", scenario.name(), startUp, duration, window);

		List<Trial> trials = new ArrayList<>();
		for (int number = 1; number <= count; number++) {
			Trial trial = trial(scenario, number, template, states, window);
			trials.add(trial);
			System.out.printf(Locale.ROOT, "%s trial %d/%d: killed %,d ms after start-up (window %,d ms)%s, last output "
					+ "'%s'; next start found: %s%s; run again: %s; child start-up %,d ms, restart + check + run again %,d "
					+ "ms%n", scenario.name(), number, count, trial.delayMs(), trial.windowMs(),
					trial.exitedFirst() ? ", after the child had exited" : "", trial.lastOutput(),
					trial.outcome(states.size() - 1), trial.difference().isEmpty() ? "" : " (" + trial.difference() + ")",
					trial.rerunComplete() ? "complete" : "NOT complete", trial.childStartMs(), trial.checkMs());
		}
		long before = trials.stream().filter(t -> t.state() == 0).count();
		long after = trials.stream().filter(t -> t.state() == states.size() - 1).count();
		long between = trials.stream().filter(t -> t.state() > 0 && t.state() < states.size() - 1).count();
		long half = trials.stream().filter(t -> t.state() == -1).count();
		long auditOff = trials.stream().filter(t -> t.state() >= 0 && !t.auditMatches()).count();
		long failed = trials.stream().filter(t -> t.state() == NOT_STARTED).count();
		long exited = trials.stream().filter(Trial::exitedFirst).count();
		System.out.printf(Locale.ROOT, "%s: %d trials: before %d, after %d, between whole documents %d, HALF %d, "
				+ "start failed %d, whole but not the audit trail %d; %d kill(s) came after the child had exited; run "
				+ "again complete %d/%d%n", scenario.name(), count, before, after, between, half, failed, auditOff,
				exited, trials.stream().filter(Trial::rerunComplete).count(), count);
		delete(template);
		return trials;
	}

	private Trial trial(Scenario scenario, int number, Path template, List<Counts> states, long window)
			throws IOException {
		Path folder = copy(template, work.resolve("trial-" + number));
		Child child = Child.start(folder, scenario.arguments(), work.resolve("trial-" + number + ".log"));
		long startUp;
		long delay = (long) (random.nextDouble() * window);
		boolean exitedFirst;
		try {
			startUp = child.awaitStarted();
			sleep(delay);
			exitedFirst = !child.process().isAlive();
		}
		finally {
			child.kill();
		}
		String lastOutput = child.lastLine();

		long checking = System.nanoTime();
		Counts found;
		Counts again;
		// The next start on the killed folder must come up by itself; then it reads, and runs the import again.
		try (ConfigurableApplicationContext application = startApplication(folder)) {
			found = Counts.of(application);
			importInProcess(application, scenario.arguments());
			again = Counts.of(application);
		}
		catch (RuntimeException | AssertionError ex) {
			delete(folder);
			return new Trial(number, delay, window, exitedFirst, lastOutput, NOT_STARTED, false, "the next start or the run "
					+ "again failed: " + ex, false, startUp, (System.nanoTime() - checking) / 1_000_000);
		}
		long checkMs = (System.nanoTime() - checking) / 1_000_000;
		delete(folder);
		// The data decides which state it is; the audit trail must then be that state's too (an entry for each write
		// that is in the graph, none for one that is not).
		int state = states.stream().map(Counts::withoutAudit).toList().indexOf(found.withoutAudit());
		boolean auditMatches = state >= 0 && found.auditTrail().equals(states.get(state).auditTrail());
		Counts complete = states.get(states.size() - 1);
		// Each file of the import is a write of its own, recorded as one audit entry whether it changed anything or not.
		boolean rerunComplete = again.withoutAudit().equals(complete.withoutAudit())
				&& again.auditEntries() == found.auditEntries() + scenario.steps().size();
		String difference = state < 0 ? found.differenceFrom(nearest(states, found)) : auditMatches ? ""
				: "audit entries " + found.auditTrail() + " where that state has " + states.get(state).auditTrail();
		if (found.cleanUps() > 0) {
			difference += (difference.isEmpty() ? "" : "; ") + "the start recorded removing an unfinished import";
		}
		long leftovers = found.staged();
		if (leftovers > 0) {
			difference += (difference.isEmpty() ? "" : "; ") + leftovers + " staged nodes and import runs left";
		}
		if (!rerunComplete) {
			String left = again.withoutAudit().differenceFrom(complete.withoutAudit());
			difference += (difference.isEmpty() ? "" : "; ") + "after the run again: " + (left.isEmpty() ? "" : left
					+ ", ") + "audit entries " + found.auditEntries() + " → " + again.auditEntries() + ", expected +"
					+ scenario.steps().size();
		}
		return new Trial(number, delay, window, exitedFirst, lastOutput, state, auditMatches, difference, rerunComplete,
				startUp, checkMs);
	}

	private static void assertWholeEveryTime(Scenario scenario, List<Trial> trials) {
		assertThat(trials).as("%s: trials whose next start failed or found a graph half written", scenario.name())
			.filteredOn(t -> !t.whole())
			.extracting(t -> "trial " + t.number() + " killed at " + t.delayMs() + " ms: " + t.difference())
			.isEmpty();
		assertThat(trials).as("%s: trials after which the same import did not complete the graph", scenario.name())
			.filteredOn(t -> !t.rerunComplete())
			.extracting(t -> "trial " + t.number() + ": " + t.difference())
			.isEmpty();
	}

	private static Counts nearest(List<Counts> states, Counts found) {
		return states.stream().min((a, b) -> Integer.compare(found.differences(a), found.differences(b))).orElseThrow();
	}

	/**
	 * Nodes per label and relationships per type, each with the number of properties they hold, as a reader of the
	 * graph sees them; the migration history and the server secrets (each database's own) are left out, the audit
	 * trail is in.
	 */
	private record Counts(TreeMap<String, Long> figures) {

		static Counts of(ConfigurableApplicationContext application) {
			Graph graph = application.getBean(Graph.class);
			TreeMap<String, Long> figures = new TreeMap<>();
			graph.read(tx -> {
				tx.run("""
						MATCH (n)
						WHERE NOT any(label IN labels(n) WHERE label STARTS WITH '__Liquibase' OR label = 'ServerSecret')
						UNWIND CASE WHEN labels(n) = [] THEN ['(no label)'] ELSE labels(n) END AS label
						RETURN label, count(*) AS nodes, sum(size(keys(n))) AS properties
						""").forEachRemaining(r -> {
					figures.put(":" + r.get("label").asString(), r.get("nodes").asLong());
					figures.put(":" + r.get("label").asString() + " properties", r.get("properties").asLong());
				});
				tx.run("""
						MATCH (e:AuditEntry)
						RETURN e.operation AS operation, e.outcome AS outcome, count(*) AS entries
						""").forEachRemaining(r -> figures.put("audit " + r.get("operation").asString() + " "
								+ r.get("outcome").asString(), r.get("entries").asLong()));
				tx.run("""
						MATCH (a)-[r]->(b)
						WHERE NOT any(label IN labels(a) + labels(b) WHERE label STARTS WITH '__Liquibase' OR label = 'ServerSecret')
						RETURN type(r) AS type, count(*) AS relationships, sum(size(keys(r))) AS properties
						""").forEachRemaining(r -> {
					figures.put("-" + r.get("type").asString() + "->", r.get("relationships").asLong());
					figures.put("-" + r.get("type").asString() + "-> properties", r.get("properties").asLong());
				});
				return null;
			});
			return new Counts(figures);
		}

		long auditEntries() {
			return figures.getOrDefault(":AuditEntry", 0L);
		}

		/**
		 * Nodes an import stages before it publishes them (a label starting with {@code Staged}), and its run nodes:
		 * none may outlive a start.
		 */
		long staged() {
			return figures.entrySet().stream()
				.filter(e -> (e.getKey().startsWith(":Staged") || e.getKey().equals(":ImportRun"))
						&& !e.getKey().endsWith(" properties"))
				.mapToLong(java.util.Map.Entry::getValue)
				.sum();
		}

		/** The same figures without the audit trail, which a run again extends by its own entry. */
		Counts withoutAudit() {
			TreeMap<String, Long> rest = new TreeMap<>(figures);
			rest.keySet().removeIf(key -> key.startsWith(":AuditEntry") || key.startsWith("audit "));
			return new Counts(rest);
		}

		/**
		 * Audit entries per operation and outcome, but for the entry of a start that removed what a killed import
		 * had staged, which is a write of that start's own.
		 */
		TreeMap<String, Long> auditTrail() {
			TreeMap<String, Long> trail = new TreeMap<>(figures);
			trail.keySet().removeIf(key -> !key.startsWith("audit ") || key.startsWith(CLEAN_UP));
			return trail;
		}

		long cleanUps() {
			return figures.entrySet().stream().filter(e -> e.getKey().startsWith(CLEAN_UP)).mapToLong(Map.Entry::getValue)
				.sum();
		}

		int differences(Counts other) {
			return (int) keys(other).stream().filter(k -> !Objects.equals(figures.get(k), other.figures.get(k))).count();
		}

		/** The figures that differ from {@code other}'s, as {@code key found/other}. */
		String differenceFrom(Counts other) {
			return String.join(", ", keys(other).stream().filter(k -> !Objects.equals(figures.get(k),
					other.figures.get(k))).map(k -> k + " " + figures.get(k) + " where a whole state has "
							+ other.figures.get(k)).limit(6).toList());
		}

		private TreeSet<String> keys(Counts other) {
			TreeSet<String> keys = new TreeSet<>(figures.keySet());
			keys.addAll(other.figures.keySet());
			return keys;
		}
	}

	/** A child JVM running {@code import} on its own data folder, its output going to a file. */
	private record Child(Process process, Path log, long launched, long[] started) {

		static Child start(Path dataDir, List<String> arguments, Path log) throws IOException {
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(CHILD_JVM);
			command.addAll(List.of("-cp", System.getProperty("java.class.path"), AbilitymapApplication.class.getName(),
					"import"));
			command.addAll(arguments);
			command.addAll(settings(dataDir));
			// The start-up line tells when the context is up and the import begins; the rest stays at warn.
			command.add("--logging.level." + AbilitymapApplication.class.getName() + "=info");
			// Run from the trial's folder: from the repository, Liquibase would find cypher/changelog.xml twice (the
			// classpath's copy and the source folder).
			ProcessBuilder builder = new ProcessBuilder(command).directory(log.getParent().toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().keySet().removeIf(name -> name.startsWith("NEO4J_") || name.startsWith("ABILITYMAP_"));
			return new Child(builder.start(), log, System.nanoTime(), new long[1]);
		}

		/** Waits for the start-up line and returns the milliseconds it took. */
		long awaitStarted() {
			long deadline = launched + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
			while (!output().contains(STARTED)) {
				if (!process.isAlive()) {
					throw new AssertionError("The child exited with " + process.exitValue() + " before it started:\n"
							+ output());
				}
				if (System.nanoTime() > deadline) {
					kill();
					throw new AssertionError("The child did not start in " + START_TIMEOUT_SECONDS + " s:\n" + output());
				}
				sleep(20);
			}
			started[0] = System.nanoTime();
			return (started[0] - launched) / 1_000_000;
		}

		/** Waits for the child to exit and returns the milliseconds since its start-up line. */
		long awaitExit() {
			try {
				if (!process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
					kill();
					throw new AssertionError("The child did not finish in " + START_TIMEOUT_SECONDS + " s:\n" + output());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				kill();
				throw new AssertionError("Interrupted", ex);
			}
			return (System.nanoTime() - started[0]) / 1_000_000;
		}

		int exitCode() {
			return process.exitValue();
		}

		/** SIGKILL on Linux ({@link Process#destroyForcibly}), then waits until the process is gone. */
		void kill() {
			process.destroyForcibly();
			try {
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					throw new AssertionError("The killed child is still running");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted", ex);
			}
		}

		String output() {
			try {
				// Leniently decoded: a kill may cut a character in half.
				return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		String lastLine() {
			String[] lines = output().strip().split("\n");
			return lines.length == 0 ? "" : lines[lines.length - 1].strip();
		}
	}

	/** The application on {@code dataDir}, as the command line starts it: embedded Neo4j, no web server, no demo data. */
	private static ConfigurableApplicationContext startApplication(Path dataDir) {
		SpringApplication application = new SpringApplication(AbilitymapApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("logging.level.root", "warn", "logging.level.org.abilitymap", "warn"));
		return application.run(settings(dataDir).toArray(String[]::new));
	}

	private static List<String> settings(Path dataDir) {
		return List.of("--abilitymap.neo4j.uri=", "--abilitymap.neo4j.embedded.data-dir=" + dataDir,
				"--abilitymap.neo4j.embedded.bolt-port=0", "--abilitymap.demo.load=false");
	}

	/** Runs the application's import command as the command line does: for the operating-system user. */
	private static void importInProcess(ConfigurableApplicationContext application, List<String> arguments) {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		PrintStream stream = new PrintStream(output, true, StandardCharsets.UTF_8);
		int exitCode = Rights.runAs(Actor.operatingSystemUser(),
				() -> application.getBean(ImportCommand.class).run(arguments, stream, stream));
		assertThat(exitCode).as(output.toString(StandardCharsets.UTF_8)).isZero();
	}

	private static String resource(String name) {
		try {
			return Path.of(Objects.requireNonNull(CrashTrialsTest.class.getClassLoader().getResource(name), name).toURI())
				.toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A large programme of the fixture's school and group, aimed at {@code al-job-a}: 120 courses, each teaching
	 * twelve points named here (created by the save), some of them shared with the documents of other seeds.
	 */
	private static String programme(String id, String code, int seed) {
		String[] blocks = { "PUBLIC_FOUNDATION", "PROFESSIONAL_CORE", "INDUSTRY_FEATURE", "PRACTICE_TRAINING" };
		String[] levels = { "INTRODUCED", "REINFORCED", "MASTERED" };
		StringBuilder courses = new StringBuilder();
		for (int c = 0; c < 120; c++) {
			StringBuilder teaches = new StringBuilder();
			for (int t = 0; t < 12; t++) {
				int point = (seed * 700 + c * 12 + t) % 2400;
				teaches.append(t == 0 ? "" : ",").append(String.format(Locale.ROOT,
						"{\"kind\": \"%s\", \"name\": \"崩溃试验%s %d\", \"level\": \"%s\", \"hours\": %d}",
						point % 3 == 0 ? "SKILL" : "KNOWLEDGE", point % 3 == 0 ? "技能" : "知识", point,
						levels[(c + t + seed) % 3], 1 + t % 4));
			}
			courses.append(c == 0 ? "" : ",\n").append(String.format(Locale.ROOT,
					"{\"id\": \"%s-c%d-%d\", \"name\": \"试验课程 %d-%d\", \"block\": \"%s\", \"hours\": %d, \"credits\": %d, "
							+ "\"semester\": %d, \"teaches\": [%s]}",
					id, seed, c, seed, c, blocks[c % 4], 16 + c % 5 * 16, 1 + c % 4, 1 + c % 6, teaches));
		}
		return String.format(Locale.ROOT, """
				{
				  "school": {"id": "al-school", "name": "示例职业技术学院", "nameEn": "A sample vocational college"},
				  "programme": {"id": "%s", "code": "%s", "name": "崩溃试验专业 %d", "level": "HIGHER_VOCATIONAL",
				                "groupId": "al-pg", "targetJobIds": ["al-job-a"]},
				  "courses": [
				%s
				  ]
				}
				""", id, code, seed, courses);
	}

	/**
	 * A large submission: 12 projects of 5 tasks of 4 steps, each step needing 3 skills with 2 knowledge points each,
	 * named from a pool that documents of neighbouring seeds share in part.
	 */
	private static String submission(String enterprise, String job, int seed) {
		StringBuilder projects = new StringBuilder();
		for (int p = 0; p < 12; p++) {
			StringBuilder tasks = new StringBuilder();
			for (int t = 0; t < 5; t++) {
				StringBuilder steps = new StringBuilder();
				for (int s = 0; s < 4; s++) {
					StringBuilder skills = new StringBuilder();
					for (int k = 0; k < 3; k++) {
						int skill = (seed * 300 + ((p * 5 + t) * 4 + s) * 3 + k) % 1500;
						skills.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT,
								"{\"name\": \"崩溃试验技能 %d\", \"level\": \"%s\", \"knowledge\": [{\"name\": \"崩溃试验知识 %d\"},"
										+ " {\"name\": \"崩溃试验知识 %d\"}]}",
								skill, k == 0 ? "MASTERED" : "PRACTISED", skill * 2 % 1700, (skill * 2 + 1) % 1700));
					}
					steps.append(s == 0 ? "" : ",").append(String.format(Locale.ROOT,
							"{\"name\": \"步骤 %d-%d-%d\", \"skills\": [%s]}", p, t, s, skills));
				}
				tasks.append(t == 0 ? "" : ",").append(String.format(Locale.ROOT,
						"{\"id\": \"t%d-%d\", \"name\": \"任务 %d-%d（第 %d 版）\", \"frequency\": \"WEEKLY\", \"importance\": %d, "
								+ "\"steps\": [%s]}",
						p, t, p, t, seed, 1 + (p + t) % 5, steps));
			}
			projects.append(p == 0 ? "" : ",\n").append(String.format(Locale.ROOT,
					"{\"id\": \"p%d\", \"name\": \"项目 %d\", \"tasks\": [%s]}", p, p, tasks));
		}
		return String.format(Locale.ROOT, """
				{
				  "enterprise": {"id": "%s", "name": "崩溃试验企业 %s"},
				  "jobId": "%s",
				  "projects": [
				%s
				  ]
				}
				""", enterprise, enterprise, job, projects);
	}

	private static String write(Path file, String text) throws IOException {
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file.toString();
	}

	/** Copies a stopped database's folder. */
	private static Path copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path source : files.toList()) {
				Files.copy(source, to.resolve(from.relativize(source).toString()));
			}
		}
		return to;
	}

	private static void delete(Path folder) {
		EmbeddedNeo4j.deleteDirectory(folder);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted", ex);
		}
	}
}
