package org.abilitymap.support.neo4j;

import java.util.Map;
import java.util.Properties;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.ext.neo4j.database.jdbc.Neo4jDriver;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the Cypher change logs under {@code cypher/} (constraints, indexes, data migrations) with Liquibase's
 * Neo4j extension, which records what ran in the graph itself and runs each change set once.
 */
public final class SchemaMigrations {

	/** The master change log, on the class path (copied there from the top-level {@code cypher/} folder). */
	public static final String CHANGELOG = "cypher/changelog.xml";

	private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

	private final Neo4jEndpoint endpoint;

	SchemaMigrations(Neo4jEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	/** Brings the schema up to date; fails start-up with the failing change set named when a migration fails. */
	public void apply() {
		Properties credentials = new Properties();
		if (endpoint.password() != null) {
			credentials.setProperty("user", endpoint.username());
			credentials.setProperty("password", endpoint.password());
		}
		String jdbcUrl = "jdbc:neo4j:" + endpoint.uri()
				+ (endpoint.database() == null ? "" : "?database=" + endpoint.database());
		try (var connection = new Neo4jDriver().connect(jdbcUrl, credentials)) {
			Database database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(connection));
			try (var liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database)) {
				// Liquibase's default UI prints to standard output; route its messages to the log instead.
				Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()),
						() -> liquibase.update(new Contexts(), new LabelExpression()));
			}
			log.info("Schema migrations from {} are up to date", CHANGELOG);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Applying the Cypher migrations in " + CHANGELOG + " failed: "
					+ ex.getMessage(), ex);
		}
	}
}
