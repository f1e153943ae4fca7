package org.abilitymap.accounts;

import java.util.Set;

/**
 * Who is acting: an account with its organisation and roles, or the system itself (the command line, the demo loader),
 * named after the operating-system user who runs it.
 *
 * @param username the account's username; for the system {@code os:<user>} (the command line) or {@code system:…}
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

	/** The system itself, named {@code name} in the audit trail (such as {@code system:demo-data}). */
	public static Actor system(String name) {
		return new Actor(name, null, null, Set.of(), true);
	}

	/** The system acting for the operating-system user running this process (the command line). */
	public static Actor operatingSystemUser() {
		return system("os:" + System.getProperty("user.name", "unknown"));
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	/** Whether the actor belongs to the organisation {@code id} of the given kind. */
	public boolean belongsTo(OrganisationKind kind, String id) {
		return kind == organisationKind && id != null && id.equals(organisationId);
	}
}
