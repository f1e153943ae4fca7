package org.abilitymap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The first admin from {@code ABILITYMAP_ADMIN_USERNAME} and {@code ABILITYMAP_ADMIN_PASSWORD}: created by the first
 * start that finds no admin, recorded in the audit trail, never overwritten by a later start, and a password too short
 * stops the start.
 */
@ExtendWith(OutputCaptureExtension.class)
class InitialAdminTest extends GraphTestSupport {

	private static final String PASSWORD = "initial-admin-password";

	private static final String ME = "{\"query\": \"{ me { username roles organisation { kind id } } }\"}";

	@LocalServerPort
	private int port;

	@Test
	void theFirstStartCreatesTheAdminOnceAndLaterStartsLeaveItAlone(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext first = start("first.admin", PASSWORD)) {
			assertThat(me(portOf(first), "first.admin", PASSWORD)).contains("\"username\":\"first.admin\"")
				.contains("\"roles\":[\"ADMIN\"]")
				.contains("\"organisation\":{\"kind\":\"QUALITY_OFFICE\",\"id\":\"qo-platform\"}");
		}
		assertThat(output.getAll()).contains("Created the initial admin 'first.admin'").doesNotContain(PASSWORD);
		Map<String, Object> audited = graph.read(tx -> tx.run("""
				MATCH (e:AuditEntry {operation: 'create-admin'})
				RETURN e.actor AS actor, e.source AS source, e.outcome AS outcome, e.entityIds AS entityIds,
				       e.detail AS detail
				""").single().asMap());
		assertThat(audited).containsEntry("actor", InitialAdmin.ACTOR).containsEntry("source", "SYSTEM")
			.containsEntry("outcome", "DONE").containsEntry("entityIds", List.of("first.admin", "qo-platform"));
		String hash = passwordHash("first.admin");

		// Another start with other values changes nothing: an admin exists.
		try (ConfigurableApplicationContext second = start("first.admin", "another-password")) {
			assertThat(me(portOf(second), "first.admin", "another-password")).startsWith("401");
		}
		try (ConfigurableApplicationContext third = start("second.admin", "another-password")) {
			assertThat(me(portOf(third), "second.admin", "another-password")).startsWith("401");
		}
		assertThat(output.getAll()).contains("An admin account exists: the initial admin of ABILITYMAP_ADMIN_USERNAME "
				+ "(second.admin) was not created").doesNotContain("another-password");
		assertThat(passwordHash("first.admin")).isEqualTo(hash);
		assertThat(count("Account")).isEqualTo(1);
		long created = graph.read(tx -> tx.run("MATCH (e:AuditEntry {operation: 'create-admin'}) RETURN count(e) AS c")
			.single().get("c").asLong());
		assertThat(created).isEqualTo(1);
		assertThat(me(port, "first.admin", PASSWORD)).contains("\"username\":\"first.admin\"");
	}

	@Test
	void aPasswordTooShortStopsTheStart() {
		assertThatThrownBy(() -> start("short.admin", "short").close())
			.hasStackTraceContaining("Refusing to start: the initial admin of ABILITYMAP_ADMIN_USERNAME")
			.hasStackTraceContaining("A password has at least 10 characters");
		assertThat(count("Account")).isZero();
		String outcome = graph.read(tx -> tx.run("MATCH (e:AuditEntry {operation: 'create-admin'}) RETURN e.outcome AS o")
			.single().get("o").asString());
		assertThat(outcome).isEqualTo("REFUSED");
	}

	private ConfigurableApplicationContext start(String username, String password) {
		return anotherInstance("--abilitymap.security.initial-admin.username=" + username,
				"--abilitymap.security.initial-admin.password=" + password, "--logging.level.org.abilitymap.cli=info");
	}

	private String passwordHash(String username) {
		return graph.read(tx -> tx.run("MATCH (a:Account {username: $username}) RETURN a.passwordHash AS h",
				Map.of("username", username)).single().get("h").asString());
	}

	private static String me(int port, String username, String password) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
				.getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(ME, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return response.statusCode() == 200 ? response.body() : response.statusCode() + " " + response.body();
	}
}
