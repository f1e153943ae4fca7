package org.abilitymap.jobs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.abilitymap.points.PointNames;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.TestSystemActor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen enterprises submitting at once, all naming the same new points (spelt in different ways that normalise to
 * one name): every submission is accepted and each name ends up as exactly one point, created by one of them and
 * matched by name by the others.
 */
class ConcurrentSubmissionsTest extends GraphTestSupport {

	private static final int ENTERPRISES = 16;

	/** Two spellings of each shared name, with one key: a space beside Chinese is dropped, NFKC, case folded. */
	private static final List<List<String>> SHARED_SKILLS = List.of(List.of("扭矩扳手使用", "扭矩 扳手使用"),
			List.of("Torque calibration", "ＴＯＲＱＵＥ  Calibration"));

	private static final List<String> SHARED_KNOWLEDGE = List.of("力矩规范", "力矩 规范");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private JsonMapper jsonMapper;

	@Test
	void concurrentSubmissionsSharingNewPointNamesAllSucceedWithOnePointPerName() throws Exception {
		loadCatalog();
		assertThat(count("SkillPoint") + count("KnowledgePoint")).isZero();

		List<HttpResponse<String>> responses = postTogether();

		assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(201);
		// per enterprise: one skill of its own; shared: two skills and one knowledge point
		assertThat(count("SkillPoint")).isEqualTo(ENTERPRISES + 2);
		assertThat(count("KnowledgePoint")).isEqualTo(1);
		for (String name : List.of("扭矩扳手使用", "torque calibration", "力矩规范")) {
			assertThat(pointsWithKey(name)).as(name).isEqualTo(1);
			// exactly one submission says it created the point; the other fifteen landed on it by name
			assertThat(responses.stream().filter(r -> createdKeys(r).contains(name)).count()).as(name).isEqualTo(1);
			assertThat(responses.stream().filter(r -> matchedByName(r).contains(name)).count()).as(name)
				.isEqualTo(ENTERPRISES - 1);
		}
		assertThat(count("Submission")).isEqualTo(ENTERPRISES);
		// every submission's steps use the one shared point of each name
		long uses = graph.read(tx -> tx.run("""
				MATCH (p:SkillPoint {nameKey: '扭矩扳手使用'})<-[:REQUIRES_SKILL]-()
				RETURN count(*) AS uses
				""").single().get("uses").asLong());
		assertThat(uses).isEqualTo(ENTERPRISES);
	}

	/** Sends every enterprise's submission on a thread of its own, all released at once. */
	private List<HttpResponse<String>> postTogether() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(ENTERPRISES);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<HttpResponse<String>>> futures = new ArrayList<>();
			for (int i = 0; i < ENTERPRISES; i++) {
				HttpRequest request = TestSystemActor.request(URI.create("http://localhost:" + port + "/api/submissions"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(jsonMapper.writeValueAsString(submission(i)),
							StandardCharsets.UTF_8))
					.build();
				futures.add(pool.submit(() -> {
					start.await();
					return http.send(request, HttpResponse.BodyHandlers.ofString());
				}));
			}
			start.countDown();
			List<HttpResponse<String>> responses = new ArrayList<>();
			for (Future<HttpResponse<String>> future : futures) {
				responses.add(future.get(3, TimeUnit.MINUTES));
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Enterprise {@code i}'s submission: the shared names in its spelling, and a skill of its own. */
	private static Map<String, Object> submission(int i) {
		int spelling = i % 2;
		Map<String, Object> torque = Map.of("name", SHARED_SKILLS.get(0).get(spelling), "level", "PRACTISED",
				"knowledge", List.of(Map.of("name", SHARED_KNOWLEDGE.get(spelling))));
		Map<String, Object> calibration = Map.of("name", SHARED_SKILLS.get(1).get(spelling), "level", "AWARE");
		Map<String, Object> own = Map.of("name", "企业专有技能" + i, "level", "AWARE");
		Map<String, Object> step = Map.of("name", "紧固模组", "skills", List.of(torque, calibration, own));
		Map<String, Object> task = Map.of("name", "模组装配", "frequency", "DAILY", "importance", 4, "difficulty", 3,
				"steps", List.of(step));
		return Map.of("enterprise", Map.of("id", "cc-ent-" + i, "name", "并发企业" + i), "jobId",
				"t-battery-assembler", "projects", List.of(Map.of("name", "电池包装配", "tasks", List.of(task))));
	}

	private long pointsWithKey(String key) {
		return graph.read(tx -> tx.run("""
				MATCH (p) WHERE (p:SkillPoint OR p:KnowledgePoint) AND p.nameKey = $key RETURN count(p) AS n
				""", Map.of("key", key)).single().get("n").asLong());
	}

	@SuppressWarnings("unchecked")
	private List<String> createdKeys(HttpResponse<String> response) {
		List<Map<String, Object>> created = (List<Map<String, Object>>) body(response).get("createdPoints");
		return created.stream().map(p -> PointNames.key((String) p.get("name"))).toList();
	}

	@SuppressWarnings("unchecked")
	private List<String> matchedByName(HttpResponse<String> response) {
		List<Map<String, Object>> matched = (List<Map<String, Object>>) body(response).get("matchedPoints");
		return matched.stream()
			.filter(m -> "NAME".equals(m.get("matchedBy")))
			.map(m -> PointNames.key((String) m.get("givenName")))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> body(HttpResponse<String> response) {
		return (Map<String, Object>) json.parse(response.body().getBytes(StandardCharsets.UTF_8));
	}
}
