package org.abilitymap.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import command takes a folder holding all four kinds of document in the wrong file order and imports them in
 * the order their references need (job catalogue, education catalogue, submission, programme), all in one
 * transaction: a rejected document leaves nothing of the run written, and nobody sees a run half done.
 */
class ImportAllKindsTest extends GraphTestSupport {

	@Autowired
	private ImportCommand command;

	@Autowired
	private Driver driver;

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

	@Test
	void oneBadProgrammeInAFolderLeavesNothingOfTheFolderWrittenAndEveryProblemIsReported() throws IOException {
		write("a-job-catalog.json", documentText("alignment/catalog.json"));
		assertThat(run(folder.resolve("a-job-catalog.json").toString()).exitCode()).isZero();
		List<String> before = fingerprint();
		Path submission = write("b-submission-1.json", documentText("alignment/submission-ent1-job-b.json"));
		Path otherSubmission = write("c-submission-2.json", documentText("alignment/submission-ent2-job-a.json"));
		Path programme = write("d-programme.json", documentText("alignment/programme-2.json")
			.replace("\"targetJobIds\": [\"al-job-b\"]", "\"targetJobIds\": [\"al-job-b\", \"al-no-such-job\"]")
			.replace("\"hours\": 40", "\"hours\": -40"));
		Path catalog = folder.resolve("a-job-catalog.json");

		Run run = run(folder.toString());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(fingerprint()).isEqualTo(before);
		assertThat(count("Submission")).isZero();
		assertThat(run.err()).contains("[4/4] ✘ " + programme + ": rejected with 2 problem(s), nothing written:",
				"    courses[0].hours: ", "    programme.targetJobIds[1]: There is no job with id 'al-no-such-job'.");
		List<String> out = run.out().lines().toList();
		assertThat(out).containsExactly(
				"[1/4] – " + catalog + ": no problems, not written: another document of this run was rejected",
				"[2/4] – " + submission + ": no problems, not written: another document of this run was rejected",
				"[3/4] – " + otherSubmission + ": no problems, not written: another document of this run was rejected",
				out.get(3));
		assertThat(out.get(3)).matches("Imported 0 of 4 documents in \\d+ ms: 1 rejected, so nothing was written "
				+ "\\(the documents of one run are written all together or not at all\\)\\.");
		// the refusal stays in the audit trail; the entries of the documents that were checked went with the rollback
		assertThat(auditEntries("import d-programme.json")).containsExactly("REFUSED");
		assertThat(auditEntries("import b-submission-1.json")).isEmpty();
		assertThat(auditEntries("import a-job-catalog.json")).containsExactly("DONE"); // of the first run
	}

	@Test
	void theSameFolderWithTheProgrammeFixedIsWrittenWhole() throws IOException {
		Path catalog = write("a-job-catalog.json", documentText("alignment/catalog.json"));
		Path submission = write("b-submission-1.json", documentText("alignment/submission-ent1-job-b.json"));
		Path otherSubmission = write("c-submission-2.json", documentText("alignment/submission-ent2-job-a.json"));
		Path programme = write("d-programme.json", documentText("alignment/programme-2.json"));

		Run run = run(folder.toString());

		assertThat(run.err()).isEmpty();
		assertThat(run.exitCode()).isZero();
		List<String> out = run.out().lines().toList();
		assertThat(out).hasSize(5);
		assertThat(out.get(0)).startsWith("[1/4] ✔ " + catalog + ": job catalogue: 1 industries");
		assertThat(out.get(1)).isEqualTo("[2/4] ✔ " + submission
				+ ": CREATED sub:al-ent-1:al-job-b:v1 (0 points matched, 3 created)");
		assertThat(out.get(2)).startsWith("[3/4] ✔ " + otherSubmission + ": CREATED sub:al-ent-2:al-job-a:v1");
		// the programme teaches two points that the first submission created earlier in the same transaction
		assertThat(out.get(3)).isEqualTo("[4/4] ✔ " + programme
				+ ": CREATED programme al-prg-2 v1 (1 courses, 2 points matched, 0 created)");
		assertThat(count("Job")).isEqualTo(3);
		assertThat(count("Submission")).isEqualTo(2);
		assertThat(count("Programme")).isEqualTo(1);
		for (String file : List.of("a-job-catalog.json", "b-submission-1.json", "c-submission-2.json", "d-programme.json")) {
			assertThat(auditEntries("import " + file)).as(file).containsExactly("DONE");
		}
	}

	@Test
	void aReaderSeesNoneOfTheRunsDocumentsUntilTheWholeRunHasCommitted() throws Exception {
		write("a-job-catalog.json", documentText("alignment/catalog.json"));
		write("b-education-catalog.json", documentText("alignment/education-catalog.json"));
		assertThat(run(folder.toString()).exitCode()).isZero();
		Files.delete(folder.resolve("a-job-catalog.json"));
		Files.delete(folder.resolve("b-education-catalog.json"));
		write("c-submission.json", documentText("alignment/submission-ent1-job-b.json"));
		write("d-programme.json", documentText("alignment/programme-2.json"));
		// Another transaction holds the write lock of the school that the programme (the last document) renames, so
		// the run stops there, after the submission was written in its transaction.
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		SecurityContext actor = SecurityContextHolder.getContext();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			// held by a transaction that is closed without a commit, so it changes nothing
			Future<?> lock = threads.submit(() -> {
				try (Session session = driver.session(); Transaction tx = session.beginTransaction()) {
					tx.run("MATCH (s:School {id: 'al-school'}) SET s._lock = true").consume();
					locked.countDown();
					await(release);
				}
			});
			assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
			Future<Run> importing = threads.submit(() -> {
				SecurityContextHolder.setContext(actor);
				try {
					return run(folder.toString());
				}
				finally {
					SecurityContextHolder.clearContext();
				}
			});
			try {
				awaitABlockedTransaction();
				assertThat(count("Submission")).isZero();
				assertThat(count("SkillPoint") + count("KnowledgePoint")).isZero();
				assertThat(count("Programme")).isZero();
				assertThat(auditEntries("import c-submission.json")).isEmpty();
			}
			finally {
				release.countDown();
			}
			lock.get(30, TimeUnit.SECONDS);
			Run run = importing.get(60, TimeUnit.SECONDS);

			assertThat(run.exitCode()).as(run.err()).isZero();
			assertThat(count("Submission")).isEqualTo(1);
			assertThat(count("Programme")).isEqualTo(1);
			assertThat(auditEntries("import c-submission.json")).containsExactly("DONE");
		}
		finally {
			release.countDown();
			threads.shutdownNow();
		}
	}

	// --- helpers -------------------------------------------------------------------------------------------

	/** Waits until a transaction waits for a lock: the import, which has written its submission by then. */
	private void awaitABlockedTransaction() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (graph.query("SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN status", Map.of(),
				r -> r.get("status").asString()).isEmpty()) {
			assertThat(System.nanoTime()).as("a transaction blocked by the lock").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private List<String> auditEntries(String operation) {
		return graph.query("MATCH (e:AuditEntry {operation: $operation}) RETURN e.outcome AS outcome ORDER BY e.at",
				Map.of("operation", operation), r -> r.get("outcome").asString());
	}

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
