package org.abilitymap.accounts;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.rememberme.AbstractRememberMeServices;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may reach what over HTTP: the page's form login with a session and a remember-me cookie that every instance
 * accepts (CSRF-protected), HTTP Basic and bearer
 * tokens (personal access tokens, and JWTs when an identity provider is configured) for scripts; anonymous callers
 * reach only the page's files, the login and the health check. What a signed-in caller may do is decided by method
 * security ({@link Allowed}, {@link Rights}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	/** The page's scripts and styles are the application's own (WebJars included); nothing inline, nothing remote. */
	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
			+ "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

	@Bean
	static PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** {@link Allowed} methods are entered only by callers whose roles may perform the operation. */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static AuthorizationManagerBeforeMethodInterceptor allowedMethods() {
		return new AuthorizationManagerBeforeMethodInterceptor(
				AnnotationMatchingPointcut.forMethodAnnotation(Allowed.class), new AllowedAuthorizationManager());
	}

	/**
	 * The page's login outlives its session, and reaches every instance: a remember-me cookie signed with the key
	 * all instances share through the database (nothing is held by one instance only). Its signature covers the
	 * password hash, so changing the password ends it.
	 */
	@Bean
	TokenBasedRememberMeServices rememberMeServices(Accounts accounts, AccountUserDetailsService users) {
		TokenBasedRememberMeServices services = new TokenBasedRememberMeServices(accounts.rememberMeKey(), users,
				TokenBasedRememberMeServices.RememberMeTokenAlgorithm.SHA256);
		services.setAlwaysRemember(true);
		services.setTokenValiditySeconds((int) Duration.ofHours(12).toSeconds());
		services.setUseSecureCookie(false); // decided by the request: HTTPS behind a proxy sets it secure
		return services;
	}

	@Bean
	AuthenticationManager authenticationManager(AccountUserDetailsService accounts, PasswordEncoder passwords,
			Accounts accountService, ObjectProvider<JwtDecoder> jwtDecoder, SecurityProperties properties,
			ApplicationEventPublisher events, TokenBasedRememberMeServices rememberMe) {
		List<AuthenticationProvider> providers = new ArrayList<>();
		providers.add(new RememberMeAuthenticationProvider(rememberMe.getKey()));
		DaoAuthenticationProvider password = new DaoAuthenticationProvider(accounts);
		password.setPasswordEncoder(passwords);
		providers.add(password);
		JwtDecoder decoder = jwtDecoder.getIfAvailable();
		providers.add(new AccessTokenAuthenticationProvider(accountService, decoder != null));
		if (decoder != null) {
			JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(decoder);
			jwt.setJwtAuthenticationConverter(new JwtActors(properties.jwt(), accountService));
			providers.add(jwt);
		}
		ProviderManager manager = new ProviderManager(providers);
		manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
		return manager;
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
			SecurityProperties properties, AccessProblems problems, ObjectProvider<AuditedRequests> audited,
			TokenBasedRememberMeServices rememberMe) throws Exception {
		audited.ifAvailable(audit -> http.addFilterBefore(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				audit.filter(request, response, chain);
			}
		}, AuthorizationFilter.class));
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(requests -> {
				requests.requestMatchers("/", "/index.html", "/favicon.ico", "/css/**", "/js/**", "/webjars/**",
						"/graphiql", "/graphiql/**", "/login", "/logout", "/actuator/health", "/error").permitAll();
				// GraphQL answers anonymous callers itself, with an UNAUTHORIZED error (SignedInGraphQl).
				requests.requestMatchers(HttpMethod.POST, "/graphql").permitAll();
				if (properties.publicRead()) {
					requests.requestMatchers(HttpMethod.GET, "/api/**").permitAll();
				}
				requests.anyRequest().authenticated();
			})
			.formLogin(form -> form.loginProcessingUrl("/login")
				.successHandler((request, response, authentication) -> {
					if (wantsJson(request)) {
						response.setStatus(HttpStatus.NO_CONTENT.value());
					}
					else {
						response.sendRedirect(request.getContextPath() + "/");
					}
				})
				.failureHandler((request, response, exception) -> {
					if (wantsJson(request)) {
						problems.write(response, HttpStatus.UNAUTHORIZED, loginFailure(exception));
					}
					else {
						response.sendRedirect(request.getContextPath() + "/login?error");
					}
				}))
			.logout(logout -> logout.logoutUrl("/logout").deleteCookies("JSESSIONID").logoutSuccessHandler((request, response, authentication) -> {
				if (wantsJson(request)) {
					response.setStatus(HttpStatus.NO_CONTENT.value());
				}
				else {
					response.sendRedirect(request.getContextPath() + "/");
				}
			}))
			.rememberMe(remember -> remember.rememberMeServices(rememberMe).key(rememberMe.getKey()))
			.httpBasic(basic -> basic.realmName("abilitymap").authenticationEntryPoint(problems))
			.oauth2ResourceServer(bearer -> bearer.authenticationManagerResolver(request -> authenticationManager)
				.authenticationEntryPoint(problems))
			// CSRF guards the cookies a browser sends on its own (session, remember-me): a script authenticating with a
			// header, or an API call without those cookies, has none to abuse (and is answered 401, not a CSRF 403).
			// The login form keeps it.
			.csrf(csrf -> csrf.spa().ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
					|| !hasAmbientCredentials(request) && isApi(request)))
			.addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	private static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/graphql") || path.startsWith("/api/");
	}

	private static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE);
	}

	/** Whether a request carries credentials a browser would send on its own (a session or remember-me cookie). */
	private static boolean hasAmbientCredentials(HttpServletRequest request) {
		if (request.getRequestedSessionId() != null && request.isRequestedSessionIdValid()) {
			return true;
		}
		Cookie[] cookies = request.getCookies();
		return cookies != null && Arrays.stream(cookies)
			.anyMatch(cookie -> cookie.getName().equals(AbstractRememberMeServices.SPRING_SECURITY_REMEMBER_ME_COOKIE_KEY));
	}

	private static String loginFailure(AuthenticationException exception) {
		if (exception instanceof LockedException) {
			return "Too many failed logins: this account is locked for a while. Try again later.";
		}
		return "Wrong username or password, or the account is disabled.";
	}

	/** Sends the CSRF token's cookie with every answer, so that the page has it before its first write. */
	static final class CsrfCookieFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			if (token != null) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}
	}
}
