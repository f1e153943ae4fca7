package org.abilitymap.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.abilitymap.AbilitymapApplication;
import org.abilitymap.accounts.Accounts;
import org.abilitymap.accounts.Actor;
import org.abilitymap.accounts.NewAccount;
import org.abilitymap.accounts.OrganisationKind;
import org.abilitymap.accounts.Rights;
import org.abilitymap.accounts.Role;
import org.abilitymap.support.neo4j.EmbeddedNeo4j;
import org.abilitymap.support.neo4j.Graph;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar abilitymap.jar bench}: for each scale, starts the application (web server on a random port, a
 * fresh embedded Neo4j in a temporary folder), generates a province, checks and times coverage + gaps of the
 * benchmarked programme through GraphQL and through the raw Cypher, then prints and writes a markdown table.
 */
public final class BenchCommand {

	/** Warm-up iterations per reported block. */
	private static final int WARM_UP_BLOCK = 1_000;

	private final BenchOptions options;

	private final PrintStream out;

	private BenchCommand(BenchOptions options, PrintStream out) {
		this.options = options;
		this.out = out;
	}

	/**
	 * Runs the benchmark, or with {@code load} first the load run ({@link LoadRun}), and returns the exit code: 0 done,
	 * 1 failed, 2 usage error.
	 */
	public static int run(List<String> arguments, PrintStream out, PrintStream err) {
		if (!arguments.isEmpty() && arguments.get(0).equals("load")) {
			return LoadRun.run(arguments.subList(1, arguments.size()), out, err);
		}
		BenchOptions options;
		try {
			options = BenchOptions.parse(arguments);
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.println(BenchOptions.USAGE);
			return 2;
		}
		try {
			new BenchCommand(options, out).run();
			return 0;
		}
		catch (RuntimeException | IOException ex) {
			ex.printStackTrace(err);
			return 1;
		}
	}

	private void run() throws IOException {
		if (collectors().stream().anyMatch(name -> name.startsWith("G1"))) {
			out.println("Note: this JVM runs the G1 collector; the figures in docs/benchmarks.md come from "
					+ "-XX:+UseParallelGC, with which the bulk import is about 20 % faster here.");
		}
		BenchReport report = new BenchReport(machine(), String.format(Locale.ROOT,
				"seed %d, %d warm-up + %d measured iterations per path, interleaved; page cache %s MiB",
				options.seed(), options.warmup(), options.iterations(), pageCacheMb()));
		for (long scale : options.scales()) {
			report.add(measure(scale));
		}
		String markdown = report.markdown();
		out.println();
		out.println(markdown);
		Path file = options.report().toAbsolutePath();
		Files.createDirectories(file.getParent());
		Files.writeString(file, markdown);
		out.println("Written to " + file);
	}

	private BenchReport.Scale measure(long scale) throws IOException {
		ProvinceShape shape = ProvinceShape.forNodes(scale);
		out.printf(Locale.ROOT, "== scale %,d: %d industries, %d job groups, %d jobs, %d schools, %d programmes%n", scale,
				shape.industries(), shape.jobGroups(), shape.jobs(), shape.schools(), shape.programmes());
		Path dataDir = Files.createTempDirectory("abilitymap-bench-");
		try (ConfigurableApplicationContext context = start(dataDir)) {
			Graph graph = context.getBean(Graph.class);
			long cpuBefore = processCpuNanos();
			ProvinceGenerator.Result province = new ProvinceGenerator(graph, shape, options.seed(), out::println).generate();
			double importCpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
			double importLoad = loadAverage();
			out.printf(Locale.ROOT, "Generated %,d nodes and %,d relationships (%,d elements) in %.1f s: %,.0f elements/s "
					+ "(%.1f s of process CPU, load average %.1f)%n", province.nodes(), province.relationships(),
					province.elements(), province.seconds(), province.elementsPerSecond(), importCpuSeconds, importLoad);
			int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			LatencyProbe probe = new LatencyProbe(graph, port, province.benchmark().programmeId(),
					benchToken(context.getBean(Accounts.class)));
			LatencyProbe.Answer answer = check(probe, province.benchmark());
			if (Boolean.getBoolean("bench.profile")) {
				out.println(probe.profiles(options.iterations()));
			}
			System.gc();
			Samples samples = sample(probe);
			BenchReport.Scale result = new BenchReport.Scale(province, importCpuSeconds, importLoad, answer,
					Latencies.of(samples.graphQl()), Latencies.of(samples.cypher()), Latencies.of(samples.roundTrip()),
					Latencies.of(samples.cold()), samples.cpu()[0] / 1e6, samples.cpu()[1] / 1e6, samples.cpu()[2] / 1e6,
					loadAverage(), samples.warmUpGraphQlP50s());
			out.printf(Locale.ROOT, "GraphQL p50 %.2f ms, p99 %.2f ms; Cypher p50 %.2f ms, p99 %.2f ms; ratio %.2f; "
					+ "after a write: GraphQL p50 %.2f ms, p99 %.2f ms%n", result.graphQl().p50Ms(),
					result.graphQl().p99Ms(), result.cypher().p50Ms(), result.cypher().p99Ms(), result.graphQlOverCypher(),
					result.coldGraphQl().p50Ms(), result.coldGraphQl().p99Ms());
			out.printf(Locale.ROOT, "Process CPU per request: GraphQL %.2f ms, Cypher %.2f ms, after a write %.2f ms%n",
					result.graphQlCpuMs(), result.cypherCpuMs(), result.coldGraphQlCpuMs());
			return result;
		}
		finally {
			EmbeddedNeo4j.deleteDirectory(dataDir);
		}
	}

	/**
	 * An auditor's access token in the throwaway database, so that the probe asks as a signed-in reader does; a
	 * token rather than a password, which would add its deliberately slow hash to every request measured.
	 */
	private static String benchToken(Accounts accounts) {
		Actor bench = new Actor("bench-auditor", "qo-bench", OrganisationKind.QUALITY_OFFICE, Set.of(Role.AUDITOR),
				false);
		return Rights.runAs(Actor.system("system:bench"), () -> {
			accounts.create(new NewAccount(bench.username(), null, UUID.randomUUID().toString(),
					OrganisationKind.QUALITY_OFFICE, bench.organisationId(), "基准测试 (bench)", Set.of(Role.AUDITOR)));
			return Rights.runAs(bench, () -> accounts.createToken("bench").secret());
		});
	}

	private ConfigurableApplicationContext start(Path dataDir) {
		return start(options.springArguments(), dataDir);
	}

	/**
	 * The application with a web server on a random port and its own embedded Neo4j (Bolt on a random loopback port) in
	 * {@code dataDir}, without demo data; {@code springArguments} ({@code --name=value}) come first.
	 */
	static ConfigurableApplicationContext start(List<String> springArguments, Path dataDir) {
		List<String> arguments = new ArrayList<>(springArguments);
		arguments.add("--abilitymap.neo4j.embedded.data-dir=" + dataDir);
		// on the command line, since application.yml outranks default properties (it turns the demo data on)
		for (String forced : List.of("abilitymap.neo4j.uri=", "abilitymap.neo4j.embedded.bolt-port=0", "server.port=0",
				"abilitymap.demo.load=false")) {
			String name = forced.substring(0, forced.indexOf('='));
			if (springArguments.stream().noneMatch(a -> a.startsWith("--" + name + "="))) {
				arguments.add("--" + forced);
			}
		}
		var application = new SpringApplication(AbilitymapApplication.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		application.setDefaultProperties(Map.of("abilitymap.neo4j.embedded.page-cache-mb", "2048", "logging.level.root", "warn",
				"logging.level.org.abilitymap", "warn"));
		return application.run(arguments.toArray(String[]::new));
	}

	/** Compares the GraphQL answer with what the generator counted; a benchmark of wrong answers is worthless. */
	private LatencyProbe.Answer check(LatencyProbe probe, ProvinceGenerator.Benchmark expected) {
		LatencyProbe.Answer answer = probe.answer();
		int[] rows = probe.rawRowCounts();
		out.printf(Locale.ROOT, "Programme %s: R = %d points, %d covered, %d gaps (%d below level), %d target jobs, "
				+ "response %,d bytes; live query rows %d / %d / %d, stored gaps %d%n", expected.programmeId(),
				answer.required(), answer.covered(), answer.gaps(), answer.belowLevel(), answer.jobs(), answer.bytes(),
				rows[0], rows[1], rows[2], rows[3]);
		if (answer.required() != expected.required() || answer.covered() != expected.covered()
				|| answer.gaps() != expected.gaps() || answer.belowLevel() != expected.belowLevel()
				|| answer.jobs() != ProvinceShape.BENCHMARK_TARGET_JOBS || rows[2] != expected.gaps()
				|| rows[3] != expected.gaps()) {
			throw new IllegalStateException("The alignment answer differs from the generated programme: expected "
					+ expected + ", GraphQL said " + answer);
		}
		return answer;
	}

	/** What {@link #sample} measured at one scale. */
	private record Samples(long[] graphQl, long[] cypher, long[] roundTrip, long[] cold, long[] cpu,
			List<Double> warmUpGraphQlP50s) {
	}

	/**
	 * Warm-up, then interleaved measurements (alternating which path goes first), so that both paths see the same
	 * machine: GraphQL, Cypher and {@code RETURN 1}; then GraphQL right after a write made the stored alignment stale,
	 * a fifth as many times; then the process CPU time per call of each GraphQL and Cypher path. The warm-up reports
	 * the GraphQL p50 of every block of {@value #WARM_UP_BLOCK} iterations, so that one sees whether it has settled.
	 */
	private Samples sample(LatencyProbe probe) {
		List<Double> warmUp = new ArrayList<>();
		long[] block = new long[WARM_UP_BLOCK];
		for (int i = 0; i < options.warmup(); i++) {
			block[i % WARM_UP_BLOCK] = probe.timeGraphQl();
			probe.timeCypher();
			probe.timeRoundTrip();
			if ((i + 1) % WARM_UP_BLOCK == 0) {
				double p50 = Latencies.of(block).p50Ms();
				warmUp.add(p50);
				out.printf(Locale.ROOT, "warm-up %,d of %,d: GraphQL p50 %.2f ms over the last %,d%n", i + 1,
						options.warmup(), p50, WARM_UP_BLOCK);
			}
		}
		long[] graphQl = new long[options.iterations()];
		long[] cypher = new long[options.iterations()];
		long[] roundTrip = new long[options.iterations()];
		for (int i = 0; i < options.iterations(); i++) {
			if (i % 2 == 0) {
				graphQl[i] = probe.timeGraphQl();
				cypher[i] = probe.timeCypher();
			}
			else {
				cypher[i] = probe.timeCypher();
				graphQl[i] = probe.timeGraphQl();
			}
			roundTrip[i] = probe.timeRoundTrip();
		}
		long[] cold = new long[Math.max(20, options.iterations() / 5)];
		for (int i = 0; i < cold.length; i++) {
			cold[i] = probe.timeColdGraphQl();
		}
		int cpuIterations = Math.max(20, options.iterations() / 5);
		long[] cpu = { cpuPerCall(probe::timeGraphQl, cpuIterations), cpuPerCall(probe::timeCypher, cpuIterations),
				cpuPerCall(probe::timeColdGraphQl, cpuIterations) };
		return new Samples(graphQl, cypher, roundTrip, cold, cpu, List.copyOf(warmUp));
	}

	/**
	 * Process CPU time (all threads: web server, GraphQL, driver, database, and the client here) per call, in
	 * nanoseconds: unlike wall-clock time it hardly depends on what else runs on the machine.
	 */
	private static long cpuPerCall(java.util.function.LongSupplier call, int iterations) {
		long started = processCpuNanos();
		for (int i = 0; i < iterations; i++) {
			call.getAsLong();
		}
		return (processCpuNanos() - started) / iterations;
	}

	/** CPU time of the whole process so far (all threads: generator, driver, embedded database, web server). */
	private static long processCpuNanos() {
		var os = ManagementFactory.getOperatingSystemMXBean();
		return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private String pageCacheMb() {
		return options.springArguments().stream()
			.filter(a -> a.startsWith("--abilitymap.neo4j.embedded.page-cache-mb="))
			.map(a -> a.substring(a.indexOf('=') + 1))
			.findFirst()
			.orElse("2048");
	}

	private static String machine() {
		Runtime runtime = Runtime.getRuntime();
		return String.format(Locale.ROOT, "%d cores, max heap %,d MiB, collectors %s, Java %s (%s), %s %s",
				runtime.availableProcessors(), runtime.maxMemory() / (1024 * 1024), String.join(" + ", collectors()),
				System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
				System.getProperty("os.arch"));
	}

	/** The names of the JVM's garbage collectors, e.g. {@code G1 Young Generation} or {@code PS Scavenge}. */
	private static List<String> collectors() {
		return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList();
	}
}
