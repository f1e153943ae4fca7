package org.abilitymap.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.abilitymap.alignment.AlignmentRepository;
import org.abilitymap.alignment.AlignmentSnapshots;
import org.abilitymap.support.neo4j.Graph;
import org.abilitymap.support.neo4j.Rows;
import org.abilitymap.support.neo4j.StaleAlignments;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Times coverage + gaps of one programme: one GraphQL request over HTTP, as a client sends it; the one query it runs
 * once the programme's alignment is stored ({@code AlignmentSnapshots.READ}), through the driver as the application
 * runs it; and the GraphQL request right after a write made the stored alignment stale, which computes it again with
 * the three alignment queries ({@code COVERAGE}, {@code COVERAGE_BY_JOB}, {@code GAPS}).
 */
final class LatencyProbe {

	static final String QUERY = """
			query Alignment($id: ID!) {
			  coverage(programId: $id) {
			    overall { required covered ratio requiredWeight coveredWeight weightedRatio }
			    skills { required covered ratio weightedRatio }
			    knowledge { required covered ratio weightedRatio }
			    byBlock { block share { required covered ratio weightedRatio } }
			    byJob { job { id name } share { required covered ratio weightedRatio } }
			  }
			  gaps(programId: $id) {
			    kind point { id name } requiredLevel taughtLevel importance jobs { id } closestCourse { id name }
			  }
			}""";

	private final Graph graph;

	private final HttpClient http = HttpClient.newHttpClient();

	private final HttpRequest request;

	private final List<Map<String, Object>> requests;

	private final String programmeId;

	private final JsonMapper json = JsonMapper.builder().build();

	LatencyProbe(Graph graph, int port, String programmeId, String accessToken) {
		this.graph = graph;
		String body = json.writeValueAsString(Map.of("query", QUERY, "variables", Map.of("id", programmeId)));
		this.request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + accessToken)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		this.requests = List.of(Rows.of("key", "0", "programmeId", programmeId, "jobIds", null, "certificateId", null));
		this.programmeId = programmeId;
	}

	/**
	 * What one GraphQL answer says, to check it against the generator's own count.
	 *
	 * @param required |R|
	 * @param covered covered points of R
	 * @param gaps gaps returned
	 * @param belowLevel gaps of kind {@code BELOW_LEVEL}
	 * @param jobs entries of {@code byJob}
	 * @param bytes size of the response body
	 */
	record Answer(int required, int covered, int gaps, int belowLevel, int jobs, int bytes) {
	}

	/** Sends the GraphQL request once and reads its answer; fails on errors. */
	Answer answer() {
		String body = post();
		JsonNode root = json.readTree(body);
		JsonNode coverage = root.path("data").path("coverage");
		JsonNode gaps = root.path("data").path("gaps");
		int below = 0;
		for (JsonNode gap : gaps) {
			below += gap.path("kind").asString().equals("BELOW_LEVEL") ? 1 : 0;
		}
		return new Answer(coverage.path("overall").path("required").asInt(), coverage.path("overall").path("covered").asInt(),
				gaps.size(), below, coverage.path("byJob").size(), body.length());
	}

	/** Rows the three live queries return (coverage, coverage by job, gaps), and the stored snapshot's gaps. */
	int[] rawRowCounts() {
		int storedGaps = graph.read(tx -> tx.run(AlignmentSnapshots.READ, Map.of("programmeIds", List.of(programmeId)))
			.single()
			.get("gaps")
			.size());
		return new int[] { run(AlignmentRepository.COVERAGE), run(AlignmentRepository.COVERAGE_BY_JOB),
				run(AlignmentRepository.GAPS), storedGaps };
	}

	/** Diagnostics: each query's profiled plan (rows and database hits per operator) and its own p50. */
	String profiles(int iterations) {
		StringBuilder text = new StringBuilder();
		Map<String, String> queries = Map.of("COVERAGE", AlignmentRepository.COVERAGE, "COVERAGE_BY_JOB",
				AlignmentRepository.COVERAGE_BY_JOB, "GAPS", AlignmentRepository.GAPS, "SNAPSHOT", AlignmentSnapshots.READ);
		Map<String, Object> parameters = Map.of("requests", requests, "programmeIds", List.of(programmeId));
		for (String name : List.of("COVERAGE", "COVERAGE_BY_JOB", "GAPS", "SNAPSHOT")) {
			text.append(name).append('\n').append(PlanPrinter.profile(graph, queries.get(name), parameters));
			long[] samples = new long[iterations];
			for (int i = 0; i < iterations; i++) {
				long started = System.nanoTime();
				graph.read(tx -> tx.run(queries.get(name), parameters).list());
				samples[i] = System.nanoTime() - started;
			}
			text.append(String.format("%s p50 %.2f ms%n%n", name, Latencies.of(samples).p50Ms()));
		}
		return text.toString();
	}

	/**
	 * The smallest read query, {@code RETURN 1}, run the way {@code Graph.query} runs one, in nanoseconds: the floor
	 * under every query.
	 */
	long timeRoundTrip() {
		long started = System.nanoTime();
		graph.query("RETURN 1", Map.of(), r -> r);
		return System.nanoTime() - started;
	}

	/** One GraphQL request, in nanoseconds. */
	long timeGraphQl() {
		long started = System.nanoTime();
		post();
		return System.nanoTime() - started;
	}

	/** The query a GraphQL request runs once the alignment is stored, run as the application runs it, in nanoseconds. */
	long timeCypher() {
		long started = System.nanoTime();
		graph.query(AlignmentSnapshots.READ, Map.of("programmeIds", List.of(programmeId)), r -> r);
		return System.nanoTime() - started;
	}

	/**
	 * One GraphQL request right after the stored alignment was dropped, as a write to the programme or its jobs does
	 * (the drop itself is not timed), in nanoseconds.
	 */
	long timeColdGraphQl() {
		graph.write(tx -> {
			StaleAlignments.dropForProgrammes(tx, List.of(programmeId));
			return null;
		});
		long started = System.nanoTime();
		post();
		return System.nanoTime() - started;
	}

	private int run(String cypher) {
		return graph.read(tx -> tx.run(cypher, Map.of("requests", requests)).list()).size();
	}

	private String post() {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
				throw new IllegalStateException("GraphQL answered " + response.statusCode() + ": "
						+ response.body().substring(0, Math.min(500, response.body().length())));
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot reach the GraphQL endpoint: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}
}
