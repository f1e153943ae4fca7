package org.abilitymap.accounts;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** An account as Spring Security's password login sees it: with its password hash, until the login erases it. */
final class AccountUser implements UserDetails, CredentialsContainer, ActorPrincipal {

	private static final long serialVersionUID = 1L;

	private final Account account;

	private String passwordHash;

	private final boolean locked;

	AccountUser(Account account, String passwordHash, boolean locked) {
		this.account = account;
		this.passwordHash = passwordHash;
		this.locked = locked;
	}

	@Override
	public Actor actor() {
		return account.actor();
	}

	Account account() {
		return account;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return authorities(account);
	}

	static List<GrantedAuthority> authorities(Account account) {
		return account.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return account.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return account.enabled();
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public String toString() {
		return "AccountUser[" + account.username() + "]";
	}
}
