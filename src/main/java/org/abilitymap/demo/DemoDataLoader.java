package org.abilitymap.demo;

import org.abilitymap.support.neo4j.Neo4jProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the demo dataset on the first start of the embedded database, so that a new user sees a populated graph;
 * {@code abilitymap.demo.load=false} turns it off. An external Neo4j is never filled with demo data.
 */
@Component
@ConditionalOnProperty(name = "abilitymap.demo.load", havingValue = "true", matchIfMissing = true)
class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final DemoData demoData;

	private final Neo4jProperties neo4j;

	DemoDataLoader(DemoData demoData, Neo4jProperties neo4j) {
		this.demoData = demoData;
		this.neo4j = neo4j;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (!neo4j.isEmbedded()) {
			return;
		}
		if (!demoData.graphIsEmpty()) {
			log.info("The graph already has jobs; demo data not loaded");
			return;
		}
		log.info("First start of the embedded database: loading demo data (set abilitymap.demo.load=false to skip)");
		demoData.load();
	}
}
