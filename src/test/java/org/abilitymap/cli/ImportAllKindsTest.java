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
 * The import command takes a folder holding all four kinds of document in the wrong file order and imports them in
 * the order their references need: job catalogue, education catalogue, submission, programme.
 */
class ImportAllKindsTest extends GraphTestSupport {

	@Autowired
	private ImportCommand command;

	@TempDir
	private Path folder;

	@Test
	void aFolderOfEveryKindInTheWrongFileOrderImportsInTheOrderOfItsReferences() throws IOException {
		// sorted by name each file needs the ones after it: the programme names the programme group (education
		// catalogue) and the submission's points; the submission names a job; the education catalogue an industry
		Path programme = write("1-programme.json", documentText("alignment/programme-2.json")
			.replace("\"targetJobIds\": [\"al-job-b\"]", "\"groupId\": \"al-pg\", \"targetJobIds\": [\"al-job-b\"]"));
		Path submission = write("2-submission.json", documentText("alignment/submission-ent1-job-b.json"));
		Path educationCatalog = write("3-education-catalog.json", documentText("alignment/education-catalog.json"));
		Path jobCatalog = write("4-job-catalog.json", documentText("alignment/catalog.json"));

		Run run = run(folder.toString());

		assertThat(run.err()).isEmpty();
		assertThat(run.exitCode()).isZero();
		List<String> out = run.out().lines().toList();
		assertThat(out).hasSize(5);
		assertThat(out.get(0)).isEqualTo("[1/4] ✔ " + jobCatalog + ": job catalogue: 1 industries, 1 segments, "
				+ "1 job groups, 3 jobs, 0 reference occupations, 3 enterprises");
		assertThat(out.get(1)).isEqualTo("[2/4] ✔ " + educationCatalog + ": education catalogue: 1 schools, "
				+ "1 industry bodies, 1 clusters, 1 programme groups");
		assertThat(out.get(2)).isEqualTo("[3/4] ✔ " + submission
				+ ": CREATED sub:al-ent-1:al-job-b:v1 (0 points matched, 3 created)");
		assertThat(out.get(3)).isEqualTo("[4/4] ✔ " + programme
				+ ": CREATED programme al-prg-2 v1 (1 courses, 2 points matched, 0 created)");
		assertThat(out.get(4)).matches("Imported 4 of 4 documents in \\d+ ms; 0 rejected \\(nothing was written for those\\)\\.");
		assertThat(count("Job")).isEqualTo(3);
		assertThat(count("Cluster")).isEqualTo(1);
		assertThat(count("Submission")).isEqualTo(1);
		assertThat(count("Programme")).isEqualTo(1);
		String group = graph.read(tx -> tx.run("MATCH (:Programme {id: 'al-prg-2'})-[:IN_GROUP]->(g) RETURN g.id AS id")
			.single().get("id").asString());
		assertThat(group).isEqualTo("al-pg");
	}

	@Test
	void importingTheSameFolderAgainChangesNothing() throws IOException {
		write("1-programme.json", documentText("alignment/programme-2.json"));
		write("2-submission.json", documentText("alignment/submission-ent1-job-b.json"));
		write("3-education-catalog.json", documentText("alignment/education-catalog.json"));
		write("4-job-catalog.json", documentText("alignment/catalog.json"));
		assertThat(run(folder.toString()).exitCode()).isZero();
		List<String> before = fingerprint();

		Run again = run(folder.toString());

		assertThat(again.exitCode()).isZero();
		assertThat(again.out()).contains("UNCHANGED sub:al-ent-1:al-job-b:v1", "UNCHANGED programme al-prg-2 v1");
		assertThat(fingerprint()).isEqualTo(before);
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
}
