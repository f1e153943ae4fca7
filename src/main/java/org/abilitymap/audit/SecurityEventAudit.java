package org.abilitymap.audit;

import java.util.List;

import org.abilitymap.accounts.AnonymousWriteRefused;
import org.abilitymap.accounts.Rights;
import org.abilitymap.audit.AuditEntry.Outcome;
import org.abilitymap.audit.AuditTrail.Source;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/** Records failed logins, the page's successful logins and writes refused before they ran because nobody signed in. */
@Component
class SecurityEventAudit {

	private final AuditTrail trail;

	SecurityEventAudit(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void loginFailed(AbstractAuthenticationFailureEvent event) {
		if (event.getAuthentication() instanceof BearerTokenAuthenticationToken) {
			// The token's text is a secret: only that a token was refused is recorded.
			trail.recordEvent(Source.LOGIN, "token", null, List.of(), Outcome.REFUSED,
					event.getException().getClass().getSimpleName());
			return;
		}
		String username = event.getAuthentication().getName();
		// The name someone typed is not an account's: it is kept as an entity id, never as the actor.
		trail.recordEvent(Source.LOGIN, "login", null, username == null || username.isBlank() ? List.of()
				: List.of(username), Outcome.REFUSED, event.getException().getClass().getSimpleName());
	}

	@EventListener
	void loggedIn(InteractiveAuthenticationSuccessEvent event) {
		trail.recordEvent(Source.LOGIN, "login", Rights.actorOf(event.getAuthentication()).orElse(null), List.of(),
				Outcome.DONE, null);
	}

	@EventListener
	void anonymousWriteRefused(AnonymousWriteRefused event) {
		trail.recordEvent(Source.GRAPHQL, event.operation(), null, List.of(), Outcome.REFUSED, event.detail());
	}
}
