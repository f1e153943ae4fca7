package org.abilitymap.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import command on folders and files: catalogues first, all or nothing, one line per file, a summary, and exit
 * codes 0, 1 and 2.
 */
class ImportCommandTest extends GraphTestSupport {

	@Autowired
	private ImportCommand command;

	@TempDir
	private Path folder;

	@Test
	void aFolderWithBadFilesIsWrittenNotAtAllAndEveryBadFileIsReportedWithItsProblems() throws IOException {
		// Sorted by name the submission comes before the catalogue it needs.
		Path submission = write("a-submission.json", documentText("submission-a.json"));
		Path bad = write("b-bad-submission.json", documentText("submission-a.json")
			.replace("\"t-ent-a\"", "\"t-ent-b\"")
			.replace("\"importance\": 5", "\"importance\": 9")
			.replace("\"frequency\": \"WEEKLY\"", "\"frequency\": \"HOURLY\""));
		Path malformed = write("c-malformed.json", "{\"jobId\": ");
		// checked after the bad submission was rejected: the job it names is looked up in the run's transaction
		Path unknownJob = write("d-unknown-job.json", documentText("submission-a.json")
			.replace("\"t-battery-assembler\"", "\"t-no-such-job\""));
		Path catalog = write("z-catalog.json", documentText("catalog.json"));
		write("notes.txt", "not a document");

		Run run = run(folder.toString());

		assertThat(run.exitCode()).isEqualTo(1);
		List<String> out = run.out().lines().toList();
		assertThat(out).hasSize(3);
		assertThat(out.get(0)).isEqualTo("[1/4] – " + catalog + ": no problems, not written: another document of "
				+ "this run was rejected");
		assertThat(out.get(1)).isEqualTo("[2/4] – " + submission + ": no problems, not written: another document of "
				+ "this run was rejected");
		assertThat(out.get(2)).matches("Imported 0 of 5 documents in \\d+ ms: 3 rejected, so nothing was written "
				+ "\\(the documents of one run are written all together or not at all\\)\\.");
		assertThat(run.err()).contains("✘ " + malformed + ": rejected with 1 problem(s)", "(document): The document is "
				+ "not valid JSON at line 1");
		assertThat(run.err()).contains("[3/4] ✘ " + bad + ": rejected with 2 problem(s), nothing written:",
				"    projects[0].tasks[0].importance: ", "    projects[1].tasks[0].frequency: ");
		assertThat(run.err()).contains("[4/4] ✘ " + unknownJob + ": rejected with 1 problem(s), nothing written:",
				"    jobId: There is no job with id 't-no-such-job'");
		assertThat(run.err()).doesNotContain("notes.txt");
		assertThat(fingerprint()).isEmpty();
	}

	@Test
	void aMalformedDocumentAloneStopsTheWholeRunAndTheFolderWithoutItIsWrittenWhole() throws IOException {
		Path submission = write("a-submission.json", documentText("submission-a.json"));
		Path malformed = write("b-malformed.json", "[1, 2]");
		Path catalog = write("z-catalog.json", documentText("catalog.json"));

		Run run = run(folder.toString());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("✘ " + malformed + ": rejected with 1 problem(s)", "none of the document kinds");
		assertThat(run.out()).contains("[1/2] – " + catalog + ": no problems, not written",
				"[2/2] – " + submission + ": no problems, not written", "1 rejected, so nothing was written");
		assertThat(fingerprint()).isEmpty();

		Files.delete(malformed);
		Run again = run(folder.toString());

		assertThat(again.exitCode()).isZero();
		assertThat(again.out()).contains("[1/2] ✔ " + catalog + ": job catalogue: 2 industries",
				"[2/2] ✔ " + submission + ": CREATED sub:t-ent-a:t-battery-assembler:v1 (0 points matched, 5 created)");
		assertThat(count("Job")).isEqualTo(3);
		assertThat(submissionIds()).containsExactly("sub:t-ent-a:t-battery-assembler:v1");
	}

	@Test
	void filesOfOtherFormatsAreImportedOnlyOnceTheDocumentsHaveCommitted() throws IOException {
		Path catalog = write("a-catalog.json", documentText("catalog.json"));
		Path bad = write("b-bad-submission.json", documentText("submission-a.json")
			.replace("\"importance\": 5", "\"importance\": 9"));
		Path framework = write("c-framework.json", documentText("case/foreign-framework.json"));

		Run run = run(folder.toString());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("[2/3] ✘ " + bad + ": rejected with 1 problem(s), nothing written:");
		assertThat(run.out()).contains("[1/3] – " + catalog + ": no problems, not written",
				"[3/3] – " + framework + " (case): not imported: a document of this run was rejected",
				"Imported 0 of 3 files in ", "1 rejected, so nothing was written");
		assertThat(fingerprint()).isEmpty();

		Files.delete(bad);
		Run again = run(folder.toString());

		assertThat(again.exitCode()).as(again.err()).isZero();
		assertThat(again.out()).contains("[1/2] ✔ " + catalog + ": job catalogue:",
				"[2/2] ✔ " + framework + " (case): CREATED framework", "Imported 2 of 2 files");
		assertThat(count("Job")).isEqualTo(3);
		assertThat(count("Framework")).isEqualTo(1);
	}

	@Test
	void filesGivenOneByOneAreImportedCataloguesFirstAndAllGoodExitsWithZero() throws IOException {
		Path submission = write("submission.json", documentText("submission-a.json"));
		Path catalog = write("catalog.json", documentText("catalog.json"));

		Run run = run(submission.toString(), catalog.toString());

		assertThat(run.exitCode()).isZero();
		assertThat(run.out().lines().toList().get(0)).startsWith("[1/2] ✔ " + catalog + ": job catalogue:");
		assertThat(run.out().lines().toList().get(1)).startsWith("[2/2] ✔ " + submission + ": CREATED");
		assertThat(run.out()).contains("Imported 2 of 2 documents in", "0 rejected");
		assertThat(run.err()).isEmpty();
		assertThat(count("Submission")).isEqualTo(1);
	}

	@Test
	void importingTheSameFolderAgainLeavesTheSubmissionUnchanged() throws IOException {
		write("catalog.json", documentText("catalog.json"));
		write("submission.json", documentText("submission-a.json"));
		assertThat(run(folder.toString()).exitCode()).isZero();
		List<String> before = fingerprint();

		Run again = run(folder.toString());

		assertThat(again.exitCode()).isZero();
		assertThat(again.out()).contains("UNCHANGED sub:t-ent-a:t-battery-assembler:v1");
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void noArgumentsIsAUsageError() {
		Run run = run();

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("Usage: java -jar abilitymap.jar import");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void aMissingFileIsAUsageErrorAndNothingIsImported() throws IOException {
		Path catalog = write("catalog.json", documentText("catalog.json"));
		Path missing = folder.resolve("missing.json");

		Run run = run(catalog.toString(), missing.toString());

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("No such file or folder: " + missing);
		assertThat(fingerprint()).isEmpty();
	}

	// --- helpers -------------------------------------------------------------------------------------------

	private record Run(int exitCode, String out, String err) {
	}

	private Run run(String... arguments) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode;
		try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
				PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
			exitCode = command.run(List.of(arguments), outStream, errStream);
		}
		return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
	}

	private List<String> submissionIds() {
		return graph.read(tx -> tx.run("MATCH (s:Submission) RETURN s.id AS id ORDER BY id").list(r -> r.get("id").asString()));
	}
}
