package org.abilitymap;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.abilitymap.bench.BenchCommand;
import org.abilitymap.cli.ExportCommand;
import org.abilitymap.cli.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts abilitymap: the GraphQL API and web page (with an embedded Neo4j unless {@code NEO4J_URI} is set), or, with
 * {@code import …} or {@code export …} as arguments, the command-line import or export, or, with {@code bench …}, the
 * benchmark.
 */
@SpringBootApplication
public class AbilitymapApplication {

	public static void main(String[] args) {
		if (args.length > 0 && (args[0].equals("import") || args[0].equals("export"))) {
			System.exit(runCommand(args[0], Arrays.asList(args).subList(1, args.length)));
		}
		if (args.length > 0 && args[0].equals("bench")) {
			System.exit(BenchCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
		}
		SpringApplication.run(AbilitymapApplication.class, args);
	}

	/**
	 * Runs the command-line import or export without a web server or demo data, and returns the exit code. Options
	 * whose name has a dot are Spring properties (for example {@code --abilitymap.neo4j.embedded.data-dir=…}); the
	 * rest go to the command.
	 */
	static int runCommand(String name, List<String> arguments) {
		List<String> properties = arguments.stream().filter(a -> a.startsWith("--") && a.substring(2).split("=", 2)[0]
			.contains(".")).toList();
		List<String> rest = arguments.stream().filter(a -> !properties.contains(a)).toList();
		var application = new SpringApplication(AbilitymapApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("abilitymap.demo.load", "false", "logging.level.root", "warn",
				"logging.level.org.abilitymap", "warn"));
		try (ConfigurableApplicationContext context = application.run(properties.toArray(String[]::new))) {
			return name.equals("import") ? context.getBean(ImportCommand.class).run(rest, System.out, System.err)
					: context.getBean(ExportCommand.class).run(rest, System.out, System.err);
		}
	}
}
