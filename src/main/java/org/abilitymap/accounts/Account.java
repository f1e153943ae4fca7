package org.abilitymap.accounts;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.neo4j.driver.Value;

/**
 * An account as others see it: never its password.
 *
 * @param username the login name
 * @param displayName a name for people
 * @param organisationKind kind of the organisation it belongs to
 * @param organisationId id of that organisation
 * @param organisationName name of that organisation
 * @param roles the roles it holds
 * @param enabled false once an admin has disabled it
 * @param createdAt when it was created (ISO date-time)
 */
public record Account(String username, String displayName, OrganisationKind organisationKind, String organisationId,
		String organisationName, Set<Role> roles, boolean enabled, String createdAt) implements java.io.Serializable {

	/** Cypher projection of an account {@code a} in organisation {@code o}, read back by {@link #of}. */
	static final String PROJECTION = "a {.username, .displayName, .organisationKind, .organisationId, .roles, "
			+ ".enabled, createdAt: toString(a.createdAt), organisationName: o.name}";

	static Account of(Value v) {
		Set<Role> roles = new TreeSet<>();
		v.get("roles").asList(Value::asString).forEach(r -> roles.add(Role.valueOf(r)));
		return new Account(v.get("username").asString(), v.get("displayName").asString(null),
				OrganisationKind.valueOf(v.get("organisationKind").asString()), v.get("organisationId").asString(),
				v.get("organisationName").asString(null), roles, v.get("enabled").asBoolean(true),
				v.get("createdAt").asString(null));
	}

	/** The account as an actor. */
	public Actor actor() {
		return new Actor(username, organisationId, organisationKind, roles, false);
	}

	/** The role names, sorted, as stored. */
	List<String> roleNames() {
		return roles.stream().map(Role::name).sorted().toList();
	}
}
