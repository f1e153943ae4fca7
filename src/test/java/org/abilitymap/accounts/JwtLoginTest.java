package org.abilitymap.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JWTs of an identity provider, verified with its public key ({@code public-key-location}): a valid token acts for
 * the organisation and with the roles its claims name, and never as the account of the same name; expired, foreign
 * and unfitting tokens are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class JwtLoginTest extends GraphTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ME = "{ me { username roles organisation { kind id } } }";

	private KeyPair provider;

	private ConfigurableApplicationContext instance;

	private int port;

	@Autowired
	private Accounts accounts;

	@BeforeAll
	void anInstanceTrustingTheProvidersKey() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		provider = generator.generateKeyPair();
		Path key = Files.createTempFile("abilitymap-test-idp", ".pem");
		key.toFile().deleteOnExit();
		Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(provider.getPublic().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);
		instance = anotherInstance("--spring.security.oauth2.resourceserver.jwt.public-key-location=" + key.toUri(),
				"--logging.level.org.abilitymap=info");
		port = portOf(instance);
	}

	@AfterAll
	void stopInstance() {
		instance.close();
	}

	@BeforeEach
	void organisationsAndALocalAccountOfTheSameName() {
		loadCatalog();
		accounts.create(new NewAccount("li.lei", null, "local-admin-password", OrganisationKind.QUALITY_OFFICE,
				"qo-test", "测试平台", Set.of(Role.ADMIN)));
	}

	@Test
	void aValidTokenActsForItsOrganisationWithItsRolesAndNotAsTheAccountOfTheSameName() throws Exception {
		String token = sign(provider, claims("li.lei", "ENTERPRISE", "t-ent-a", List.of("ENTERPRISE_EDITOR",
				"offline_access")));

		JsonNode me = answer(graphQl(token, ME, Map.of())).path("data").path("me");
		assertThat(me.path("username").asString()).isEqualTo("jwt:li.lei");
		assertThat(me.path("roles").values().stream().map(JsonNode::asString).toList())
			.containsExactly("ENTERPRISE_EDITOR");
		assertThat(me.path("organisation").path("kind").asString()).isEqualTo("ENTERPRISE");
		assertThat(me.path("organisation").path("id").asString()).isEqualTo("t-ent-a");

		// Its role may submit its own enterprise's work tasks …
		JsonNode submitted = answer(graphQl(token, """
				mutation s($input: SubmitWorkTasksDocumentInput!) { submitWorkTasksDocument(input: $input) {
				  outcome errors { path code message } } }
				""", Map.of("input", Map.of("document", documentText("submission-a.json"))))).path("data")
			.path("submitWorkTasksDocument");
		assertThat(submitted.path("errors").values()).isEmpty();
		assertThat(submitted.path("outcome").asString()).isNotBlank();
		Map<String, Object> audited = graph.read(tx -> tx.run("""
				MATCH (e:AuditEntry {operation: 'submitWorkTasksDocument', outcome: 'DONE'})
				RETURN e.actor AS actor, e.organisationId AS organisation
				""").single().asMap());
		assertThat(audited).containsEntry("actor", "jwt:li.lei").containsEntry("organisation", "t-ent-a");

		// … but not create accounts, nor mint an access token of the local admin who shares its name.
		assertThat(classification(graphQl(token, """
				mutation { createAccount(input: {username: "x.y", password: "a-long-password", organisationKind: ENTERPRISE,
				  organisationId: "t-ent-a", roles: [ADMIN]}) { errors { path } } }
				""", Map.of()))).isEqualTo("FORBIDDEN");
		assertThat(classification(graphQl(token, "mutation { createAccessToken(input: {name: \"x\"}) { secret } }",
				Map.of()))).isEqualTo("FORBIDDEN");
		assertThat(classification(graphQl(token, "{ accessTokens { id } }", Map.of()))).isEqualTo("FORBIDDEN");
		assertThat(count("AccessToken")).isZero();
		assertThat(count("Account")).isEqualTo(1);
	}

	@Test
	void expiredForeignAndMalformedTokensAreUnauthorizedAndNeverLogged(CapturedOutput output) throws Exception {
		Map<String, Object> valid = claims("wang.fang", "ENTERPRISE", "t-ent-a", List.of("ENTERPRISE_EDITOR"));
		Map<String, Object> expired = new LinkedHashMap<>(valid);
		expired.put("iat", Instant.now().minus(Duration.ofHours(2)));
		expired.put("exp", Instant.now().minus(Duration.ofHours(1)));
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair stranger = generator.generateKeyPair();

		assertThat(graphQl(sign(provider, valid), ME, Map.of()).statusCode()).isEqualTo(200);
		assertThat(graphQl(sign(provider, expired), ME, Map.of()).statusCode()).isEqualTo(401);
		assertThat(graphQl(sign(stranger, valid), ME, Map.of()).statusCode()).isEqualTo(401);
		assertThat(graphQl("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", ME, Map.of()).statusCode()).isEqualTo(401);
		String foreign = sign(stranger, valid);
		HttpResponse<String> refused = graphQl(foreign, "mutation { createAccessToken(input: {}) { secret } }",
				Map.of());
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("Not signed in");
		// A refused token is a secret all the same: the log names no token.
		assertThat(output.getAll()).doesNotContain(foreign.substring(foreign.lastIndexOf('.') + 1));
	}

	@Test
	void tokensNamingNoKnownRoleAnUnfittingRoleOrAnUnknownOrganisationAreRefused() throws Exception {
		assertThat(status(claims("wang.fang", "ENTERPRISE", "t-ent-a", List.of("SUPERUSER")))).isEqualTo(401);
		assertThat(status(claims("wang.fang", "ENTERPRISE", "t-ent-a", List.of()))).isEqualTo(401);
		assertThat(status(claims("wang.fang", "ENTERPRISE", "t-ent-a", List.of("CURRICULUM_DESIGNER")))).isEqualTo(401);
		assertThat(status(claims("wang.fang", "ENTERPRISE", "no-such-enterprise", List.of("ENTERPRISE_EDITOR"))))
			.isEqualTo(401);
		assertThat(status(claims("wang.fang", "SCHOOL", "t-ent-a", List.of("ADMIN")))).as("not a school").isEqualTo(401);
		assertThat(status(claims("wang.fang", "GUILD", "t-ent-a", List.of("ENTERPRISE_EDITOR")))).isEqualTo(401);
		Map<String, Object> nameless = new LinkedHashMap<>(claims("x", "ENTERPRISE", "t-ent-a",
				List.of("ENTERPRISE_EDITOR")));
		nameless.remove("preferred_username");
		assertThat(status(nameless)).isEqualTo(401);
		// A known role beside the provider's own is enough.
		assertThat(status(claims("wang.fang", "ENTERPRISE", "t-ent-a", List.of("uma_authorization",
				"enterprise_editor")))).isEqualTo(200);
	}

	// ----- helpers

	private static Map<String, Object> claims(String username, String kind, String organisation, List<String> roles) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", "idp-" + username);
		claims.put("preferred_username", username);
		claims.put("organisation_kind", kind);
		claims.put("organisation", organisation);
		claims.put("roles", roles);
		claims.put("iat", Instant.now());
		claims.put("exp", Instant.now().plus(Duration.ofMinutes(5)));
		return claims;
	}

	private static String sign(KeyPair key, Map<String, Object> claims) throws Exception {
		JWTClaimsSet.Builder set = new JWTClaimsSet.Builder();
		claims.forEach((name, value) -> set.claim(name, value instanceof Instant instant ? Date.from(instant) : value));
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
		jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
		return jwt.serialize();
	}

	private int status(Map<String, Object> claims) throws Exception {
		return graphQl(sign(provider, claims), ME, Map.of()).statusCode();
	}

	private HttpResponse<String> graphQl(String token, String query, Map<String, Object> variables) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query, "variables",
					variables)), StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static JsonNode answer(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode answer = JSON.readTree(response.body());
		assertThat(answer.path("errors").values()).as(response.body()).isEmpty();
		return answer;
	}

	private static String classification(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode errors = JSON.readTree(response.body()).path("errors");
		assertThat(errors.values()).as(response.body()).hasSize(1);
		return errors.get(0).path("extensions").path("classification").asString();
	}
}
