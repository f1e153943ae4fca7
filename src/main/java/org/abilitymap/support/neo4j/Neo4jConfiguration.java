package org.abilitymap.support.neo4j;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Connects abilitymap to its graph: starts the embedded Neo4j when no URI is given and builds the one driver. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Neo4jProperties.class)
class Neo4jConfiguration {

	private static final Logger log = LoggerFactory.getLogger(Neo4jConfiguration.class);

	@Bean(destroyMethod = "close")
	@ConditionalOnExpression("'${abilitymap.neo4j.uri:}'.isBlank()")
	EmbeddedNeo4j embeddedNeo4j(Neo4jProperties properties) {
		return EmbeddedNeo4j.start(properties.embedded());
	}

	@Bean
	Neo4jEndpoint neo4jEndpoint(Neo4jProperties properties, ObjectProvider<EmbeddedNeo4j> embedded) {
		if (properties.isEmbedded()) {
			EmbeddedNeo4j neo4j = embedded.getObject();
			return new Neo4jEndpoint(neo4j.boltUri(), neo4j.username(), neo4j.password(), "neo4j");
		}
		String database = properties.database() == null || properties.database().isBlank() ? null : properties.database();
		return new Neo4jEndpoint(properties.uri(), properties.username(), properties.password(), database);
	}

	@Bean(destroyMethod = "close")
	Driver neo4jDriver(Neo4jEndpoint endpoint) {
		AuthToken auth = endpoint.password() == null ? AuthTokens.none()
				: AuthTokens.basic(endpoint.username(), endpoint.password());
		Driver driver = GraphDatabase.driver(endpoint.uri(), auth,
				Config.builder().withUserAgent("abilitymap").build());
		try {
			driver.verifyConnectivity();
		}
		catch (Neo4jException | IllegalStateException ex) {
			driver.close();
			throw new IllegalStateException("Cannot reach Neo4j at " + endpoint.uri()
					+ ". Check NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD (" + ex.getClass().getSimpleName() + ")",
					ex);
		}
		log.info("Connected to Neo4j at {}", endpoint.uri());
		return driver;
	}

	@Bean
	SchemaMigrations schemaMigrations(Neo4jEndpoint endpoint) {
		SchemaMigrations migrations = new SchemaMigrations(endpoint);
		migrations.apply();
		return migrations;
	}

	/** The graph is handed out only after the schema migrations have run. */
	@Bean
	Graph graph(Driver driver, Neo4jEndpoint endpoint, SchemaMigrations migrations) {
		return new Graph(driver, endpoint.database());
	}
}
