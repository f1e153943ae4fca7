package org.abilitymap.support.neo4j;

/**
 * The Bolt address, credentials and database abilitymap talks to, whether embedded or external.
 *
 * @param uri Bolt or Neo4j URI
 * @param username user name, or {@code null} when the server needs no authentication
 * @param password password, or {@code null} when the server needs no authentication
 * @param database database name, or {@code null} for the server's home database
 */
public record Neo4jEndpoint(String uri, String username, String password, String database) {

	@Override
	public String toString() {
		return "Neo4jEndpoint[uri=" + uri + ", username=" + username + ", database=" + database + "]";
	}
}
