package org.abilitymap.backup;

import java.util.Optional;

import org.abilitymap.support.neo4j.Graph;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the server on a database that a killed restore left half written, rather than serve it as if
 * it were whole; the command line still starts, to run the restore again.
 */
@Component
@ConditionalOnWebApplication
@Order(-10)
class UnfinishedRestoreCheck implements ApplicationRunner {

	private final Graph graph;

	private final GraphBackupRepository repository;

	UnfinishedRestoreCheck(Graph graph, GraphBackupRepository repository) {
		this.graph = graph;
		this.repository = repository;
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<String> interrupted = graph.read(repository::interruptedRestore);
		if (interrupted.isPresent()) {
			throw new IllegalStateException("Refusing to start: the restore of " + interrupted.get() + " did not "
					+ "finish, so the graph is partial. Run 'java -jar abilitymap.jar import <that file>' again to "
					+ "finish it (docs/backup.md), then start the server.");
		}
	}
}
