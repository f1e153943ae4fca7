package org.abilitymap.accounts;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns an identity provider's JWT into an actor named {@code jwt:<username>} (never an account's name), reading
 * the organisation, which must exist, and the roles from the configured claims; role names abilitymap does not know
 * are ignored, and a token left without a role, or with a role that does not fit the organisation, is refused.
 */
final class JwtActors implements Converter<Jwt, AbstractAuthenticationToken> {

	private final SecurityProperties.Jwt claims;

	private final Accounts accounts;

	JwtActors(SecurityProperties.Jwt claims, Accounts accounts) {
		this.claims = claims;
		this.accounts = accounts;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		String username = jwt.getClaimAsString(claims.usernameClaim());
		String kindName = jwt.getClaimAsString(claims.organisationKindClaim());
		String organisation = jwt.getClaimAsString(claims.organisationClaim());
		OrganisationKind kind = kindName == null ? null : parseKind(kindName);
		if (username == null || username.isBlank() || kind == null || organisation == null || organisation.isBlank()) {
			throw new InvalidBearerTokenException("The token lacks the claims '" + claims.usernameClaim() + "', '"
					+ claims.organisationKindClaim() + "' (one of " + Arrays.toString(OrganisationKind.values())
					+ ") or '" + claims.organisationClaim() + "'.");
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		List<String> names = jwt.getClaimAsStringList(claims.rolesClaim());
		for (String name : names == null ? List.<String>of() : names) {
			Role role = parseRole(name);
			if (role != null && !role.fits(kind)) {
				throw new InvalidBearerTokenException("The token's role " + role + " belongs to an account of a "
						+ role.organisationKind() + ", not of a " + kind + ".");
			}
			if (role != null) {
				roles.add(role);
			}
		}
		if (roles.isEmpty()) {
			throw new InvalidBearerTokenException("The token's claim '" + claims.rolesClaim() + "' names none of the "
					+ "roles " + Arrays.toString(Role.values()) + ".");
		}
		if (!accounts.organisationExists(kind, organisation)) {
			throw new InvalidBearerTokenException("The token names the " + kind + " '" + organisation
					+ "', which does not exist here.");
		}
		Actor actor = Actor.ofIdentityProvider(username, organisation, kind, roles);
		return UsernamePasswordAuthenticationToken.authenticated(actor, null,
				roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
	}

	private static OrganisationKind parseKind(String name) {
		for (OrganisationKind kind : OrganisationKind.values()) {
			if (kind.name().equalsIgnoreCase(name)) {
				return kind;
			}
		}
		return null;
	}

	private static Role parseRole(String name) {
		for (Role role : Role.values()) {
			if (role.name().equalsIgnoreCase(name)) {
				return role;
			}
		}
		return null;
	}
}
