package org.abilitymap.accounts;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates personal access tokens sent as {@code Authorization: Bearer amt_…}; any other bearer token is left
 * to the JWT provider when one is configured.
 */
final class AccessTokenAuthenticationProvider implements AuthenticationProvider {

	private final Accounts accounts;

	private final boolean jwtEnabled;

	AccessTokenAuthenticationProvider(Accounts accounts, boolean jwtEnabled) {
		this.accounts = accounts;
		this.jwtEnabled = jwtEnabled;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String token = ((BearerTokenAuthenticationToken) authentication).getToken();
		if (!token.startsWith(Accounts.TOKEN_PREFIX)) {
			if (jwtEnabled) {
				return null;
			}
			throw new InvalidBearerTokenException("Not an abilitymap access token (they start with "
					+ Accounts.TOKEN_PREFIX + "); this server accepts no JWTs.");
		}
		Account account = accounts.authenticateToken(token).orElseThrow(() ->
				new InvalidBearerTokenException("Unknown or revoked access token, or its account is disabled."));
		return UsernamePasswordAuthenticationToken.authenticated(account.actor(), null,
				AccountUser.authorities(account));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
