package org.abilitymap.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abilitymap.imports.ExportFormat;
import org.abilitymap.imports.Progress;
import org.abilitymap.support.graphql.InvalidArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export command's handling of formats, options, output files and errors, with a format that writes its
 * options back (the real formats are tested with the database in their own packages).
 */
class ExportCommandTest {

	@TempDir
	private Path folder;

	private final ExportCommand command = new ExportCommand(List.of(new EchoFormat()));

	@Test
	void writesTheExportToTheNamedFileAndSaysSo() throws IOException {
		Path target = folder.resolve("out.txt");

		Run run = run("--format=echo", "--programme=460702", "--out=" + target);

		assertThat(run.exitCode()).isZero();
		assertThat(Files.readString(target)).isEqualTo("{programme=460702}");
		assertThat(run.out()).matches("Wrote " + java.util.regex.Pattern.quote(target.toString())
				+ " \\(echo, 18 bytes\\) in \\d+ ms\\.\\R");
		assertThat(run.err()).contains("writing");
		try (var files = Files.list(folder)) {
			assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.txt");
		}
	}

	@Test
	void writesToStandardOutputWithADash() {
		Run run = run("--format=echo", "--programme=p1", "--out=-");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).isEqualTo("{programme=p1}");
	}

	@Test
	void anOptionNamingNothingFailsWithItsNameAndLeavesNoFile() throws IOException {
		Path target = folder.resolve("out.txt");

		Run run = run("--format=echo", "--programme=missing", "--out=" + target);

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("✘ --programme: There is no programme with id 'missing'.");
		try (var files = Files.list(folder)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void usageErrorsExitWithTwoAndListTheFormats() {
		Run unknownFormat = run("--format=nope");
		assertThat(unknownFormat.exitCode()).isEqualTo(2);
		assertThat(unknownFormat.err()).contains("Unknown format 'nope'.", "echo", "Writes its options back");

		Run noFormat = run();
		assertThat(noFormat.exitCode()).isEqualTo(2);
		assertThat(noFormat.err()).contains("Usage: java -jar abilitymap.jar export --format=NAME");

		Run unknownOption = run("--format=echo", "--colour=red");
		assertThat(unknownOption.exitCode()).isEqualTo(2);
		assertThat(unknownOption.err()).contains("Format 'echo' does not take --colour; it takes --programme.");

		Run stray = run("--format=echo", "file.txt");
		assertThat(stray.exitCode()).isEqualTo(2);
		assertThat(stray.err()).contains("Unexpected argument(s): file.txt");
	}

	@Test
	void optionsWithADotAreSpringPropertiesAndTheRestGoToTheCommand() {
		CommandOptions options = CommandOptions.parse(List.of("--format=esco", "--abilitymap.neo4j.uri=bolt://x",
				"--dry-run", "a.zip", "b"));

		assertThat(options.options()).containsExactly(Map.entry("format", "esco"), Map.entry("dry-run", "true"));
		assertThat(options.springProperties()).containsExactly("--abilitymap.neo4j.uri=bolt://x");
		assertThat(options.operands()).containsExactly("a.zip", "b");
	}

	private Run run(String... arguments) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = command.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Run(int exitCode, String out, String err) {
	}

	/** Writes its options as text; refuses the programme 'missing'. */
	private static final class EchoFormat implements ExportFormat {

		@Override
		public String name() {
			return "echo";
		}

		@Override
		public String description() {
			return "Writes its options back (--programme)";
		}

		@Override
		public String extension() {
			return "txt";
		}

		@Override
		public Set<String> options() {
			return Set.of("programme");
		}

		@Override
		public String exportTo(Map<String, String> options, OutputStream out, Progress progress) throws IOException {
			progress.begin("writing", 1);
			if ("missing".equals(options.get("programme"))) {
				throw new InvalidArgumentException("programme", "There is no programme with id 'missing'.");
			}
			out.write(options.toString().getBytes(StandardCharsets.UTF_8));
			progress.advance(1);
			return options.get("programme");
		}
	}
}
