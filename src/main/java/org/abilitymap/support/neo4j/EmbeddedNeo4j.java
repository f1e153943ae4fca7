package org.abilitymap.support.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j 5 database running inside the application, reachable over Bolt (on the loopback interface, with a
 * password kept in its data directory) so that the application's driver, Neo4j Browser and cypher-shell all see
 * the same graph.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

	private final DatabaseManagementService managementService;

	/** The file in the data directory holding the Bolt password of the {@code neo4j} user. */
	public static final String PASSWORD_FILE = "bolt-password";

	private static final String USERNAME = "neo4j";

	private final String boltUri;

	private final String password;

	private final Path home;

	private final boolean deleteOnClose;

	private EmbeddedNeo4j(DatabaseManagementService managementService, String boltUri, String password, Path home,
			boolean deleteOnClose) {
		this.managementService = managementService;
		this.boltUri = boltUri;
		this.password = password;
		this.home = home;
		this.deleteOnClose = deleteOnClose;
	}

	/** Starts the database in {@code settings.dataDir()} and waits until Bolt accepts connections. */
	public static EmbeddedNeo4j start(Neo4jProperties.Embedded settings) {
		Path home = settings.dataDir().toAbsolutePath().normalize();
		log.info("Starting embedded Neo4j in {} (Bolt on {}:{})", home, settings.boltAddress(), settings.boltPort());
		long started = System.nanoTime();
		DatabaseManagementService service;
		try {
			service = new DatabaseManagementServiceBuilder(home)
				.setConfig(BoltConnector.enabled, true)
				.setConfig(BoltConnector.listen_address, new SocketAddress(settings.boltAddress(), settings.boltPort()))
				.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
				.setConfig(GraphDatabaseSettings.auth_enabled, true)
				.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(settings.pageCacheMb()))
				.setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
				// The Bolt server otherwise waits about 10 s for Netty on every shutdown.
				.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
				.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
				.build();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Could not start the embedded Neo4j in " + home + " on Bolt port "
					+ settings.boltPort() + ". Is another abilitymap or Neo4j using that directory or port? "
					+ "Set abilitymap.neo4j.embedded.data-dir / bolt-port, or NEO4J_URI for an external server.", ex);
		}
		String password = BoltPassword.readOrCreate(home.resolve(PASSWORD_FILE));
		setPassword(service, password);
		var database = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		var address = database.getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(ConnectorType.BOLT);
		String uri = "bolt://" + address.getHost() + ":" + address.getPort();
		log.info("Embedded Neo4j ready at {} in {} ms; Neo4j Browser and cypher-shell log in as user '{}' with the "
				+ "password in {}", uri, Duration.ofNanos(System.nanoTime() - started).toMillis(), USERNAME,
				home.resolve(PASSWORD_FILE));
		return new EmbeddedNeo4j(service, uri, password, home, settings.deleteOnClose());
	}

	/**
	 * Sets the {@code neo4j} user's password to the file's on every start (the embedded API runs with full rights),
	 * so that a deleted file simply means a new password. Neo4j refuses to set the password it already has, which is
	 * the usual case on a restart.
	 */
	private static void setPassword(DatabaseManagementService service, String password) {
		try {
			service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
				.executeTransactionally("ALTER USER " + USERNAME + " SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
						java.util.Map.of("password", password));
		}
		catch (org.neo4j.graphdb.QueryExecutionException ex) {
			if (ex.getMessage() == null || !ex.getMessage().contains("cannot be the same")) {
				throw ex;
			}
		}
	}

	/** The Bolt address the driver and external tools connect to. */
	public String boltUri() {
		return boltUri;
	}

	/** The user the driver logs in as. */
	public String username() {
		return USERNAME;
	}

	/** The Bolt password, from {@link #PASSWORD_FILE} in the data directory. */
	public String password() {
		return password;
	}

	/** Stops the database, then deletes its directory when {@code delete-on-close} is set. */
	@Override
	public void close() {
		log.info("Stopping embedded Neo4j");
		managementService.shutdown();
		if (deleteOnClose) {
			deleteDirectory(home);
		}
	}

	/** Deletes a directory tree; a file that cannot be deleted is logged, not thrown, since the database has stopped. */
	public static void deleteDirectory(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			log.info("Deleted the embedded database in {}", directory);
		}
		catch (IOException | UncheckedIOException ex) {
			log.warn("Could not delete the embedded database in {}: {}", directory, ex.getMessage());
		}
	}
}
