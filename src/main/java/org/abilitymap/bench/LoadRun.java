package org.abilitymap.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.abilitymap.accounts.Accounts;
import org.abilitymap.accounts.Actor;
import org.abilitymap.accounts.NewAccount;
import org.abilitymap.accounts.OrganisationKind;
import org.abilitymap.accounts.Rights;
import org.abilitymap.accounts.Role;
import org.abilitymap.imports.DocumentImport;
import org.abilitymap.points.PointNames;
import org.abilitymap.support.neo4j.EmbeddedNeo4j;
import org.abilitymap.support.neo4j.Graph;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench load}: many clients at once over HTTP, enterprises submitting work tasks that name the same new points
 * in different spellings of one name and a school's designer editing parts of one programme, then a check against the
 * graph that every acknowledged write is there and that no two points share one name key.
 */
final class LoadRun implements AutoCloseable {

	static final String PROGRAMME = "ld-prg";

	/** The programme's courses at the start; the teaching edits add points to them in turn. */
	static final List<String> SEED_COURSES = List.of("ld-c-0", "ld-c-1", "ld-c-2", "ld-c-3");

	static final List<String> JOBS = List.of("ld-job-0", "ld-job-1", "ld-job-2");

	private static final String SCHOOL = "ld-school";

	/**
	 * How long one generation of shared names lasts: the names carry the generation's number, so that the clients keep
	 * racing to create new points all through the run, not only in its first second.
	 */
	private static final long GENERATION_NANOS = Duration.ofSeconds(2).toNanos();

	private static final List<String> SKILL_NAMES = List.of("扭矩扳手使用", "电芯极性检测", "模组堆叠", "Torque calibration",
			"BMS wiring check", "绝缘电阻测试");

	private static final List<String> KNOWLEDGE_NAMES = List.of("力矩规范", "Cell chemistry basics", "静电防护");

	/** Spellings that all normalise to the name's key (PointNames): each client picks one at random per name. */
	private static final List<UnaryOperator<String>> SPELLINGS = List.of(UnaryOperator.identity(),
			LoadRun::fullWidth, name -> "  " + name.replace(" ", "   ") + " ", name -> name.toUpperCase(Locale.ROOT),
			name -> name.substring(0, 1) + "\u200B" + name.substring(1),
			name -> name.replaceAll("(\\p{IsHan})", "$1 "), name -> fullWidth(name.toUpperCase(Locale.ROOT)));

	private static final String SAVE_COURSE = """
			mutation saveCourse($input: SaveCourseInput!) {
			  saveCourse(input: $input) { outcome version errors { path code message } }
			}""";

	private static final String SET_TEACHING = """
			mutation setCourseTeaching($input: SetCourseTeachingInput!) {
			  setCourseTeaching(input: $input) { outcome version errors { path code message } }
			}""";

	/** Each acknowledged submission's stored version and the names of the points its steps link to. */
	static final String STORED_SUBMISSIONS = """
			UNWIND $ids AS id
			OPTIONAL MATCH (s:Submission {id: id})
			RETURN id, s.version AS version,
			  COLLECT { MATCH (s)-[:HAS_PROJECT]->()-[:HAS_TASK]->()-[:HAS_STEP]->()-[:REQUIRES_SKILL]->(p)
			            RETURN p.name } AS skills,
			  COLLECT { MATCH (s)-[:HAS_PROJECT]->()-[:HAS_TASK]->()-[:HAS_STEP]->()-[:REQUIRES_KNOWLEDGE]->(p)
			            RETURN p.name } AS knowledge
			""";

	static final String SUBMISSION_COUNT = "MATCH (s:Submission) RETURN count(s) AS n";

	/** The final programme: its version, and every course with the points it teaches. */
	static final String PROGRAMME_PARTS = """
			MATCH (p:Programme {id: $id})
			RETURN p.version AS version,
			  COLLECT { MATCH (p)-[:HAS_COURSE]->(c:Course) RETURN c.id } AS courses,
			  COLLECT { MATCH (p)-[:HAS_COURSE]->(c:Course)-[:TEACHES]->(t) RETURN c.id + ' ' + t.id } AS teaching
			""";

	static final String POINT_NAMES = """
			MATCH (p) WHERE p:SkillPoint OR p:KnowledgePoint
			RETURN CASE WHEN p:SkillPoint THEN 'SKILL' ELSE 'KNOWLEDGE' END AS kind, p.name AS name
			""";

	/** What a client sends. */
	enum Kind {
		SUBMISSION("submission (POST /api/submissions)"), SAVE_COURSE("saveCourse (GraphQL)"),
		SET_TEACHING("setCourseTeaching (GraphQL)");

		private final String label;

		Kind(String label) {
			this.label = label;
		}
	}

	/** How a request ended: written, refused for its input (the client's fault), or failed on the server. */
	enum Result {
		ACKNOWLEDGED, REFUSED, FAILED
	}

	/**
	 * One request.
	 *
	 * @param status the HTTP status; 0 when no answer came
	 * @param detail why it was refused or failed; null when acknowledged
	 */
	record Call(Kind kind, long nanos, int status, Result result, String detail) {
	}

	/** An acknowledged submission, and the name keys of the points it named. */
	record SubmissionAck(String id, int version, Set<String> skillKeys, Set<String> knowledgeKeys) {
	}

	/** An acknowledged part edit: the version it wrote, and the course it saved or the point it set on a course. */
	record EditAck(Kind kind, int version, String courseId, String pointId) {
	}

	/** Everything the clients sent and were told. */
	record Traffic(List<Call> calls, List<SubmissionAck> submissions, List<EditAck> edits, double seconds) {

		long count(Kind kind, Result result) {
			return calls.stream().filter(c -> c.kind() == kind && c.result() == result).count();
		}
	}

	/**
	 * One kind of request in figures.
	 *
	 * @param statusClasses requests by HTTP status class ({@code 2xx}, {@code 4xx}, {@code 5xx}, {@code none})
	 * @param latencies all its requests, answered or not; null when there were none
	 */
	record KindSummary(Kind kind, long requests, long acknowledged, long refused, long failed,
			Map<String, Long> statusClasses, Latencies latencies) {
	}

	/**
	 * What the graph says after the run.
	 *
	 * @param submissionsAcknowledged submissions the server acknowledged
	 * @param submissionsStored submission versions in the graph (only this run writes them)
	 * @param submissionsLost acknowledged ones missing, stored with another version, or linked to other points than
	 *        the names it gave
	 * @param repeatedSubmissionIds acknowledged ids that two requests were given
	 * @param editsAcknowledged part edits the server acknowledged
	 * @param coursesLost acknowledged courses missing from the final programme
	 * @param teachingLost acknowledged teaching links missing from the final programme
	 * @param repeatedVersions programme versions two acknowledged edits were given
	 * @param programmeVersion the final programme's version (1 before the run)
	 * @param duplicatePoints points beyond the first of one kind and one name key
	 * @param findings a few of the problems, in words
	 */
	record Verification(int submissionsAcknowledged, long submissionsStored, int submissionsLost,
			int repeatedSubmissionIds, int editsAcknowledged, int coursesLost, int teachingLost, int repeatedVersions,
			int programmeVersion, int duplicatePoints, List<String> findings) {

		int lostWrites() {
			return submissionsLost + repeatedSubmissionIds + coursesLost + teachingLost + repeatedVersions;
		}
	}

	/**
	 * The whole run: what was sent, what the graph says, and how busy the machine was.
	 *
	 * @param unanswered a few of the refusals and failures, each once, in words
	 */
	record Report(LoadOptions options, String machine, List<KindSummary> kinds, double seconds, double loadBefore,
			double loadAfter, Verification verification, List<String> unanswered) {

		long serverErrors() {
			return kinds.stream().mapToLong(KindSummary::failed).sum();
		}

		boolean passed() {
			return serverErrors() == 0 && verification.lostWrites() == 0 && verification.duplicatePoints() == 0;
		}

		String markdown() {
			StringBuilder md = new StringBuilder();
			md.append(String.format(Locale.ROOT, "## Load: %d clients, %.0f s%n%n%s.%n%n%d clients submit work tasks "
					+ "as %d enterprises, %d edit programme %s; load average %.2f before, %.2f after.%n%n", options.clients(),
					seconds, machine, options.submitters(), options.enterprises(), options.editors(), PROGRAMME,
					loadBefore, loadAfter));
			md.append("| operation | requests | per s | acknowledged | refused | server errors | status classes | p50 ms "
					+ "| p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
			for (KindSummary kind : kinds) {
				Latencies l = kind.latencies();
				md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %d | %d | %d | %s | %s | %s | %s |%n",
						kind.kind().label, kind.requests(), kind.requests() / seconds, kind.acknowledged(), kind.refused(),
						kind.failed(), kind.statusClasses().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
							.collect(Collectors.joining(", ")), ms(l == null ? null : l.p50Ms()),
						ms(l == null ? null : l.p99Ms()), ms(l == null ? null : l.maxMs())));
			}
			Verification v = verification;
			md.append(String.format(Locale.ROOT, """

					| check | acknowledged | in the graph | problems |
					|---|---:|---:|---:|
					| submissions (by id and version, with the points they named) | %d | %d | %d lost, %d ids given twice |
					| part edits of %s (courses added, teaching set; version %d at the end) | %d | %d | %d courses lost, \
					%d teaching links lost, %d versions given twice |
					| points sharing one kind and name key | | | %d duplicates |

					Server errors %d, lost writes %d, duplicate points %d: %s.
					""", v.submissionsAcknowledged(), v.submissionsStored(), v.submissionsLost(),
					v.repeatedSubmissionIds(), PROGRAMME, v.programmeVersion(), v.editsAcknowledged(),
					v.programmeVersion() - 1, v.coursesLost(), v.teachingLost(), v.repeatedVersions(),
					v.duplicatePoints(), serverErrors(), v.lostWrites(), v.duplicatePoints(),
					passed() ? "passed" : "FAILED"));
			v.findings().forEach(f -> md.append("- ").append(f).append('\n'));
			unanswered.forEach(f -> md.append("- ").append(f).append('\n'));
			return md.toString();
		}

		private static String ms(Double value) {
			return value == null ? "–" : String.format(Locale.ROOT, "%.1f", value);
		}
	}

	private final LoadOptions options;

	private final PrintStream out;

	private final Path dataDir;

	private final ConfigurableApplicationContext context;

	private final Graph graph;

	private final URI base;

	private final JsonMapper json = JsonMapper.builder().build();

	/** One access token per enterprise, and the school designer's. */
	private final List<String> enterpriseTokens = new ArrayList<>();

	private String designerToken;

	private LoadRun(LoadOptions options, PrintStream out, Path dataDir) {
		this.options = options;
		this.out = out;
		this.dataDir = dataDir;
		List<String> spring = new ArrayList<>(options.springArguments());
		if (spring.stream().noneMatch(a -> a.startsWith("--server.address="))) {
			spring.add("--server.address=127.0.0.1");
		}
		this.context = BenchCommand.start(spring, dataDir);
		this.graph = context.getBean(Graph.class);
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		this.base = URI.create("http://127.0.0.1:" + port);
	}

	/** Starts the application on a fresh embedded Neo4j in a temporary folder and seeds what the clients need. */
	static LoadRun start(LoadOptions options, PrintStream out) throws IOException {
		Path dataDir = Files.createTempDirectory("abilitymap-load-");
		try {
			LoadRun run = new LoadRun(options, out, dataDir);
			run.seed();
			return run;
		}
		catch (RuntimeException ex) {
			EmbeddedNeo4j.deleteDirectory(dataDir);
			throw ex;
		}
	}

	/** Runs {@code bench load} and returns the exit code: 0 passed, 1 a problem found or failed, 2 usage error. */
	static int run(List<String> arguments, PrintStream out, PrintStream err) {
		LoadOptions options;
		try {
			options = LoadOptions.parse(arguments);
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.println(LoadOptions.USAGE);
			return 2;
		}
		try (LoadRun load = start(options, out)) {
			double loadBefore = loadAverage();
			Traffic traffic = load.drive();
			double loadAfter = loadAverage();
			Report report = load.report(traffic, load.verify(traffic), loadBefore, loadAfter);
			String markdown = report.markdown();
			out.println();
			out.println(markdown);
			Path file = options.report().toAbsolutePath();
			Files.createDirectories(file.getParent());
			Files.writeString(file, markdown);
			out.println("Written to " + file);
			return report.passed() ? 0 : 1;
		}
		catch (RuntimeException | IOException ex) {
			ex.printStackTrace(err);
			return 1;
		}
	}

	/** The application's graph, for the tests. */
	Graph graph() {
		return graph;
	}

	/**
	 * As the system: a job catalogue (one industry, three jobs, the enterprises), a school with a programme group, the
	 * programme with four courses, and the accounts: an enterprise editor per enterprise and a curriculum designer of
	 * the school, each with an access token (a password would add its deliberately slow hash to every request).
	 */
	private void seed() {
		DocumentImport documents = context.getBean(DocumentImport.class);
		Accounts accounts = context.getBean(Accounts.class);
		Rights.runAs(Actor.system("system:bench-load"), () -> {
			documents.importDocument(Map.of(
					"industries", List.of(Map.of("id", "ld-ind", "name", "负载测试产业", "segments",
							List.of(Map.of("id", "ld-seg", "name", "电池装配", "stage", "UPSTREAM")))),
					"jobGroups", List.of(Map.of("id", "ld-jg", "name", "装配岗位群", "segmentIds", List.of("ld-seg"))),
					"jobs", IntStream.range(0, JOBS.size()).mapToObj(j -> Map.of("id", JOBS.get(j), "name", "负载岗位" + j,
							"groupId", "ld-jg")).toList(),
					"enterprises", IntStream.range(0, options.enterprises()).mapToObj(e -> Map.of("id", enterprise(e),
							"name", "负载企业" + e, "industryIds", List.of("ld-ind"))).toList()));
			documents.importDocument(Map.of("schools", List.of(Map.of("id", SCHOOL, "name", "负载测试学院")),
					"programmeGroups", List.of(Map.of("id", "ld-pg", "name", "负载专业群", "schoolId", SCHOOL,
							"segmentIds", List.of("ld-seg"), "jobGroupIds", List.of("ld-jg")))));
			documents.importDocument(Map.of("school", Map.of("id", SCHOOL, "name", "负载测试学院"),
					"programme", Map.of("id", PROGRAMME, "code", "460702", "name", "负载测试专业", "level",
							"HIGHER_VOCATIONAL", "groupId", "ld-pg", "targetJobIds", JOBS),
					"courses", IntStream.range(0, SEED_COURSES.size()).mapToObj(c -> Map.of("id", SEED_COURSES.get(c),
							"name", "基础课程" + c, "block", "PROFESSIONAL_CORE", "hours", 32, "teaches",
							List.of(Map.of("pointId", "ld-kn-seed-" + c, "kind", "KNOWLEDGE", "name", "基础知识" + c,
									"level", "INTRODUCED", "hours", 4)))).toList()));
			for (int e = 0; e < options.enterprises(); e++) {
				enterpriseTokens.add(token(accounts, "load-ent-" + e, OrganisationKind.ENTERPRISE, enterprise(e),
						Role.ENTERPRISE_EDITOR));
			}
			designerToken = token(accounts, "load-designer", OrganisationKind.SCHOOL, SCHOOL, Role.CURRICULUM_DESIGNER);
			return null;
		});
	}

	private static String enterprise(int e) {
		return "ld-ent-" + e;
	}

	private static String token(Accounts accounts, String username, OrganisationKind kind, String organisationId,
			Role role) {
		accounts.create(new NewAccount(username, null, UUID.randomUUID().toString(), kind, organisationId, null,
				Set.of(role)));
		Actor actor = new Actor(username, organisationId, kind, Set.of(role), false);
		return Rights.runAs(actor, () -> accounts.createToken("bench load").secret());
	}

	/** Runs every client on a thread of its own, all released at once, for the duration. */
	Traffic drive() {
		out.printf(Locale.ROOT, "%d clients for %d s: %d submitting as %d enterprises, %d editing %s%n",
				options.clients(), options.seconds(), options.submitters(), options.enterprises(), options.editors(),
				PROGRAMME);
		ExecutorService pool = Executors.newFixedThreadPool(options.clients());
		CountDownLatch start = new CountDownLatch(1);
		long started = System.nanoTime();
		long end = started + Duration.ofSeconds(options.seconds()).toNanos();
		try {
			List<Future<Client>> futures = new ArrayList<>();
			for (int i = 0; i < options.clients(); i++) {
				Client client = new Client(i, new Random(options.seed() * 1_000 + i));
				futures.add(pool.submit(() -> {
					start.await();
					client.runUntil(end, started);
					return client;
				}));
			}
			start.countDown();
			List<Call> calls = new ArrayList<>();
			List<SubmissionAck> submissions = new ArrayList<>();
			List<EditAck> edits = new ArrayList<>();
			for (Future<Client> future : futures) {
				Client client = future.get();
				calls.addAll(client.calls);
				submissions.addAll(client.submissions);
				edits.addAll(client.edits);
			}
			return new Traffic(calls, submissions, edits, (System.nanoTime() - started) / 1e9);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the clients ran", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A client stopped", ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Compares what the server acknowledged with the graph. */
	Verification verify(Traffic traffic) {
		List<String> findings = new ArrayList<>();
		Map<String, SubmissionAck> acknowledged = new LinkedHashMap<>();
		int repeatedIds = 0;
		for (SubmissionAck ack : traffic.submissions()) {
			if (acknowledged.putIfAbsent(ack.id(), ack) != null) {
				repeatedIds++;
				note(findings, "submission " + ack.id() + " was acknowledged to two requests");
			}
		}
		int submissionsLost = 0;
		var stored = graph.read(tx -> tx.run(STORED_SUBMISSIONS, Map.of("ids", List.copyOf(acknowledged.keySet())))
			.list(r -> Map.entry(r.get("id").asString(), r)));
		for (var row : stored) {
			SubmissionAck ack = acknowledged.get(row.getKey());
			var record = row.getValue();
			Set<String> skills = keys(record.get("skills").asList(v -> v.asString()));
			Set<String> knowledge = keys(record.get("knowledge").asList(v -> v.asString()));
			if (record.get("version").isNull() || record.get("version").asInt() != ack.version()
					|| !skills.equals(ack.skillKeys()) || !knowledge.equals(ack.knowledgeKeys())) {
				submissionsLost++;
				note(findings, "submission " + ack.id() + " v" + ack.version() + " is stored as "
						+ (record.get("version").isNull() ? "nothing" : "v" + record.get("version").asInt()
								+ " with skills " + skills + " and knowledge " + knowledge));
			}
		}
		long submissionsStored = graph.read(tx -> tx.run(SUBMISSION_COUNT).single().get("n").asLong());

		var programme = graph.read(tx -> tx.run(PROGRAMME_PARTS, Map.of("id", PROGRAMME)).single());
		Set<String> courses = new HashSet<>(programme.get("courses").asList(v -> v.asString()));
		Set<String> teaching = new HashSet<>(programme.get("teaching").asList(v -> v.asString()));
		int coursesLost = 0;
		int teachingLost = 0;
		int repeatedVersions = 0;
		Set<Integer> versions = new HashSet<>();
		for (EditAck edit : traffic.edits()) {
			if (!versions.add(edit.version())) {
				repeatedVersions++;
				note(findings, "programme version " + edit.version() + " was acknowledged to two edits");
			}
			if (edit.kind() == Kind.SAVE_COURSE && !courses.contains(edit.courseId())) {
				coursesLost++;
				note(findings, "course " + edit.courseId() + " (version " + edit.version() + ") is not in " + PROGRAMME);
			}
			if (edit.kind() == Kind.SET_TEACHING && !teaching.contains(edit.courseId() + " " + edit.pointId())) {
				teachingLost++;
				note(findings, "course " + edit.courseId() + " does not teach " + edit.pointId() + " (version "
						+ edit.version() + ")");
			}
		}

		Map<String, Long> pointsByKey = graph.read(tx -> tx.run(POINT_NAMES)
			.list(r -> r.get("kind").asString() + " " + PointNames.key(r.get("name").asString())))
			.stream()
			.collect(Collectors.groupingBy(key -> key, TreeMap::new, Collectors.counting()));
		int duplicates = 0;
		for (var entry : pointsByKey.entrySet()) {
			if (entry.getValue() > 1) {
				duplicates += (int) (entry.getValue() - 1);
				note(findings, entry.getValue() + " points of " + entry.getKey());
			}
		}
		return new Verification(acknowledged.size(), submissionsStored, submissionsLost, repeatedIds,
				traffic.edits().size(), coursesLost, teachingLost, repeatedVersions,
				programme.get("version").asInt(), duplicates, List.copyOf(findings));
	}

	/** The figures of each kind of request with the verification. */
	Report report(Traffic traffic, Verification verification, double loadBefore, double loadAfter) {
		List<KindSummary> kinds = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			List<Call> calls = traffic.calls().stream().filter(c -> c.kind() == kind).toList();
			Map<String, Long> classes = calls.stream()
				.collect(Collectors.groupingBy(c -> c.status() == 0 ? "none" : c.status() / 100 + "xx", TreeMap::new,
						Collectors.counting()));
			long[] nanos = calls.stream().mapToLong(Call::nanos).toArray();
			kinds.add(new KindSummary(kind, calls.size(), traffic.count(kind, Result.ACKNOWLEDGED),
					traffic.count(kind, Result.REFUSED), traffic.count(kind, Result.FAILED), classes,
					nanos.length == 0 ? null : Latencies.of(nanos)));
		}
		List<String> unanswered = traffic.calls().stream()
			.filter(c -> c.result() != Result.ACKNOWLEDGED)
			.map(c -> c.result() + " " + c.kind().name() + " (HTTP " + c.status() + "): " + c.detail())
			.distinct()
			.limit(5)
			.toList();
		String machine = machine() + ", page cache "
				+ context.getEnvironment().getProperty("abilitymap.neo4j.embedded.page-cache-mb") + " MiB";
		return new Report(options, machine, List.copyOf(kinds), traffic.seconds(), loadBefore, loadAfter, verification,
				unanswered);
	}

	@Override
	public void close() {
		try {
			context.close();
		}
		finally {
			EmbeddedNeo4j.deleteDirectory(dataDir);
		}
	}

	/** One client thread: the first {@code editors} edit the programme, the others submit as their enterprise. */
	private final class Client {

		private final int index;

		private final Random random;

		private final HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();

		private final List<Call> calls = new ArrayList<>();

		private final List<SubmissionAck> submissions = new ArrayList<>();

		private final List<EditAck> edits = new ArrayList<>();

		private int sent;

		Client(int index, Random random) {
			this.index = index;
			this.random = random;
		}

		/** Sends one request after the other until {@code end}; the shared names change with the time since {@code started}. */
		void runUntil(long end, long started) {
			while (System.nanoTime() < end) {
				if (index < options.editors()) {
					if (sent % 2 == 0) {
						saveCourse();
					}
					else {
						setTeaching();
					}
				}
				else {
					submit((System.nanoTime() - started) / GENERATION_NANOS);
				}
				sent++;
			}
		}

		/** A new version of its enterprise's series for the next job, naming three skills and one knowledge point. */
		private void submit(long generation) {
			int submitter = index - options.editors();
			String enterprise = enterprise(submitter % options.enterprises());
			List<String> skillNames = pick(SKILL_NAMES, 3, generation);
			String knowledgeName = pick(KNOWLEDGE_NAMES, 1, generation).get(0);
			List<Map<String, Object>> skills = new ArrayList<>();
			for (int s = 0; s < skillNames.size(); s++) {
				Map<String, Object> skill = new LinkedHashMap<>();
				skill.put("name", spelt(skillNames.get(s)));
				skill.put("level", s == 0 ? "PRACTISED" : "AWARE");
				if (s == 0) {
					skill.put("knowledge", List.of(Map.of("name", spelt(knowledgeName))));
				}
				skills.add(skill);
			}
			Map<String, Object> task = Map.of("name", "负载任务 " + index + "-" + sent, "frequency", "DAILY",
					"importance", 4, "difficulty", 3, "steps", List.of(Map.of("name", "负载步骤", "skills", skills)));
			Map<String, Object> document = Map.of("enterprise", Map.of("id", enterprise, "name",
					"负载企业" + (submitter % options.enterprises())), "jobId", JOBS.get((sent + submitter) % JOBS.size()),
					"projects", List.of(Map.of("name", "负载项目", "tasks", List.of(task))));
			Answer answer = post(URI.create(base + "/api/submissions"),
					enterpriseTokens.get(submitter % options.enterprises()), document);
			JsonNode body = answer.body();
			if (answer.status() / 100 == 2 && body != null && body.path("submissionId").isString()) {
				submissions.add(new SubmissionAck(body.path("submissionId").asString(), body.path("version").asInt(),
						keys(skillNames), keys(List.of(knowledgeName))));
				record(Kind.SUBMISSION, answer, Result.ACKNOWLEDGED, null);
			}
			else {
				record(Kind.SUBMISSION, answer, answer.status() / 100 == 4 ? Result.REFUSED : Result.FAILED,
						answer.status() == 0 ? answer.failure() : String.valueOf(body));
			}
		}

		private void saveCourse() {
			String courseId = "ld-c-" + index + "-" + sent;
			Map<String, Object> course = Map.of("id", courseId, "name", "负载课程" + index + "-" + sent, "block",
					"INDUSTRY_FEATURE", "hours", 16, "teaches",
					List.of(Map.of("pointId", "ld-kn-seed-0", "level", "REINFORCED", "hours", 2)));
			graphQl(Kind.SAVE_COURSE, SAVE_COURSE, "saveCourse", Map.of("programmeId", PROGRAMME, "course", course),
					courseId, null);
		}

		private void setTeaching() {
			String courseId = SEED_COURSES.get((index + sent) % SEED_COURSES.size());
			String pointId = "ld-kn-" + index + "-" + sent;
			Map<String, Object> teaching = Map.of("pointId", pointId, "kind", "KNOWLEDGE", "name",
					"负载知识点" + index + "-" + sent, "level", "REINFORCED", "hours", 2);
			graphQl(Kind.SET_TEACHING, SET_TEACHING, "setCourseTeaching",
					Map.of("programmeId", PROGRAMME, "courseId", courseId, "teaching", teaching), courseId, pointId);
		}

		/**
		 * Sends a part edit: an INTERNAL_ERROR among the GraphQL errors, or no answer, is the server's failure; other
		 * GraphQL errors and the payload's own errors are refusals.
		 */
		private void graphQl(Kind kind, String document, String field, Map<String, Object> input, String courseId,
				String pointId) {
			Answer answer = post(URI.create(base + "/graphql"), designerToken,
					Map.of("query", document, "variables", Map.of("input", input)));
			JsonNode body = answer.body();
			if (answer.status() != 200 || body == null) {
				record(kind, answer, answer.status() / 100 == 4 ? Result.REFUSED : Result.FAILED,
						answer.status() == 0 ? answer.failure() : String.valueOf(body));
				return;
			}
			JsonNode errors = body.path("errors");
			JsonNode payload = body.path("data").path(field);
			boolean internal = false;
			for (JsonNode error : errors) {
				internal |= "INTERNAL_ERROR".equals(error.path("extensions").path("classification").asString(""));
			}
			if (internal) {
				record(kind, answer, Result.FAILED, errors.toString());
			}
			else if (!errors.isEmpty() || !payload.path("errors").isEmpty() || !payload.path("version").isInt()) {
				record(kind, answer, Result.REFUSED, errors.isEmpty() ? payload.toString() : errors.toString());
			}
			else {
				edits.add(new EditAck(kind, payload.path("version").asInt(), courseId, pointId));
				record(kind, answer, Result.ACKNOWLEDGED, null);
			}
		}

		/** {@code count} different names of the pool, of this generation. */
		private List<String> pick(List<String> pool, int count, long generation) {
			List<String> names = new ArrayList<>(pool);
			java.util.Collections.shuffle(names, random);
			return names.subList(0, count).stream().map(name -> name + " R" + generation).toList();
		}

		/** The name in a spelling picked at random; all of them share its key, which is checked here. */
		private String spelt(String name) {
			String spelling = SPELLINGS.get(random.nextInt(SPELLINGS.size())).apply(name);
			if (!PointNames.key(spelling).equals(PointNames.key(name))) {
				throw new IllegalStateException("The spelling '" + spelling + "' does not share the key of '" + name + "'");
			}
			return spelling;
		}

		private Answer post(URI uri, String token, Object body) {
			HttpRequest request = HttpRequest.newBuilder(uri)
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.header("Authorization", "Bearer " + token)
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
				.build();
			long started = System.nanoTime();
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				long nanos = System.nanoTime() - started;
				JsonNode parsed;
				try {
					parsed = response.body().isEmpty() ? null : json.readTree(response.body());
				}
				catch (RuntimeException notJson) {
					parsed = null;
				}
				return new Answer(response.statusCode(), parsed, nanos, null);
			}
			catch (IOException ex) {
				return new Answer(0, null, System.nanoTime() - started, ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for an answer", ex);
			}
		}

		private void record(Kind kind, Answer answer, Result result, String detail) {
			calls.add(new Call(kind, answer.nanos(), answer.status(), result, detail));
		}
	}

	/** An HTTP answer: status (0 when none came), its parsed JSON body (null when none), and how long it took. */
	private record Answer(int status, JsonNode body, long nanos, String failure) {
	}

	private static Set<String> keys(Collection<String> names) {
		return names.stream().map(PointNames::key).collect(Collectors.toSet());
	}

	private static void note(List<String> findings, String finding) {
		if (findings.size() < 20) {
			findings.add(finding);
		}
	}

	/** Full-width forms of the printable ASCII letters, digits and signs, and the ideographic space. */
	private static String fullWidth(String name) {
		StringBuilder wide = new StringBuilder(name.length());
		name.chars().forEach(c -> wide.append(c == ' ' ? '\u3000' : c > ' ' && c < 0x7f ? (char) (c + 0xFEE0) : (char) c));
		return wide.toString();
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static String machine() {
		Runtime runtime = Runtime.getRuntime();
		return String.format(Locale.ROOT, "%d cores, max heap %,d MiB, Java %s, %s %s", runtime.availableProcessors(),
				runtime.maxMemory() / (1024 * 1024), System.getProperty("java.version"), System.getProperty("os.name"),
				System.getProperty("os.arch"));
	}
}
