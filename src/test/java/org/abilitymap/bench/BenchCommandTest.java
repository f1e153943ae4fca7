package org.abilitymap.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code bench} command end to end at a small scale: its own application, province, checks and report. */
@DisabledIfSystemProperty(named = "abilitymap.test.neo4j", matches = "testcontainers",
		disabledReason = "the benchmark always starts its own embedded Neo4j; the embedded run covers it")
class BenchCommandTest {

	@TempDir
	Path folder;

	@Test
	void measuresASmallProvinceAndWritesTheTable() throws IOException {
		Path report = folder.resolve("benchmarks.md");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exitCode = BenchCommand.run(List.of("--scales=3k", "--iterations=3", "--warmup=1", "--report=" + report,
				"--abilitymap.neo4j.embedded.page-cache-mb=64"), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Programme prg-0: R = ", "GraphQL p50");
		assertThat(Files.readString(report)).contains("| target | measured | met |", "GraphQL/Cypher p50",
				"Warm-up before the measurements", "collectors ");
	}

	@Test
	void namesTheArgumentItCannotRead() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exitCode = BenchCommand.run(List.of("--scales=10k,lots"), System.out,
				new PrintStream(err, true, StandardCharsets.UTF_8));
		int badIterations = BenchCommand.run(List.of("--iterations=many"), System.out,
				new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(exitCode).isEqualTo(2);
		assertThat(badIterations).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains(
				"Cannot read the scale 'lots': give a node count such as 10000, 10k or 1m.",
				"Cannot read '--iterations=many': give a whole number up to 2147483647.");
	}

	@Test
	void refusesUnknownArguments() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exitCode = BenchCommand.run(List.of("--scales=10k", "extra"), System.out,
				new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(exitCode).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unexpected argument 'extra'", "Usage:");
	}
}
