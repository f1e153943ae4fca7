package org.abilitymap.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of {@code bench load}: its own options, and every other {@code --name=value} passed on to Spring.
 *
 * @param clients client threads in all
 * @param editors how many of them edit the programme; the others submit work tasks
 * @param seconds how long the clients send requests
 * @param seed seed of the clients' choices of names
 * @param report where the markdown summary goes
 * @param springArguments the remaining {@code --} arguments (Spring properties)
 */
record LoadOptions(int clients, int editors, int seconds, long seed, Path report, List<String> springArguments) {

	static final String USAGE = """
			Usage: java -jar abilitymap.jar bench load [--clients=16] [--editors=clients/4] [--seconds=60] [--seed=42]
			         [--report=target/load.md] [--spring.property=…]
			Starts the application on a fresh embedded Neo4j, then runs the clients over HTTP for the duration: most submit
			work tasks as enterprises, naming shared new points in spellings of one name; the editors add courses and
			teaching to one programme. Then checks that every acknowledged write is in the graph and that no two points
			share one name key; exits 1 on any server error, lost write or duplicate point.""";

	static LoadOptions parse(List<String> arguments) {
		int clients = 16;
		Integer editors = null;
		int seconds = 60;
		long seed = 42;
		Path report = Path.of("target", "load.md");
		List<String> spring = new ArrayList<>();
		for (String argument : arguments) {
			String value = argument.contains("=") ? argument.substring(argument.indexOf('=') + 1) : "";
			if (argument.startsWith("--clients=")) {
				clients = (int) BenchOptions.number(argument, value, 1_000);
			}
			else if (argument.startsWith("--editors=")) {
				editors = (int) BenchOptions.number(argument, value, 1_000);
			}
			else if (argument.startsWith("--seconds=")) {
				seconds = (int) BenchOptions.number(argument, value, 86_400);
			}
			else if (argument.startsWith("--seed=")) {
				seed = BenchOptions.number(argument, value, Long.MAX_VALUE);
			}
			else if (argument.startsWith("--report=")) {
				report = Path.of(value);
			}
			else if (argument.startsWith("--")) {
				spring.add(argument);
			}
			else {
				throw new IllegalArgumentException("Unexpected argument '" + argument + "'.");
			}
		}
		int editing = editors == null ? Math.max(1, clients / 4) : editors;
		if (clients < 2 || seconds < 1 || editing < 1 || editing >= clients) {
			throw new IllegalArgumentException("Give at least two clients, at least one second, and at least one editor "
					+ "and one submitting client among the clients.");
		}
		return new LoadOptions(clients, editing, seconds, seed, report, List.copyOf(spring));
	}

	/** Clients that submit work tasks. */
	int submitters() {
		return clients - editors;
	}

	/** Enterprises the submitting clients act for: two clients each, so that one series gets concurrent versions. */
	int enterprises() {
		return (submitters() + 1) / 2;
	}
}
