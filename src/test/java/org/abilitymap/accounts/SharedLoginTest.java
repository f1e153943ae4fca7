package org.abilitymap.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application instances on one database accept the same logins, an access token and the page's remember-me
 * cookie alike: no instance holds login state alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedLoginTest extends GraphTestSupport {

	private static final String REMEMBER_ME = "remember-me";

	private static final String PASSWORD = "shared-password";

	@LocalServerPort
	private int port;

	@Autowired
	private Accounts accounts;

	private ConfigurableApplicationContext second;

	private int secondPort;

	@BeforeAll
	void secondInstance() {
		second = anotherInstance();
		secondPort = portOf(second);
		assertThat(secondPort).isNotEqualTo(port);
	}

	@AfterAll
	void stopSecondInstance() {
		second.close();
	}

	@Test
	void aTokenCreatedOnOneInstanceIsAcceptedByAnotherAndRevokedOnBoth() throws Exception {
		Actor editor = editor();
		NewAccessToken token = Rights.runAs(editor, () -> accounts.createToken("两台服务器"));

		assertThat(me(port, Map.of("Authorization", "Bearer " + token.secret()))).contains("\"username\":\"zhao.min\"");
		assertThat(me(secondPort, Map.of("Authorization", "Bearer " + token.secret())))
			.contains("\"username\":\"zhao.min\"");

		Rights.runAs(editor, () -> accounts.revokeToken(token.token().id()));
		assertThat(me(secondPort, Map.of("Authorization", "Bearer " + token.secret()))).startsWith("401");
	}

	@Test
	void thePagesLoginOnOneInstanceIsAcceptedByAnotherThroughItsRememberMeCookieAlone() throws Exception {
		editor();

		// The page's login on the first instance: the CSRF token from the XSRF-TOKEN cookie, sent back as a header.
		Map<String, String> cookies = merge(new LinkedHashMap<>(), get(port, "/", Map.of()));
		HttpResponse<String> login = send(port, "/login", "application/x-www-form-urlencoded", "username=zhao.min&password="
				+ URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8), withCsrf(cookies));
		assertThat(login.statusCode()).as(login.body()).isEqualTo(204);
		merge(cookies, login);
		String rememberMe = cookies.get(REMEMBER_ME);
		assertThat(rememberMe).isNotBlank();
		assertThat(cookies).containsKey("JSESSIONID");

		// On the second instance: the remember-me cookie and that instance's own CSRF token, no session cookie.
		Map<String, String> onSecond = merge(new LinkedHashMap<>(), get(secondPort, "/", Map.of()));
		assertThat(onSecond).containsKey("XSRF-TOKEN").doesNotContainKey("JSESSIONID");
		assertThat(me(secondPort, withCsrf(onSecond))).contains("UNAUTHORIZED");
		onSecond.put(REMEMBER_ME, rememberMe);
		assertThat(me(secondPort, withCsrf(onSecond))).contains("\"username\":\"zhao.min\"");

		// Logout on the first instance (with the CSRF token the login renewed) ends the session and tells the browser
		// to drop the remember-me cookie.
		merge(cookies, get(port, "/", Map.of("Cookie", cookieHeader(cookies))));
		HttpResponse<String> logout = send(port, "/logout", "application/x-www-form-urlencoded", "", withCsrf(cookies));
		assertThat(logout.statusCode()).as(logout.body()).isEqualTo(204);
		assertThat(setCookie(logout, REMEMBER_ME)).hasValueSatisfying(header -> assertThat(header)
			.startsWith(REMEMBER_ME + "=;").containsAnyOf("Max-Age=0", "Expires=Thu, 01 Jan 1970"));
		assertThat(setCookie(logout, "JSESSIONID")).hasValueSatisfying(header -> assertThat(header)
			.startsWith("JSESSIONID=;").containsAnyOf("Max-Age=0", "Expires=Thu, 01 Jan 1970"));
		// A copy of the cookie kept elsewhere still works until it expires or the password changes: it is signed, not
		// stored, so a logout cannot revoke it (docs/authorisation.md, "Signing in").
	}

	private Actor editor() {
		loadCatalog();
		accounts.create(new NewAccount("zhao.min", null, PASSWORD, OrganisationKind.ENTERPRISE, "t-ent-a", null,
				Set.of(Role.ENTERPRISE_EDITOR)));
		return new Actor("zhao.min", "t-ent-a", OrganisationKind.ENTERPRISE, Set.of(Role.ENTERPRISE_EDITOR), false);
	}

	/** The headers of a request sending these cookies with the CSRF token of their XSRF-TOKEN cookie. */
	private static Map<String, String> withCsrf(Map<String, String> cookies) {
		assertThat(cookies).containsKey("XSRF-TOKEN");
		return Map.of("Cookie", cookieHeader(cookies), "X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
	}

	private static String cookieHeader(Map<String, String> cookies) {
		return cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "));
	}

	/** Keeps the cookies an answer sets, as a browser does, and forgets those it clears. */
	private static Map<String, String> merge(Map<String, String> cookies, HttpResponse<?> response) {
		for (String header : response.headers().allValues("Set-Cookie")) {
			String pair = header.split(";", 2)[0];
			int equals = pair.indexOf('=');
			String name = pair.substring(0, equals).strip();
			String value = pair.substring(equals + 1).strip();
			if (value.isEmpty() || header.contains("Max-Age=0")) {
				cookies.remove(name);
			}
			else {
				cookies.put(name, value);
			}
		}
		return cookies;
	}

	private static Optional<String> setCookie(HttpResponse<?> response, String name) {
		List<String> headers = response.headers().allValues("Set-Cookie");
		return headers.stream().filter(header -> header.startsWith(name + "=")).findFirst();
	}

	private static String me(int port, Map<String, String> headers) throws Exception {
		HttpResponse<String> response = send(port, "/graphql", "application/json",
				"{\"query\": \"{ me { username } }\"}", headers);
		return response.statusCode() == 200 ? response.body() : response.statusCode() + " " + response.body();
	}

	private static HttpResponse<String> get(int port, String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		headers.forEach(request::header);
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static HttpResponse<String> send(int port, String path, String contentType, String body,
			Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", contentType)
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		headers.forEach(request::header);
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}
}
