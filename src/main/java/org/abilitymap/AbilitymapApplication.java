package org.abilitymap;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.abilitymap.accounts.Actor;
import org.abilitymap.accounts.Rights;
import org.abilitymap.bench.BenchCommand;
import org.abilitymap.cli.CreateAdminCommand;
import org.abilitymap.cli.ExportCommand;
import org.abilitymap.cli.ImportCommand;
import org.abilitymap.cli.QuickCompiler;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts abilitymap: the GraphQL API and web page (with an embedded Neo4j unless {@code NEO4J_URI} is set), or, with
 * {@code import …}, {@code export …} or {@code create-admin …} as arguments, that command, or, with {@code bench …},
 * the benchmark.
 */
@SpringBootApplication
public class AbilitymapApplication {

	private static final List<String> COMMANDS = List.of("import", "export", "create-admin");

	public static void main(String[] args) {
		if (args.length > 0 && COMMANDS.contains(args[0])) {
			QuickCompiler.use();
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
			// The command line acts for the operating-system user who runs it, recorded as such in the audit trail.
			return Rights.runAs(Actor.operatingSystemUser(), () -> switch (name) {
				case "import" -> context.getBean(ImportCommand.class).run(rest, System.out, System.err);
				case "export" -> context.getBean(ExportCommand.class).run(rest, System.out, System.err);
				default -> context.getBean(CreateAdminCommand.class).run(rest, System.out, System.err);
			});
		}
	}
}
