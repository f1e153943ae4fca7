package org.abilitymap.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.PatientGraphQl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Accounts as their users meet them: an admin creates, disables and moves accounts, a user changes their password
 * and manages tokens, {@code me} says who is calling, passwords never come back, and failed logins are throttled.
 */
class AccountsTest extends GraphTestSupport {

	private static final String ADMIN_PASSWORD = "admin-password-1";

	private static final String ME = "{ me { username displayName roles organisation { kind id name } } }";

	@LocalServerPort
	private int port;

	@Autowired
	private Accounts accounts;

	@Autowired
	private HttpGraphQlTester rawTester;

	@Autowired
	private SecurityProperties security;

	@BeforeEach
	void anAdmin() {
		loadCatalog();
		accounts.create(new NewAccount("admin", "平台管理员", ADMIN_PASSWORD, OrganisationKind.QUALITY_OFFICE,
				"qo-test", "测试平台", Set.of(Role.ADMIN)));
	}

	@Test
	void anAdminCreatesAnAccountThatSignsInAndSaysWhoItIs() {
		as("admin", ADMIN_PASSWORD).document("""
				mutation { createAccount(input: {username: "li.na", displayName: "李娜", password: "first-password",
				  organisationKind: ENTERPRISE, organisationId: "t-ent-a", roles: [ENTERPRISE_EDITOR]}) {
				  account { username enabled organisation { name } } errors { path code } } }
				""").execute()
			.path("createAccount.errors").entityList(Object.class).hasSize(0)
			.path("createAccount.account").matchesJson("""
					{"username": "li.na", "enabled": true, "organisation": {"name": "甲电池公司"}}
					""");

		as("li.na", "first-password").document(ME).execute().path("me").matchesJsonStrictly("""
				{"username": "li.na", "displayName": "李娜", "roles": ["ENTERPRISE_EDITOR"],
				 "organisation": {"kind": "ENTERPRISE", "id": "t-ent-a", "name": "甲电池公司"}}
				""");

		// Mistakes come back located, and nothing is created.
		as("admin", ADMIN_PASSWORD).document("""
				mutation { createAccount(input: {username: "li.na", password: "short", organisationKind: SCHOOL,
				  organisationId: "no-such-school", roles: [ENTERPRISE_EDITOR]}) { errors { path code } } }
				""").execute()
			.path("createAccount.errors[*].path").entityList(String.class)
			.contains("username", "password", "organisationId");
		// An editor may not create accounts.
		as("li.na", "first-password").document("""
				mutation { createAccount(input: {username: "x.y", password: "a-long-password", organisationKind: ENTERPRISE,
				  organisationId: "t-ent-a", roles: [ADMIN]}) { errors { path } } }
				""").execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
		assertThat(count("Account")).isEqualTo(2);
	}

	@Test
	void passwordsAreStoredHashedAndNeverAnswered() throws Exception {
		createEditor("wang.lei", "editor-password");

		String stored = graph.read(tx -> tx.run("MATCH (a:Account {username: 'wang.lei'}) RETURN a.passwordHash AS h")
			.single().get("h").asString());
		assertThat(stored).startsWith("{bcrypt}").doesNotContain("editor-password");
		String answer = post("/graphql", "{\"query\": \"{ accounts { edges { node { username } } } __type(name: \\\"Account\\\") { fields { name } } }\"}",
				basic("admin", ADMIN_PASSWORD)).body();
		assertThat(answer).contains("wang.lei").doesNotContainIgnoringCase("password").doesNotContain("bcrypt");
	}

	@Test
	void aUserChangesTheirPasswordAndTheOldOneStopsWorking() {
		createEditor("wang.lei", "editor-password");

		as("wang.lei", "editor-password").document("""
				mutation { changePassword(input: {currentPassword: "not-it-at-all", newPassword: "a-new-password"}) {
				  changed errors { path } } }
				""").execute()
			.path("changePassword.changed").entity(Boolean.class).isEqualTo(false)
			.path("changePassword.errors[*].path").entityList(String.class).containsExactly("currentPassword");
		as("wang.lei", "editor-password").document("""
				mutation { changePassword(input: {currentPassword: "editor-password", newPassword: "a-new-password"}) {
				  changed errors { path } } }
				""").execute()
			.path("changePassword.changed").entity(Boolean.class).isEqualTo(true);

		assertThat(Integer.valueOf(status("/graphql", ME, basic("wang.lei", "editor-password")))).isEqualTo(401);
		assertThat(Integer.valueOf(status("/graphql", ME, basic("wang.lei", "a-new-password")))).isEqualTo(200);
	}

	@Test
	void anAccessTokenIsShownOnceWorksAsABearerUntilRevokedOrItsAccountIsDisabled() throws Exception {
		createEditor("wang.lei", "editor-password");
		HttpGraphQlTester editor = as("wang.lei", "editor-password");

		String secret = editor.document("mutation { createAccessToken(input: {name: \"每晚导入\"}) { token { id name } secret } }")
			.execute().path("createAccessToken.secret").entity(String.class).get();
		String id = editor.document("{ accessTokens { id name revokedAt } }").execute()
			.path("accessTokens[0].name").entity(String.class).isEqualTo("每晚导入")
			.path("accessTokens[0].id").entity(String.class).get();
		assertThat(secret).startsWith("amt_" + id + "_");
		String secretHash = graph.read(tx -> tx.run("MATCH (t:AccessToken) RETURN t.secretHash AS h").single().get("h").asString());
		assertThat(secretHash).doesNotContain(secret.substring(secret.lastIndexOf('_') + 1));
		assertThat(post("/graphql", body(ME), "Bearer " + secret).body()).contains("\"username\":\"wang.lei\"");
		assertThat(Integer.valueOf(status("/graphql", ME, "Bearer amt_" + id + "_wrongsecretwrongsecretwrongsecr"))).isEqualTo(401);

		// Disabled: neither the password nor the token; enabled again: both.
		as("admin", ADMIN_PASSWORD).document("mutation { setAccountEnabled(input: {username: \"wang.lei\", enabled: false}) { account { enabled } } }")
			.execute().path("setAccountEnabled.account.enabled").entity(Boolean.class).isEqualTo(false);
		assertThat(Integer.valueOf(status("/graphql", ME, "Bearer " + secret))).isEqualTo(401);
		assertThat(Integer.valueOf(status("/graphql", ME, basic("wang.lei", "editor-password")))).isEqualTo(401);
		as("admin", ADMIN_PASSWORD).document("mutation { setAccountEnabled(input: {username: \"wang.lei\", enabled: true}) { account { enabled } } }")
			.execute().path("setAccountEnabled.account.enabled").entity(Boolean.class).isEqualTo(true);
		assertThat(Integer.valueOf(status("/graphql", ME, "Bearer " + secret))).isEqualTo(200);

		editor.document("mutation r($id: ID!) { revokeAccessToken(input: {id: $id}) { token { revokedAt } errors { path } } }")
			.variable("id", id).execute()
			.path("revokeAccessToken.token.revokedAt").hasValue();
		assertThat(Integer.valueOf(status("/graphql", ME, "Bearer " + secret))).isEqualTo(401);
	}

	@Test
	void anAdminMovesAnAccountToAnotherOrganisationWithOtherRoles() {
		createEditor("wang.lei", "editor-password");

		as("admin", ADMIN_PASSWORD).document("""
				mutation { assignAccount(input: {username: "wang.lei", organisationKind: ENTERPRISE, organisationId: "t-ent-b",
				  roles: [ENTERPRISE_EDITOR]}) { account { organisation { id } } errors { path } } }
				""").execute().path("assignAccount.account.organisation.id").entity(String.class).isEqualTo("t-ent-b");
		as("wang.lei", "editor-password").document(ME).execute()
			.path("me.organisation.id").entity(String.class).isEqualTo("t-ent-b");
		// A role that does not fit the organisation's kind is refused.
		as("admin", ADMIN_PASSWORD).document("""
				mutation { assignAccount(input: {username: "wang.lei", organisationKind: ENTERPRISE, organisationId: "t-ent-b",
				  roles: [CURRICULUM_DESIGNER]}) { account { username } errors { path } } }
				""").execute().path("assignAccount.errors[*].path").entityList(String.class).contains("roles");
	}

	@Test
	void repeatedFailedLoginsLockTheAccountEvenAgainstTheRightPassword() {
		createEditor("wang.lei", "editor-password");
		int free = security.login().freeAttempts();

		for (int i = 0; i < free; i++) {
			assertThat(Integer.valueOf(status("/graphql", ME, basic("wang.lei", "guess-" + i)))).isEqualTo(401);
		}

		assertThat(Integer.valueOf(status("/graphql", ME, basic("wang.lei", "editor-password")))).as("locked").isEqualTo(401);
		java.util.Map<String, Object> stored = graph.read(tx -> tx.run("""
				MATCH (a:Account {username: 'wang.lei'})
				RETURN a.failedLogins AS failures, a.lockedUntil > datetime() AS locked
				""").single().asMap());
		assertThat(stored).containsEntry("failures", (long) free).containsEntry("locked", true);
		// Another account is not affected.
		assertThat(Integer.valueOf(status("/graphql", ME, basic("admin", ADMIN_PASSWORD)))).isEqualTo(200);
	}

	// ----- helpers

	private void createEditor(String username, String password) {
		accounts.create(new NewAccount(username, null, password, OrganisationKind.ENTERPRISE, "t-ent-a", null,
				Set.of(Role.ENTERPRISE_EDITOR)));
	}

	private HttpGraphQlTester as(String username, String password) {
		return PatientGraphQl.patient(rawTester.mutate().header("Authorization", basic(username, password)).build());
	}

	private static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static String body(String query) {
		return "{\"query\": \"" + query.replace("\"", "\\\"") + "\"}";
	}

	private int status(String path, String query, String authorization) {
		try {
			return post(path, body(query), authorization).statusCode();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private HttpResponse<String> post(String path, String body, String authorization) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.header("Authorization", authorization)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}
}
