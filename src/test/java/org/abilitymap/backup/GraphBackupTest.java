package org.abilitymap.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.abilitymap.accounts.Accounts;
import org.abilitymap.accounts.NewAccount;
import org.abilitymap.accounts.OrganisationKind;
import org.abilitymap.accounts.Role;
import org.abilitymap.alignment.AlignmentFixture;
import org.abilitymap.cli.ExportCommand;
import org.abilitymap.cli.ImportCommand;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.imports.DocumentImport;
import org.abilitymap.imports.Progress;
import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

/**
 * A graph backup, written and restored into an empty database, gives the same graph: every node and relationship
 * with every property, time stamps and audit entries included; a database with content, a cut file and a foreign
 * file are refused with nothing written; what an interrupted restore left is removed by the next one.
 */
class GraphBackupTest extends GraphTestSupport {

	private static final String PASSWORD = "backup-test-password";

	@Autowired
	private GraphBackup backup;

	@Autowired
	private DocumentImport imports;

	@Autowired
	private Accounts accounts;

	@Autowired
	private ExportCommand exportCommand;

	@Autowired
	private ImportCommand importCommand;

	@LocalServerPort
	private int port;

	@TempDir
	private Path folder;

	/** The alignment fixture, two accounts, and one node holding a value of every type a backup keeps. */
	@BeforeEach
	void world() {
		new AlignmentFixture(imports, json, graphQlTester).loadAll();
		accounts.create(new NewAccount("backup-admin", null, PASSWORD, OrganisationKind.QUALITY_OFFICE, "bk-office",
				"备份测试质量监测中心", Set.of(Role.ADMIN)));
		accounts.create(new NewAccount("backup-auditor", null, PASSWORD, OrganisationKind.QUALITY_OFFICE, "bk-office",
				null, Set.of(Role.AUDITOR)));
		graph.write(tx -> tx.run("""
				MATCH (j:Job {id: 'al-job-a'})
				CREATE (v:BackupProbe {id: 'bk-probe', text: '绝缘电阻 "检测"\\n第二行', flag: false, whole: 9007199254740993,
				  real: 0.1, reals: [1.0, -2.5e-7, 3.0], words: ['甲', 'b'], empty: [],
				  at: datetime('2026-12-07T12:34:56.123456789+08:00'), zoned: datetime('2026-03-01T08:00:00[Asia/Shanghai]'),
				  day: date('2028-02-29'), local: localdatetime('2026-12-07T01:02:03.5'), clock: time('10:11:12+01:00'),
				  wall: localtime('23:59:59.999'), span: duration('P1Y2M3DT4H5M6.007S')})
				CREATE (v)-[:PROBES {since: date('2026-01-01'), weight: 2}]->(j)
				""").consume());
	}

	@Test
	void aBackupRestoredIntoAnEmptyDatabaseGivesTheSameGraph() throws Exception {
		List<String> before = everything();
		assertThat(before).anyMatch(line -> line.contains("AuditEntry")).anyMatch(line -> line.contains("Account"))
			.anyMatch(line -> line.contains("BackupProbe"));
		Path file = folder.resolve("graph.jsonl");
		try (var out = Files.newOutputStream(file)) {
			backup.export(out, Progress.NONE);
		}
		List<String> lines = Files.readAllLines(file);
		assertThat(lines.get(0)).contains("\"format\":\"abilitymap-graph\"", "\"version\":1");
		assertThat(lines.get(lines.size() - 1)).startsWith("{\"end\":\"abilitymap-graph\"");

		wipeGraph();
		assertThat(everything()).isEmpty();
		GraphBackup.Restored restored = backup.restore(file, Progress.NONE);

		assertThat(everything()).containsExactlyInAnyOrderElementsOf(before);
		assertThat(restored.nodes()).isEqualTo(lines.stream().filter(l -> l.startsWith("{\"node\"")).count());
		assertThat(restored.relationships())
			.isEqualTo(lines.stream().filter(l -> l.startsWith("{\"relationship\"")).count());
		assertThat(restored.removedInterrupted()).isFalse();
	}

	@Test
	void aDatabaseWithContentIsRefusedAndKeptAsItWas() throws Exception {
		Path file = exported();
		List<String> before = everything();
		assertThatThrownBy(() -> backup.restore(file, Progress.NONE)).isInstanceOf(InvalidDocumentException.class)
			.hasMessageContaining("restored into an empty database only");
		assertThat(everything()).containsExactlyInAnyOrderElementsOf(before);
	}

	@Test
	void aCutFileAndAForeignFileAreRefusedBeforeAnythingIsWritten() throws Exception {
		List<String> lines = Files.readAllLines(exported());
		wipeGraph();
		Path cut = Files.write(folder.resolve("cut.jsonl"), lines.subList(0, lines.size() - 1));
		assertThatThrownBy(() -> backup.restore(cut, Progress.NONE)).isInstanceOf(InvalidDocumentException.class)
			.hasMessageContaining("cut short");
		List<String> miscounted = new ArrayList<>(lines);
		miscounted.remove(lines.size() / 2);
		Path gap = Files.write(folder.resolve("gap.jsonl"), miscounted);
		assertThatThrownBy(() -> backup.restore(gap, Progress.NONE)).isInstanceOf(InvalidDocumentException.class);
		Path foreign = Files.writeString(folder.resolve("foreign.jsonl"), "{\"format\": \"neo4j-admin\"}\n");
		assertThatThrownBy(() -> backup.restore(foreign, Progress.NONE)).isInstanceOf(InvalidDocumentException.class)
			.hasMessageContaining("Not a graph backup");
		assertThat(backup.isBackup(foreign)).isFalse();
		assertThat(everything()).isEmpty();
	}

	@Test
	void theNextRestoreRemovesWhatAnInterruptedOneLeft() throws Exception {
		List<String> before = everything();
		Path file = exported();
		String auditId = firstAuditEntryId(file);
		wipeGraph();
		// A restore killed after its marker and a first batch of nodes: the marker and some of the nodes stay.
		graph.write(tx -> tx.run("""
				CREATE (:RestoreInProgress {id: 'graph-restore', file: 'graph.jsonl', startedAt: datetime()})
				CREATE (:Job {id: 'al-job-a', name: '半截'})
				CREATE (:AuditEntry {id: $auditId, operation: 'half'})
				""", Map.of("auditId", auditId)).consume());

		assertThatThrownBy(() -> anotherInstance().close()).as("a server on the partial graph")
			.hasStackTraceContaining("the restore of graph.jsonl").hasStackTraceContaining("did not finish");

		GraphBackup.Restored restored = backup.restore(file, Progress.NONE);

		assertThat(restored.removedInterrupted()).isTrue();
		assertThat(everything()).containsExactlyInAnyOrderElementsOf(before);
	}

	@Test
	void theCommandLineExportsAndRestoresAndAnAdminDownloadsTheBackup() throws Exception {
		List<String> before = everything();
		Path file = folder.resolve("cli.jsonl");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertThat(exportCommand.run(List.of("--format=graph", "--out=" + file), new PrintStream(out),
				new PrintStream(err))).as(err.toString()).isZero();
		assertThat(out.toString()).contains("Wrote", "graph");

		wipeGraph();
		out.reset();
		assertThat(importCommand.run(List.of(file.toString()), new PrintStream(out), new PrintStream(err)))
			.as(err.toString()).isZero();
		assertThat(out.toString()).contains("(graph): restored");
		// The restore is itself a write, recorded as the command line's.
		List<String> after = everything();
		assertThat(after.stream().filter(line -> !line.contains("import cli.jsonl")).toList()).isEqualTo(before);
		assertThat(after).hasSize(before.size() + 1);

		HttpResponse<String> download = download("backup-admin");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue(HttpHeaders.CONTENT_DISPOSITION)).hasValueSatisfying(
				value -> assertThat(value).contains("abilitymap-graph-"));
		assertThat(download.body().lines().findFirst()).hasValueSatisfying(
				first -> assertThat(first).contains("\"format\":\"abilitymap-graph\""));
		assertThat(download("backup-auditor").statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> download(String username) throws Exception {
		String basic = HttpHeaders.encodeBasicAuth(username, PASSWORD, StandardCharsets.UTF_8);
		return HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/backup/graph.jsonl"))
			.header("Authorization", "Basic " + basic)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private Path exported() throws Exception {
		Path file = folder.resolve("graph-" + System.nanoTime() + ".jsonl");
		try (var out = Files.newOutputStream(file)) {
			backup.export(out, Progress.NONE);
		}
		return file;
	}

	private static String firstAuditEntryId(Path file) throws Exception {
		return Files.readAllLines(file).stream()
			.filter(line -> line.contains("\"AuditEntry\""))
			.map(line -> line.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Every node and relationship with all their properties, audit entries and alignment snapshots included (only the
	 * database's own migrations and secrets left out), each value with its type.
	 */
	private List<String> everything() {
		return graph.read(tx -> {
			List<String> all = new ArrayList<>(tx.run("""
					MATCH (n) WHERE NOT any(label IN labels(n) WHERE label STARTS WITH '__Liquibase' OR label = 'ServerSecret')
					RETURN labels(n) AS labels, properties(n) AS properties
					""").list(r -> r.get("labels").asList() + " " + typed(r.get("properties").asMap(v -> v))));
			all.addAll(tx.run("""
					MATCH (a)-[r]->(b) WHERE NOT any(label IN labels(a) + labels(b) WHERE label STARTS WITH '__Liquibase')
					RETURN labels(a) AS fromLabels, properties(a) AS from, type(r) AS type, properties(r) AS properties,
					       labels(b) AS toLabels, properties(b) AS to
					""").list(r -> r.get("fromLabels").asList() + typed(r.get("from").asMap(v -> v)) + " -"
							+ r.get("type").asString() + typed(r.get("properties").asMap(v -> v)) + "-> "
							+ r.get("toLabels").asList() + typed(r.get("to").asMap(v -> v))));
			all.sort(null);
			return all;
		});
	}

	private static String typed(Map<String, org.neo4j.driver.Value> properties) {
		Map<String, String> typed = new TreeMap<>();
		properties.forEach((key, value) -> typed.put(key, value.type().name() + ":" + value));
		return typed.toString();
	}
}
