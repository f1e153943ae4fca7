package org.abilitymap.support.graphql;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import graphql.introspection.IntrospectionQuery;
import graphql.introspection.IntrospectionQueryBuilder;
import org.abilitymap.support.ChunkedPost;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.TestSystemActor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.execution.ErrorType;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GraphQL depth (15), complexity (2000), top-level field (100) and time limits reject hostile queries and let
 * GraphiQL's introspection through; an oversized request body is cut off with 413.
 */
class QueryLimitsTest extends GraphTestSupport {

	/** A group with its jobs, under an alias of {@code job}: ten fields. */
	private static final String GROUP_WITH_JOBS = "group { id name nameEn jobs { id name nameEn group { id } } }";

	@LocalServerPort
	private int port;

	/** A page of jobs with their groups: ten fields. */
	private static final String EXPENSIVE_FIELD = "jobs(first: 100) { edges { node { id name nameEn group { id name nameEn } } } }";

	@BeforeEach
	void catalog() {
		loadCatalog();
		jobDocuments.importDocument(document("submission-a.json"));
	}

	@Test
	void aQueryFifteenLevelsDeepIsAnswered() {
		// job, then group and jobs in turn for 13 levels (ending on a group), then id: 15 fields deep
		String path = "job" + ".group.jobs[0]".repeat(6) + ".group.id";
		query(jobGroupCycle(15)).path(path).entity(String.class).isEqualTo("t-nev-production");
	}

	@Test
	void aQuerySixteenLevelsDeepIsRejectedWithoutData() {
		assertRejected(query(jobGroupCycle(16)), "depth");
	}

	@Test
	void aDeepQueryThroughTheAbilityMapIsRejectedWithoutData() {
		String query = nested("abilityMap(jobId: \"t-battery-assembler\")", "projects", "tasks", "steps", "skills", "skill",
				"requiredBy", "jobs", "group", "segments", "jobGroups", "jobs", "group", "segments", "jobGroups", "jobs",
				"group", "id");
		assertRejected(query(query), "depth");
	}

	@Test
	void aQueryOfComplexityTwoThousandIsAnswered() {
		// job, 199 aliased groups with their jobs (1,990 fields) and 9 aliased ids: 2,000 fields
		query(ofComplexity(2000)).path("job.a198.jobs[0].group.id").entity(String.class).isEqualTo("t-nev-production")
			.path("job.i8").entity(String.class).isEqualTo("t-battery-assembler");
	}

	@Test
	void aQueryOverComplexityTwoThousandIsRejectedWithoutData() {
		assertRejected(query(ofComplexity(2001)), "complexity");
	}

	@Test
	void aHostileQuerySentAgainIsRejectedAgainThoughItsParsedDocumentIsKept() {
		for (int i = 0; i < 2; i++) {
			assertRejected(query(ofComplexity(2001)), "complexity");
			assertRejected(query(jobGroupCycle(16)), "depth");
			assertRejected(query(aliased(101)), "root fields");
		}
	}

	@Test
	void aHundredTopLevelFieldsAreAnswered() {
		// 100 aliases of a page of jobs with their groups: 1,000 fields, each alias its own database queries
		query(aliased(100)).path("a99.edges[0].node.group.id").entity(String.class).isEqualTo("t-nev-production");
	}

	@Test
	void aThousandAliasesOfJobCountsAreRefusedAtOnceWithoutRunning() {
		// 2,000 fields, within the complexity limit, but 1,000 top-level fields: 5 s of counting before this limit
		String thousandCounts = IntStream.range(0, 1000)
			.mapToObj(i -> "c" + i + ": jobs { totalCount }")
			.collect(Collectors.joining(" ", "{ ", " }"));

		long started = System.nanoTime();
		GraphQlTester.Response response = query(thousandCounts);
		response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getMessage()).startsWith("Maximum query root fields exceeded: 1000 fields")
				.contains("at most 100 allowed");
			assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
		}));
		assertThat(response.returnResponse().<Object>getData()).isNull();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void aQueryRunningLongerThanTheTimeoutIsStoppedWithOneErrorAndNoData() throws Exception {
		// An instance whose queries may run 1 ms: a hundred pages of jobs take longer than that on any machine.
		try (ConfigurableApplicationContext instance = anotherInstance("--abilitymap.graphql.timeout=1ms",
				"--abilitymap.security.public-read=true")) {
			String body = JsonMapper.builder().build().writeValueAsString(Map.of("query", aliased(100)));
			HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + portOf(instance) + "/graphql"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());

			@SuppressWarnings("unchecked")
			Map<String, Object> answer = (Map<String, Object>) json.parse(response.body());
			assertThat(answer.get("data")).isNull();
			assertThat((List<Map<String, Object>>) answer.get("errors")).singleElement().satisfies(error -> {
				assertThat(error.get("message")).isEqualTo("Maximum query time exceeded: the query was stopped after "
						+ "1 ms; ask for fewer fields or smaller pages, or split it into several requests");
				assertThat(error.get("extensions")).isEqualTo(Map.of("classification", "BAD_REQUEST"));
			});
		}
	}

	@Test
	void topLevelFieldsInFragmentsAreCountedToo() {
		String fragment = IntStream.range(0, 101)
			.mapToObj(i -> "c" + i + ": jobs { totalCount }")
			.collect(Collectors.joining(" ", "query { ...Counts } fragment Counts on Query { ", " }"));

		assertRejected(query(fragment), "root fields");
	}

	@Test
	void fragmentsAreCountedWhereverTheyAreSpread() {
		// 13 short fragments, each spreading the next under two aliases: about 12,000 fields when expanded
		StringBuilder document = new StringBuilder("{ job(id: \"t-battery-assembler\") { ...F0 } }\n");
		for (int level = 0; level < 12; level++) {
			String type = level % 2 == 0 ? "Job" : "JobGroup";
			String field = level % 2 == 0 ? "group" : "jobs";
			String next = " { ...F" + (level + 1) + " }";
			document.append("fragment F").append(level).append(" on ").append(type)
				.append(" { x: ").append(field).append(next).append(" y: ").append(field).append(next).append(" }\n");
		}
		document.append("fragment F12 on Job { id }\n");
		assertRejected(query(document.toString()), "complexity");
	}

	@Test
	void aChunkedGraphQlRequestOverTheSizeLimitIsCutOffWith413AndRunsNothing() {
		List<String> before = fingerprint();
		byte[] start = ("{\"query\": \"mutation { saveJobCatalog(input: {}) { errors { code } } }\", \"x\": \"")
			.getBytes(StandardCharsets.UTF_8);

		ChunkedPost.Answer answer = ChunkedPost.post(port, "/graphql", start, 64L << 20, "Content-Type",
				"application/json", TestSystemActor.HEADER, "system");

		assertThat(answer.status()).as(answer.body()).isEqualTo(413);
		assertThat(answer.completed()).isFalse();
		assertThat(answer.body()).contains("\"limit\":" + (json.limits().maxBytes() + 64 * 1024), "TOO_LARGE");
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void theStandardIntrospectionQueryIsAccepted() {
		assertIntrospectionAnswered(query(IntrospectionQuery.INTROSPECTION_QUERY));
	}

	@Test
	void graphiqlsIntrospectionQueryWithEveryOptionAndNineTypeLevelsIsAccepted() {
		// GraphiQL's graphql-js asks for descriptions, deprecated input values and nine levels of ofType
		String graphiql = IntrospectionQueryBuilder.build(IntrospectionQueryBuilder.Options.defaultOptions()
			.descriptions(true)
			.specifiedByUrl(true)
			.directiveIsRepeatable(true)
			.schemaDescription(true)
			.inputValueDeprecation(true)
			.isOneOf(true)
			.typeRefFragmentDepth(9));

		assertIntrospectionAnswered(query(graphiql));
	}

	// ----- helpers

	private GraphQlTester.Response query(String document) {
		return graphQlTester.document(document).execute();
	}

	/** {@code job → group → jobs → group → …} ending in {@code id}, exactly {@code depth} fields deep. */
	private static String jobGroupCycle(int depth) {
		String[] fields = new String[depth];
		fields[0] = "job(id: \"t-battery-assembler\")";
		for (int level = 1; level < depth - 1; level++) {
			fields[level] = level % 2 == 1 ? "group" : "jobs";
		}
		fields[depth - 1] = "id";
		return nested(fields);
	}

	/** A query selecting each field inside the one before: {@code { a { b { c } } }}. */
	private static String nested(String... fields) {
		return "{ " + String.join(" { ", fields) + " }".repeat(fields.length);
	}

	/**
	 * One {@code job} holding {@link #GROUP_WITH_JOBS} under the aliases a0, a1, … and aliased ids i0, i1, … to make up
	 * {@code fields} fields.
	 */
	private static String ofComplexity(int fields) {
		int groups = (fields - 1) / 10;
		String selection = IntStream.range(0, groups).mapToObj(i -> "a" + i + ": " + GROUP_WITH_JOBS)
			.collect(Collectors.joining(" "));
		String ids = IntStream.range(0, fields - 1 - 10 * groups).mapToObj(i -> "i" + i + ": id")
			.collect(Collectors.joining(" "));
		return "{ job(id: \"t-battery-assembler\") { " + selection + " " + ids + " } }";
	}

	/** The expensive field {@code count} times under the aliases a0, a1, …. */
	private static String aliased(int count) {
		return IntStream.range(0, count)
			.mapToObj(i -> "a" + i + ": " + EXPENSIVE_FIELD)
			.collect(Collectors.joining("\n", "{\n", "\n}"));
	}

	private static void assertRejected(GraphQlTester.Response response, String limit) {
		response.errors().satisfy(errors -> assertThat(errors).singleElement()
			.satisfies(error -> assertThat(error.getMessage()).containsIgnoringCase("maximum query " + limit)));
		Object data = response.returnResponse().getData();
		assertThat(data).isNull();
	}

	private static void assertIntrospectionAnswered(GraphQlTester.Response response) {
		response.path("__schema.queryType.name").entity(String.class).isEqualTo("Query")
			.path("__schema.mutationType.name").entity(String.class).isEqualTo("Mutation")
			.path("__schema.types[*].name").entityList(String.class).contains("AbilityMap", "SkillPoint", "JobFilter");
	}
}
