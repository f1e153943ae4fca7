package org.abilitymap.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.abilitymap.accounts.Actor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Test fixtures act as the system, as the command line does: requests carrying {@link #HEADER} go through a filter
 * chain of the tests' own that signs them in as {@code system:test}. Only the tests have it; the authorisation tests
 * use real accounts and leave the header out.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSystemActor {

	/** The header that makes a test request the system's. */
	public static final String HEADER = "X-Abilitymap-Test-Actor";

	/** The system actor of the tests. */
	public static final Actor SYSTEM = Actor.system("system:test");

	/** An HTTP request to {@code uri} made as the system. */
	public static HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri).header(HEADER, "system");
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain testSystemActor(HttpSecurity http) throws Exception {
		http.securityMatcher(request -> request.getHeader(HEADER) != null)
			.csrf(csrf -> csrf.disable())
			.addFilterBefore(new OncePerRequestFilter() {
				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					var context = SecurityContextHolder.createEmptyContext();
					context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(SYSTEM, null, List.of()));
					SecurityContextHolder.setContext(context);
					chain.doFilter(request, response);
				}
			}, AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
		return http.build();
	}
}
