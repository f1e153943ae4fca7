package org.abilitymap.accounts;

import java.util.Set;

/**
 * Who is acting: an account with its organisation and roles, or the system itself (the command line, the demo loader),
 * named after the operating-system user who runs it.
 *
 * @param username the account's username; for the system {@code os:<user>} (the command line) or {@code system:…};
 *     for a user of the identity provider {@code jwt:<name>}, which no account can be named
 * @param organisationId id of the account's organisation; null for the system
 * @param organisationKind the kind of that organisation; null for the system
 * @param roles the roles held
 * @param system whether this is the system rather than an account; the system may do everything
 */
public record Actor(String username, String organisationId, OrganisationKind organisationKind, Set<Role> roles,
		boolean system) implements java.io.Serializable {

	public Actor {
		roles = Set.copyOf(roles);
	}

	/** What the username of an identity provider's user starts with; account names have no colon. */
	public static final String IDENTITY_PROVIDER_PREFIX = "jwt:";

	/** The system itself, named {@code name} in the audit trail (such as {@code system:demo-data}). */
	public static Actor system(String name) {
		return new Actor(name, null, null, Set.of(), true);
	}

	/** The system acting for the operating-system user running this process (the command line). */
	public static Actor operatingSystemUser() {
		return system("os:" + System.getProperty("user.name", "unknown"));
	}

	/**
	 * A user of the identity provider, as a JWT names it: named {@code jwt:<name>}, so that it never acts as the
	 * account of the same name.
	 */
	public static Actor ofIdentityProvider(String name, String organisationId, OrganisationKind kind, Set<Role> roles) {
		return new Actor(IDENTITY_PROVIDER_PREFIX + name, organisationId, kind, roles, false);
	}

	/** Whether this is a user of the identity provider, who has no account (no password, no access tokens) here. */
	public boolean external() {
		return username.startsWith(IDENTITY_PROVIDER_PREFIX);
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	/** Whether the actor belongs to the organisation {@code id} of the given kind. */
	public boolean belongsTo(OrganisationKind kind, String id) {
		return kind == organisationKind && id != null && id.equals(organisationId);
	}
}
