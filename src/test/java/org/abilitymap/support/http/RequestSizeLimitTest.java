package org.abilitymap.support.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.abilitymap.support.ChunkedPost;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.TestSystemActor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies larger than their limit, sent in chunks, are cut off with 413 at the login and under a flood of them. */
class RequestSizeLimitTest extends GraphTestSupport {

	private static final long SIXTY_FOUR_MB = 64L << 20;

	@LocalServerPort
	private int port;

	@Test
	void aChunkedLoginFormOverSixtyFourKilobytesIsRefusedBeforeSpringSecuritySeesIt() {
		ChunkedPost.Answer answer = ChunkedPost.post(port, "/login", bytes("username=zhao.min&password="), SIXTY_FOUR_MB,
				"Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json");

		assertThat(answer.status()).as(answer.body()).isEqualTo(413);
		assertThat(answer.body()).contains("\"limit\":65536", "TOO_LARGE");
		assertThat(answer.completed()).isFalse();
	}

	@Test
	void aChunkedBodyToAnyOtherEndpointIsHeldToTheFormLimit() {
		ChunkedPost.Answer answer = ChunkedPost.post(port, "/logout", bytes("{"), SIXTY_FOUR_MB,
				"Content-Type", "application/json");

		assertThat(answer.status()).as(answer.body()).isEqualTo(413);
		assertThat(answer.body()).contains("\"limit\":65536");
	}

	@Test
	void eightConcurrentOversizedChunkedBodiesAreAllCutOffAndTheApplicationStillAnswers() throws Exception {
		loadCatalog();
		List<String> before = fingerprint();
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			List<Future<ChunkedPost.Answer>> answers = IntStream.range(0, 8)
				.mapToObj(i -> clients.submit(() -> i % 2 == 0
						? ChunkedPost.post(port, "/graphql", bytes("{\"query\": \"{ jobs { totalCount } }\", \"x\": \""),
								SIXTY_FOUR_MB, "Content-Type", "application/json", TestSystemActor.HEADER, "system")
						: ChunkedPost.post(port, "/api/submissions", bytes("{\"notes\": \""), SIXTY_FOUR_MB,
								"Content-Type", "application/json", TestSystemActor.HEADER, "system")))
				.toList();
			for (Future<ChunkedPost.Answer> answer : answers) {
				assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(413);
				assertThat(answer.get().completed()).isFalse();
			}
		}
		finally {
			clients.shutdownNow();
		}

		graphQlTester.document("{ jobs { totalCount } }").execute().path("jobs.totalCount").entity(Integer.class).isEqualTo(3);
		assertThat(fingerprint()).isEqualTo(before);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
