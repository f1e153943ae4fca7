package org.abilitymap.accounts;

import org.abilitymap.support.neo4j.Graph;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Finds accounts in Neo4j for the password logins (form and HTTP Basic). */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final Graph graph;

	private final AccountRepository repository;

	AccountUserDetailsService(Graph graph, AccountRepository repository) {
		this.graph = graph;
		this.repository = repository;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return graph.read(tx -> repository.login(tx, username))
			.orElseThrow(() -> new UsernameNotFoundException("No account " + username));
	}
}
