package org.abilitymap.accounts;

import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;

/**
 * Decides calls of {@link Allowed} methods by the role gate of their operation, refusing with an exception that says
 * what is missing (Spring Security's own refusal only says "Access Denied").
 */
final class AllowedAuthorizationManager implements AuthorizationManager<MethodInvocation> {

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, MethodInvocation invocation) {
		Allowed allowed = AnnotationUtils.findAnnotation(invocation.getMethod(), Allowed.class);
		Actor actor = Rights.actorOf(authentication.get()).orElseThrow(() ->
				new AuthenticationCredentialsNotFoundException("Sign in first: " + allowed.value()
						+ " needs an account (the page's login, HTTP Basic or an access token)."));
		Rights.requireRole(actor, allowed.value());
		return new AuthorizationDecision(true);
	}
}
