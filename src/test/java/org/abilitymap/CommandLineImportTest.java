package org.abilitymap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The real {@code import} entry point, with its own embedded Neo4j, run twice on the same data directory. */
@DisabledIfSystemProperty(named = "abilitymap.test.neo4j", matches = "testcontainers",
		disabledReason = "the command line always starts its own embedded Neo4j; the embedded run covers it")
class CommandLineImportTest {

	@TempDir
	Path dataDir;

	@TempDir
	Path documents;

	@Test
	void importingTheSameFilesTwiceCreatesThenLeavesTheSubmissionUnchanged() throws IOException {
		// The submission is given first: the catalogue it needs is imported before it anyway.
		List<String> arguments = List.of("--abilitymap.neo4j.embedded.data-dir=" + dataDir,
				"--abilitymap.neo4j.embedded.bolt-port=0", "--abilitymap.neo4j.uri=",
				copy("submission-a.json").toString(), copy("catalog.json").toString());

		Run first = runImport(arguments);
		Run second = runImport(arguments);

		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(first.out()).contains("[1/2] ✔", "catalogue: 2 industries",
				"[2/2] ✔", "CREATED sub:t-ent-a:t-battery-assembler:v1", "Imported 2 of 2 documents");
		assertThat(second.exitCode()).as(second.err()).isZero();
		assertThat(second.out()).contains("UNCHANGED sub:t-ent-a:t-battery-assembler:v1", "Imported 2 of 2 documents")
			.doesNotContain("CREATED");
	}

	private record Run(int exitCode, String out, String err) {
	}

	/** Runs {@link AbilitymapApplication#runCommand} with System.out and System.err captured. */
	private static Run runImport(List<String> arguments) {
		PrintStream originalOut = System.out;
		PrintStream originalErr = System.err;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		try {
			System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
			int exitCode = AbilitymapApplication.runCommand("import", arguments);
			return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(originalOut);
			System.setErr(originalErr);
		}
	}

	private Path copy(String name) throws IOException {
		try (InputStream input = getClass().getResourceAsStream("/documents/" + name)) {
			Path target = documents.resolve(name);
			Files.copy(input, target);
			return target;
		}
	}
}
