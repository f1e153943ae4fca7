package org.abilitymap.support.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;

/** The embedded database keeps its directory and its Bolt password across restarts, unless it is a throwaway one. */
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

	@Test
	void boltNeedsThePasswordGeneratedIntoAnOwnerOnlyFileWhichTheNextStartKeeps() throws IOException {
		Path dataDir = Files.createDirectory(parent.resolve("secured"));
		String first;
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(settings(dataDir, false))) {
			Path file = dataDir.resolve(EmbeddedNeo4j.PASSWORD_FILE);
			first = Files.readString(file).strip();
			assertThat(neo4j.password()).isEqualTo(first).hasSizeGreaterThanOrEqualTo(32);
			assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
			assertThatThrownBy(() -> {
				try (var driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
					driver.verifyConnectivity();
				}
			}).isInstanceOf(AuthenticationException.class);
			assertThatThrownBy(() -> {
				try (var driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", "neo4j"))) {
					driver.verifyConnectivity();
				}
			}).isInstanceOf(AuthenticationException.class);
			assertThat(answer(neo4j)).isEqualTo(1);
		}
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(settings(dataDir, false))) {
			assertThat(neo4j.password()).isEqualTo(first);
			assertThat(answer(neo4j)).isEqualTo(1);
		}
	}

	private static Neo4jProperties.Embedded settings(Path dataDir, boolean deleteOnClose) {
		return new Neo4jProperties.Embedded(dataDir, "127.0.0.1", 0, 32, deleteOnClose);
	}

	private static int answer(EmbeddedNeo4j neo4j) {
		try (var driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(neo4j.username(), neo4j.password()));
				var session = driver.session()) {
			return session.run("RETURN 1 AS one").single().get("one").asInt();
		}
	}
}
