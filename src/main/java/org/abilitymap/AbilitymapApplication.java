package org.abilitymap;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.abilitymap.bench.BenchCommand;
import org.abilitymap.cli.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts abilitymap: the GraphQL API and web page (with an embedded Neo4j unless {@code NEO4J_URI} is set), or, with
 * {@code import FILE…} as arguments, the command-line import, or, with {@code bench …}, the benchmark.
 */
@SpringBootApplication
public class AbilitymapApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("import")) {
			System.exit(runImport(Arrays.asList(args).subList(1, args.length)));
		}
		if (args.length > 0 && args[0].equals("bench")) {
			System.exit(BenchCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
		}
		SpringApplication.run(AbilitymapApplication.class, args);
	}

	/**
	 * Runs the command-line import without a web server or demo data, and returns the exit code. Arguments starting
	 * with {@code --} are Spring properties (for example {@code --abilitymap.neo4j.embedded.data-dir=…}); the rest
	 * are files and folders to import.
	 */
	static int runImport(List<String> arguments) {
		List<String> properties = arguments.stream().filter(a -> a.startsWith("--")).toList();
		List<String> files = arguments.stream().filter(a -> !a.startsWith("--")).toList();
		var application = new SpringApplication(AbilitymapApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("abilitymap.demo.load", "false", "logging.level.root", "warn",
				"logging.level.org.abilitymap", "warn"));
		try (ConfigurableApplicationContext context = application.run(properties.toArray(String[]::new))) {
			return context.getBean(ImportCommand.class).run(files, System.out, System.err);
		}
	}
}
