package org.abilitymap.support.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

/** The embedded database keeps its directory across restarts, unless it is a throwaway one. */
class EmbeddedNeo4jTest {

	@TempDir
	Path parent;

	@Test
	void aThrowawayDatabaseDeletesItsDirectoryOnceStopped() throws IOException {
		Path dataDir = Files.createDirectory(parent.resolve("throwaway"));

		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(settings(dataDir, true))) {
			assertThat(answer(neo4j)).isEqualTo(1);
			assertThat(dataDir).isNotEmptyDirectory();
		}

		assertThat(dataDir).doesNotExist();
	}

	@Test
	void byDefaultTheDirectoryAndItsGraphStay() throws IOException {
		Path dataDir = Files.createDirectory(parent.resolve("kept"));

		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(settings(dataDir, false))) {
			assertThat(answer(neo4j)).isEqualTo(1);
		}

		assertThat(dataDir).isNotEmptyDirectory();
	}

	private static Neo4jProperties.Embedded settings(Path dataDir, boolean deleteOnClose) {
		return new Neo4jProperties.Embedded(dataDir, "127.0.0.1", 0, 32, deleteOnClose);
	}

	private static int answer(EmbeddedNeo4j neo4j) {
		try (var driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
				var session = driver.session()) {
			return session.run("RETURN 1 AS one").single().get("one").asInt();
		}
	}
}
