package org.abilitymap.support.neo4j;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the graph lives: an external Neo4j when {@code uri} is set, otherwise an embedded one.
 *
 * @param uri bolt://, neo4j:// or neo4j+s:// address of an external server or cluster; blank for embedded
 * @param username user for the external server
 * @param password password for the external server
 * @param database database name; blank means the server's home database
 * @param embedded settings of the embedded database used when no uri is given
 */
@ConfigurationProperties("abilitymap.neo4j")
public record Neo4jProperties(String uri, @DefaultValue("neo4j") String username, String password, String database,
		@DefaultValue Embedded embedded) {

	/** True when abilitymap should start its own embedded database. */
	public boolean isEmbedded() {
		return uri == null || uri.isBlank();
	}

	/**
	 * Settings of the embedded database.
	 *
	 * @param dataDir directory holding the store (created on first start)
	 * @param boltAddress interface the Bolt connector listens on; loopback by default
	 * @param boltPort Bolt port; 0 lets the operating system choose a free one
	 * @param pageCacheMb size of Neo4j's page cache in MiB
	 * @param deleteOnClose whether to delete {@code dataDir} with everything in it once the database has stopped, for
	 *     throwaway databases (the tests set it)
	 */
	public record Embedded(@DefaultValue("./data/neo4j") Path dataDir, @DefaultValue("127.0.0.1") String boltAddress,
			@DefaultValue("7687") int boltPort, @DefaultValue("128") int pageCacheMb,
			@DefaultValue("false") boolean deleteOnClose) {
	}
}
