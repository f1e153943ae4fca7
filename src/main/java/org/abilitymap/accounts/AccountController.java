package org.abilitymap.accounts;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.support.graphql.Connection;
import org.abilitymap.support.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL for accounts: who the caller is, the admins' account management, one's password and access tokens. */
@Controller
class AccountController {

	private final Accounts accounts;

	AccountController(Accounts accounts) {
		this.accounts = accounts;
	}

	/** An organisation as the schema shows it. */
	record Organisation(String id, OrganisationKind kind, String name) {
	}

	/** The caller. */
	record Me(String username, String displayName, Organisation organisation, Set<Role> roles) {
	}

	/** Input of {@code createAccount}. */
	record CreateAccountInput(String username, String displayName, String password,
			OrganisationKind organisationKind, String organisationId, String organisationName, List<Role> roles) {
	}

	/** Input of {@code setAccountEnabled}. */
	record SetAccountEnabledInput(String username, boolean enabled) {
	}

	/** Input of {@code assignAccount}. */
	record AssignAccountInput(String username, OrganisationKind organisationKind, String organisationId,
			List<Role> roles) {
	}

	/** Input of {@code changePassword}. */
	record ChangePasswordInput(String currentPassword, String newPassword) {
	}

	/** Input of {@code createAccessToken}. */
	record CreateAccessTokenInput(String name) {
	}

	/** Input of {@code revokeAccessToken}. */
	record RevokeAccessTokenInput(String id) {
	}

	/** Result of an account change. */
	record AccountPayload(Account account, List<Problem> errors) {
	}

	/** Result of {@code changePassword}. */
	record ChangePasswordPayload(boolean changed, List<Problem> errors) {
	}

	/** Result of {@code revokeAccessToken}. */
	record RevokeAccessTokenPayload(AccessToken token, List<Problem> errors) {
	}

	@QueryMapping
	Me me() {
		Actor actor = Rights.requireActor();
		return accounts.mine()
			.map(a -> new Me(a.username(), a.displayName(), organisation(a), a.roles()))
			.orElseGet(() -> new Me(actor.username(), actor.username(), actor.organisationId() == null ? null
					: new Organisation(actor.organisationId(), actor.organisationKind(), null), actor.roles()));
	}

	@QueryMapping("accounts")
	Connection<Account> accountList(@Argument Integer first, @Argument String after) {
		PageRequest page = PageRequest.of(first, after);
		List<Account> all = accounts.list(null, Integer.MAX_VALUE);
		List<Account> fetched = all.stream().skip(page.offset()).limit(page.limit() + 1L).toList();
		return Connection.of(page, fetched, all.size());
	}

	@QueryMapping
	List<AccessToken> accessTokens() {
		return accounts.tokens();
	}

	@SchemaMapping(typeName = "Account")
	Organisation organisation(Account account) {
		return new Organisation(account.organisationId(), account.organisationKind(), account.organisationName());
	}

	@MutationMapping
	AccountPayload createAccount(@Argument CreateAccountInput input) {
		return change(() -> accounts.create(new NewAccount(input.username(), input.displayName(), input.password(),
				input.organisationKind(), input.organisationId(), input.organisationName(), roles(input.roles()))));
	}

	@MutationMapping
	AccountPayload setAccountEnabled(@Argument SetAccountEnabledInput input) {
		return change(() -> accounts.setEnabled(input.username(), input.enabled()));
	}

	@MutationMapping
	AccountPayload assignAccount(@Argument AssignAccountInput input) {
		return change(() -> accounts.assign(input.username(), input.organisationKind(), input.organisationId(),
				roles(input.roles())));
	}

	@MutationMapping
	ChangePasswordPayload changePassword(@Argument ChangePasswordInput input) {
		try {
			accounts.changePassword(input.currentPassword(), input.newPassword());
			return new ChangePasswordPayload(true, List.of());
		}
		catch (InvalidDocumentException ex) {
			return new ChangePasswordPayload(false, ex.problems());
		}
	}

	@MutationMapping
	NewAccessToken createAccessToken(@Argument CreateAccessTokenInput input) {
		return accounts.createToken(input.name());
	}

	@MutationMapping
	RevokeAccessTokenPayload revokeAccessToken(@Argument RevokeAccessTokenInput input) {
		try {
			return new RevokeAccessTokenPayload(accounts.revokeToken(input.id()), List.of());
		}
		catch (InvalidDocumentException ex) {
			return new RevokeAccessTokenPayload(null, ex.problems());
		}
	}

	private static AccountPayload change(java.util.function.Supplier<Account> change) {
		try {
			return new AccountPayload(change.get(), List.of());
		}
		catch (InvalidDocumentException ex) {
			return new AccountPayload(null, ex.problems());
		}
	}

	private static Set<Role> roles(List<Role> roles) {
		return roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
	}
}
