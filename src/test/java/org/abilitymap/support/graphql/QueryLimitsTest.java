package org.abilitymap.support.graphql;

import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The GraphQL depth (15) and complexity (2000) limits reject hostile queries and let GraphiQL's introspection through. */
class QueryLimitsTest extends GraphTestSupport {

	/** Complexity of one {@link #EXPENSIVE_FIELD}: one per field, nested ones included. */
	private static final int EXPENSIVE_FIELD_COMPLEXITY = 10;

	@LocalServerPort
	private int port;

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
		int aliases = 2000 / EXPENSIVE_FIELD_COMPLEXITY;
		query(aliased(aliases)).path("a" + (aliases - 1) + ".edges[0].node.group.id").entity(String.class).isEqualTo("t-nev-production");
	}

	@Test
	void aQueryOverComplexityTwoThousandIsRejectedWithoutData() {
		assertRejected(query(aliased(2000 / EXPENSIVE_FIELD_COMPLEXITY + 1)), "complexity");
	}

	@Test
	void aHostileQuerySentAgainIsRejectedAgainThoughItsParsedDocumentIsKept() {
		for (int i = 0; i < 2; i++) {
			assertRejected(query(aliased(2000 / EXPENSIVE_FIELD_COMPLEXITY + 1)), "complexity");
			assertRejected(query(jobGroupCycle(16)), "depth");
		}
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
