package org.abilitymap.demo;

import org.abilitymap.accounts.Actor;
import org.abilitymap.accounts.Rights;
import org.abilitymap.audit.AuditTrail;
import org.abilitymap.audit.AuditTrail.Source;
import org.abilitymap.support.neo4j.Neo4jProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Loads the demo dataset on the first start of the embedded database, so that a new user sees a populated graph;
 * {@code abilitymap.demo.load=false} turns it off. An external Neo4j is never filled with demo data. The demo accounts
 * come with it; {@link DemoAccounts} switches them on or off at every start.
 */
@Component
@ConditionalOnProperty(name = "abilitymap.demo.load", havingValue = "true", matchIfMissing = true)
@Order(0) // before the initial admin of the settings (cli.InitialAdmin), which looks for an enabled admin
class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final DemoData demoData;

	private final Neo4jProperties neo4j;

	private final DemoAccounts accounts;

	private final Environment environment;

	private final AuditTrail audit;

	DemoDataLoader(DemoData demoData, Neo4jProperties neo4j, DemoAccounts accounts, Environment environment,
			AuditTrail audit) {
		this.audit = audit;
		this.demoData = demoData;
		this.neo4j = neo4j;
		this.accounts = accounts;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		Rights.runAs(Actor.system("system:demo-data"), () -> {
			java.util.Optional<String> interrupted = neo4j.isEmbedded() ? demoData.interruptedLoad()
					: java.util.Optional.empty();
			if (interrupted.isPresent()) {
				log.warn("The demo data load begun at {} did not finish: loading it again (what was loaded stays, the "
						+ "rest is added)", interrupted.get());
			}
			if (neo4j.isEmbedded() && (interrupted.isPresent() || demoData.graphIsEmpty())) {
				if (interrupted.isEmpty()) {
					log.info("First start of the embedded database: loading demo data (set abilitymap.demo.load=false to skip)");
				}
				audit.record(Source.SYSTEM, "loadDemoData", () -> {
					demoData.markLoading();
					demoData.load();
					return null;
				});
				audit.record(Source.SYSTEM, "createDemoAccounts", () -> {
					accounts.create();
					demoData.finishLoading();
					return null;
				});
			}
			else if (neo4j.isEmbedded()) {
				log.info("The graph already has jobs; demo data not loaded");
			}
			accounts.apply(environment.getProperty("abilitymap.demo.accounts", Boolean.class, true),
					environment.getProperty("abilitymap.demo.public", Boolean.class, false),
					environment.getProperty("server.address"));
			return null;
		});
	}
}
