package org.abilitymap.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A REST request that fails for no fault of the caller gets a problem detail with a reference to the log, 500 or
 * (database busy) 503, and never the failure's own message; Spring's own statuses (404) stay what they are.
 */
@Import(RestFailureTest.FailingEndpoints.class)
class RestFailureTest extends GraphTestSupport {

	private static final String PASSWORD = "rest-failure-password";

	@LocalServerPort
	private int port;

	@Autowired
	private Accounts accounts;

	/** Endpoints that fail the two ways a server can. */
	@TestConfiguration
	static class FailingEndpoints {

		@RestController
		static class Failing {

			@GetMapping("/api/test-failures/bug")
			String bug() {
				throw new IllegalStateException("secret internal detail of a bug");
			}

			@GetMapping("/api/test-failures/busy")
			String busy() {
				throw new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "secret lock detail");
			}
		}
	}

	@Test
	void aBugAnswers500AndABusyDatabase503WithAReferenceAndNoInternals() throws Exception {
		accounts.create(new NewAccount("failure-auditor", null, PASSWORD, OrganisationKind.QUALITY_OFFICE, "rf-office",
				"测试质量监测中心", Set.of(Role.AUDITOR)));

		HttpResponse<String> bug = get("/api/test-failures/bug");
		assertThat(bug.statusCode()).isEqualTo(500);
		assertThat(bug.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(bug.body()).contains("\"reference\"", "server log").doesNotContain("secret", "IllegalState");

		HttpResponse<String> busy = get("/api/test-failures/busy");
		assertThat(busy.statusCode()).isEqualTo(503);
		assertThat(busy.body()).contains("\"reference\"", "Try again").doesNotContain("secret", "Deadlock");

		assertThat(get("/api/no-such-endpoint").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + HttpHeaders.encodeBasicAuth("failure-auditor", PASSWORD,
					StandardCharsets.UTF_8))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}
}
