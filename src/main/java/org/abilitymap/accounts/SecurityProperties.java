package org.abilitymap.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings.
 *
 * @param publicRead whether anonymous callers may read published data (never drafts, never write)
 * @param login how repeated failed logins are throttled
 * @param jwt how the claims of an identity provider's JWTs map to an organisation and roles (JWTs are accepted only
 * when {@code spring.security.oauth2.resourceserver.jwt.*} names the provider)
 * @param initialAdmin the admin a start creates when there is none yet
 */
@ConfigurationProperties("abilitymap.security")
public record SecurityProperties(@DefaultValue("false") boolean publicRead, @DefaultValue Login login,
		@DefaultValue Jwt jwt, @DefaultValue InitialAdmin initialAdmin) {

	/**
	 * Throttling of failed logins.
	 *
	 * @param freeAttempts failed logins in a row before the first lock
	 * @param firstLock how long the first lock lasts; each further failure doubles it
	 * @param maxLock the longest lock
	 */
	public record Login(@DefaultValue("5") int freeAttempts, @DefaultValue("30s") Duration firstLock,
			@DefaultValue("15m") Duration maxLock) {
	}

	/**
	 * Claim names of JWTs.
	 *
	 * @param usernameClaim the claim naming the user
	 * @param organisationKindClaim the claim with the organisation's kind (ENTERPRISE, SCHOOL, …)
	 * @param organisationClaim the claim with the organisation's id in the graph
	 * @param rolesClaim the claim with the roles, a list of role names
	 */
	public record Jwt(@DefaultValue("preferred_username") String usernameClaim,
			@DefaultValue("organisation_kind") String organisationKindClaim,
			@DefaultValue("organisation") String organisationClaim, @DefaultValue("roles") String rolesClaim) {
	}

	/**
	 * The first admin, created on a start that finds no enabled admin account, in the quality office
	 * {@value NewAccount#PLATFORM_OFFICE} as {@code create-admin} does; ignored once an admin exists.
	 *
	 * @param username the admin's username; blank for none
	 * @param password the admin's password; blank for none
	 */
	public record InitialAdmin(String username, String password) {

		/** Whether both are given. */
		public boolean isSet() {
			return username != null && !username.isBlank() && password != null && !password.isEmpty();
		}

		/** Never shows the password. */
		@Override
		public String toString() {
			return "InitialAdmin[username=" + username + ", password=" + (password == null || password.isEmpty()
					? "(none)" : "(set)") + "]";
		}
	}
}
