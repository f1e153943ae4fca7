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

	/** The quality office a new admin belongs to unless another is named. */
	public static final String PLATFORM_OFFICE = "qo-platform";

	/** The name a quality office gets when it is created for a new admin and no other name is given. */
	public static final String PLATFORM_OFFICE_NAME = "平台管理 (platform administration)";

	/**
	 * An admin of a quality office, which is created when missing: the first account of a deployment without demo
	 * data ({@code create-admin}, or the initial admin of the settings).
	 *
	 * @param officeId the quality office; {@value #PLATFORM_OFFICE} when null
	 * @param officeName its name should it be created; {@value #PLATFORM_OFFICE_NAME} when null
	 */
	public static NewAccount admin(String username, String displayName, String password, String officeId,
			String officeName) {
		return new NewAccount(username, displayName, password, OrganisationKind.QUALITY_OFFICE,
				officeId == null ? PLATFORM_OFFICE : officeId, officeName == null ? PLATFORM_OFFICE_NAME : officeName,
				Set.of(Role.ADMIN));
	}

	/** Never shows the password, should the account be logged. */
	@Override
	public String toString() {
		return "NewAccount[username=" + username + ", organisationKind=" + organisationKind + ", organisationId="
				+ organisationId + ", roles=" + roles + "]";
	}

	List<String> roleNames() {
		return roles == null ? List.of() : roles.stream().map(Role::name).sorted().toList();
	}
}
