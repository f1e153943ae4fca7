package org.abilitymap.imports;

import org.abilitymap.accounts.Actor;
import org.abilitymap.accounts.Rights;
import org.abilitymap.support.neo4j.Neo4jProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start, server or command line, removes what imports stopped half-way (a killed process) had staged, so
 * that the next import of the same files starts clean; readers never saw it either way.
 */
@Component
@Order(-20)
class UnfinishedImports implements ApplicationRunner {

	private final StagedImports staged;

	private final Neo4jProperties neo4j;

	UnfinishedImports(StagedImports staged, Neo4jProperties neo4j) {
		this.staged = staged;
		this.neo4j = neo4j;
	}

	@Override
	public void run(ApplicationArguments args) {
		// the embedded database is locked to this process, so any run in it was left by one that stopped
		Rights.runAs(Actor.system("system:unfinished-imports"), () -> staged.removeUnfinished(neo4j.isEmbedded()));
	}
}
