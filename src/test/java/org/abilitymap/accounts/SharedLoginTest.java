package org.abilitymap.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.abilitymap.AbilitymapApplication;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.neo4j.Neo4jEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/** Two application instances on one database accept the same access token: no instance holds login state alone. */
class SharedLoginTest extends GraphTestSupport {

	@LocalServerPort
	private int port;

	@Autowired
	private Accounts accounts;

	@Autowired
	private Neo4jEndpoint endpoint;

	@Test
	void aTokenCreatedOnOneInstanceIsAcceptedByAnotherAndRevokedOnBoth() throws Exception {
		loadCatalog();
		accounts.create(new NewAccount("zhao.min", null, "shared-password", OrganisationKind.ENTERPRISE, "t-ent-a",
				null, Set.of(Role.ENTERPRISE_EDITOR)));
		Actor editor = new Actor("zhao.min", "t-ent-a", OrganisationKind.ENTERPRISE, Set.of(Role.ENTERPRISE_EDITOR),
				false);
		NewAccessToken token = Rights.runAs(editor, () -> accounts.createToken("两台服务器"));

		// Command-line arguments, since they outrank application.yml (default properties would not).
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(AbilitymapApplication.class)
			.run("--abilitymap.neo4j.uri=" + endpoint.uri(), "--abilitymap.neo4j.username=" + endpoint.username(),
					"--abilitymap.neo4j.password=" + endpoint.password(), "--server.port=0",
					"--abilitymap.demo.load=false", "--logging.level.root=warn")) {
			int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			assertThat(secondPort).isNotEqualTo(port);

			assertThat(me(port, "Bearer " + token.secret())).contains("\"username\":\"zhao.min\"");
			assertThat(me(secondPort, "Bearer " + token.secret())).contains("\"username\":\"zhao.min\"");

			Rights.runAs(editor, () -> accounts.revokeToken(token.token().id()));
			assertThat(me(secondPort, "Bearer " + token.secret())).startsWith("401");
		}
	}

	private static String me(int port, String authorization) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", authorization)
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ me { username } }\"}", StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return response.statusCode() == 200 ? response.body() : response.statusCode() + " " + response.body();
	}
}
