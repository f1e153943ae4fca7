package org.abilitymap.accounts;

import java.util.List;
import java.util.Set;

/**
 * An account to create.
 *
 * @param username the login name: 3–64 letters, digits, dots, dashes or underscores
 * @param displayName a name for people; the username when blank
 * @param password the initial password, at least {@value Accounts#MIN_PASSWORD_LENGTH} characters
 * @param organisationKind kind of the organisation it belongs to
 * @param organisationId id of that organisation, which must exist (a quality office is created when named)
 * @param organisationName name of a quality office to create; ignored for other kinds
 * @param roles the roles, each fitting the organisation's kind
 */
public record NewAccount(String username, String displayName, String password, OrganisationKind organisationKind,
		String organisationId, String organisationName, Set<Role> roles) {

	List<String> roleNames() {
		return roles == null ? List.of() : roles.stream().map(Role::name).sorted().toList();
	}
}
