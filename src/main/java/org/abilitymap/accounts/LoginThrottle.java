package org.abilitymap.accounts;

import org.abilitymap.support.neo4j.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Throttles password guessing: after a few failed logins in a row an account is locked for a while, longer each
 * time; the count lives on the account in Neo4j, so every application instance sees it.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final Graph graph;

	private final AccountRepository repository;

	private final SecurityProperties.Login settings;

	LoginThrottle(Graph graph, AccountRepository repository, SecurityProperties properties) {
		this.graph = graph;
		this.repository = repository;
		this.settings = properties.login();
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		// A refused bearer token is no guess at a password, and its principal is the token itself: a secret, never
		// to be logged.
		if (!(event.getAuthentication() instanceof BearerTokenAuthenticationToken)
				&& event.getAuthentication().getPrincipal() instanceof String username) {
			graph.write(tx -> {
				repository.loginFailed(tx, username, settings);
				return null;
			});
			log.info("Failed login for '{}'", username);
		}
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof AccountUser user) {
			graph.write(tx -> {
				repository.loginSucceeded(tx, user.getUsername());
				return null;
			});
		}
	}
}
