package org.abilitymap.accounts;

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
 * Turns an identity provider's JWT into an actor, reading the organisation and roles from the configured claims;
 * unknown roles are ignored, a token without organisation is refused.
 */
final class JwtActors implements Converter<Jwt, AbstractAuthenticationToken> {

	private final SecurityProperties.Jwt claims;

	JwtActors(SecurityProperties.Jwt claims) {
		this.claims = claims;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		String username = jwt.getClaimAsString(claims.usernameClaim());
		String kindName = jwt.getClaimAsString(claims.organisationKindClaim());
		String organisation = jwt.getClaimAsString(claims.organisationClaim());
		OrganisationKind kind = kindName == null ? null : parseKind(kindName);
		if (username == null || kind == null || organisation == null) {
			throw new InvalidBearerTokenException("The token lacks the claims '" + claims.usernameClaim() + "', '"
					+ claims.organisationKindClaim() + "' or '" + claims.organisationClaim() + "'.");
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		List<String> names = jwt.getClaimAsStringList(claims.rolesClaim());
		if (names != null) {
			for (String name : names) {
				for (Role role : Role.values()) {
					if (role.name().equalsIgnoreCase(name) && role.fits(kind)) {
						roles.add(role);
					}
				}
			}
		}
		Actor actor = new Actor(username, organisation, kind, roles, false);
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
}
