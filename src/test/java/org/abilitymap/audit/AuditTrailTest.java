package org.abilitymap.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.abilitymap.accounts.Accounts;
import org.abilitymap.accounts.NewAccount;
import org.abilitymap.accounts.OrganisationKind;
import org.abilitymap.accounts.Rights;
import org.abilitymap.accounts.Role;
import org.abilitymap.audit.AuditEntry.Outcome;
import org.abilitymap.audit.AuditTrail.Source;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.PatientGraphQl;
import org.abilitymap.support.neo4j.ConcurrentWrites;
import org.abilitymap.support.neo4j.WriteJournal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Every write leaves one entry: who, which organisation, what, the ids it touched and how it ended. */
class AuditTrailTest extends GraphTestSupport {

	private static final String PASSWORD = "audit-test-password";

	private static final String SUBMIT = """
			mutation s($input: SubmitWorkTasksDocumentInput!) { submitWorkTasksDocument(input: $input) {
			  outcome submission { id contentHash } errors { code } } }
			""";

	private static final String LOG = """
			query log($filter: AuditLogFilter) { auditLog(filter: $filter, first: 100) { totalCount
			  edges { node { actor organisationKind organisationId source operation entityIds outcome contentHash version
			                 detail } } } }
			""";

	@LocalServerPort
	private int port;

	@Autowired
	private Accounts accounts;

	@Autowired
	private HttpGraphQlTester rawTester;

	@Autowired
	private AuditTrail trail;

	@BeforeEach
	void accounts() {
		loadCatalog();
		graph.write(tx -> tx.run("CREATE (:QualityOffice {id: 'qo-audit-test', name: '测试评估中心'})").consume());
		accounts.create(new NewAccount("editor-a", null, PASSWORD, OrganisationKind.ENTERPRISE, "t-ent-a", null,
				Set.of(Role.ENTERPRISE_EDITOR)));
		accounts.create(new NewAccount("auditor", null, PASSWORD, OrganisationKind.QUALITY_OFFICE, "qo-audit-test",
				null, Set.of(Role.AUDITOR)));
	}

	@Test
	@SuppressWarnings("unchecked")
	void aSubmissionARefusalAnAnonymousWriteAndAFailedLoginAreEachRecordedOnce() throws Exception {
		String own = documentText("submission-a.json");
		String other = documentText("submission-b.json");

		String submissionId = as("editor-a").document(SUBMIT).variable("input", Map.of("document", own)).execute()
			.path("submitWorkTasksDocument.submission.id").entity(String.class).get();
		String contentHash = graph.read(tx -> tx.run("MATCH (s:Submission {id: $id}) RETURN s.contentHash AS h",
				Map.of("id", submissionId)).single().get("h").asString());
		as("editor-a").document(SUBMIT).variable("input", Map.of("document", other)).execute()
			.errors().expect(error -> true).verify();
		PatientGraphQl.patient(rawTester).document(SUBMIT).variable("input", Map.of("document", own)).execute()
			.errors().expect(error -> true).verify();
		HttpResponse<String> wrongPassword = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
			.header("Authorization", basic("editor-a", "not-the-password"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ me { username } }\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(wrongPassword.statusCode()).isEqualTo(401);

		List<Map<String, Object>> entries = as("auditor").document(LOG).execute()
			.path("auditLog.edges[*].node").entityList(Map.class).get().stream()
			.map(entry -> (Map<String, Object>) entry)
			.toList();
		// Newest first: the failed login, the anonymous refusal, the out-of-scope refusal, the submission.
		assertThat(entries).extracting(e -> e.get("source") + " " + e.get("operation") + " " + e.get("actor") + " "
				+ e.get("outcome"))
			.containsExactly("LOGIN login anonymous REFUSED",
					"GRAPHQL submitWorkTasksDocument anonymous REFUSED",
					"GRAPHQL submitWorkTasksDocument editor-a REFUSED",
					"GRAPHQL submitWorkTasksDocument editor-a DONE");
		Map<String, Object> done = entries.get(3);
		assertThat(done).containsEntry("organisationKind", "ENTERPRISE").containsEntry("organisationId", "t-ent-a")
			.containsEntry("contentHash", contentHash).containsEntry("version", 1);
		assertThat((List<Object>) done.get("entityIds")).contains("t-ent-a", "t-battery-assembler", submissionId);
		assertThat((String) entries.get(2).get("detail")).contains("SUBMIT_WORK_TASKS");
		assertThat((List<Object>) entries.get(0).get("entityIds")).containsExactly("editor-a");

		// The editor sees the entries of its own enterprise only; filters combine.
		as("editor-a").document(LOG).execute().path("auditLog.totalCount").entity(Integer.class).isEqualTo(2);
		as("auditor").document(LOG).variable("filter", Map.of("entityId", submissionId)).execute()
			.path("auditLog.totalCount").entity(Integer.class).isEqualTo(1);
		as("auditor").document(LOG).variable("filter", Map.of("actor", "anonymous", "outcome", "REFUSED")).execute()
			.path("auditLog.totalCount").entity(Integer.class).isEqualTo(2);

		HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/audit.csv?actor=editor-a"))
			.header("Authorization", basic("auditor", PASSWORD))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body().lines().toList()).hasSize(3);
		assertThat(csv.body().lines().skip(1)).allSatisfy(line -> assertThat(line).contains("editor-a"));
		HttpResponse<String> badDate = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/audit.csv?from=yesterday"))
			.header("Authorization", basic("auditor", PASSWORD))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(badDate.statusCode()).isEqualTo(400);
		assertThat(badDate.body()).contains("'from' is a date");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aWritesEntryCommitsInTheWritesOwnTransaction() {
		// Work that fails after its statements leaves neither its data nor an entry, nor the ids it noted.
		Object failing = trail.begin(Source.CLI, "atomic failing");
		try {
			assertThatThrownBy(() -> graph.write(tx -> {
				tx.run("CREATE (:AtomicProbe {id: 'probe-rolled-back'})").consume();
				AuditScope.touched("probe-rolled-back");
				throw new IllegalStateException("after the statements");
			})).hasMessage("after the statements");
			String afterRollback = graph.read(tx -> counts(tx, "probe-rolled-back", "atomic failing"));
			assertThat(afterRollback).isEqualTo("0 0");
		}
		finally {
			trail.end(failing, Outcome.FAILED, "after the statements");
		}
		assertThat(entries("atomic failing")).singleElement().satisfies(entry -> {
			assertThat(entry).containsEntry("outcome", "FAILED").containsEntry("detail", "after the statements");
			assertThat((List<Object>) entry.get("entityIds")).isEmpty();
		});

		// A write the driver runs twice (a transient failure after the first run's statements) commits one entry,
		// inside its transaction: there the entry and the data are both seen, outside neither, until the commit.
		Object begun = trail.begin(Source.CLI, "atomic");
		List<String> seen = new ArrayList<>();
		AtomicInteger runs = new AtomicInteger();
		try {
			WriteJournal.bind(observed(WriteJournal.current(), tx -> {
				seen.add("inside " + counts(tx, "probe-committed", "atomic"));
				seen.add("outside " + graph.read(other -> counts(other, "probe-committed", "atomic")));
			}));
			graph.write(tx -> {
				String probe = runs.incrementAndGet() == 1 ? "probe-first-run" : "probe-committed";
				tx.run("CREATE (:AtomicProbe {id: $id})", Map.of("id", probe)).consume();
				AuditScope.touched(probe);
				if (probe.equals("probe-first-run")) {
					throw new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "try again");
				}
				return null;
			});
			assertThat(runs).hasValue(2);
			assertThat(seen).containsExactly("inside 1 1", "outside 0 0");
			// Recorded before the write's scope ends: by the write's transaction, not after it.
			String afterCommit = graph.read(tx -> counts(tx, "probe-committed", "atomic"));
			assertThat(afterCommit).isEqualTo("1 1");
		}
		finally {
			trail.end(begun, Outcome.DONE, null);
		}
		assertThat(entries("atomic")).singleElement().satisfies(entry -> {
			assertThat(entry).containsEntry("outcome", "DONE").containsEntry("actor", Rights.requireActor().username())
				.containsEntry("source", "CLI").doesNotContainKey("detail");
			assertThat((List<Object>) entry.get("entityIds")).containsExactly("probe-committed");
		});
		List<String> probes = graph.read(tx -> tx.run("MATCH (p:AtomicProbe) RETURN collect(p.id) AS ids").single()
			.get("ids").asList(v -> v.asString()));
		assertThat(probes).containsExactly("probe-committed");

		// A write of two transactions has one entry with the ids of both; failing after them keeps it done, saying so.
		Object twice = trail.begin(Source.CLI, "atomic twice");
		graph.write(tx -> {
			AuditScope.touched("first-transaction");
			AuditScope.document("hash-1", 1);
			return tx.run("CREATE (:AtomicProbe {id: 'first-transaction'})").consume();
		});
		graph.write(tx -> {
			AuditScope.touched("second-transaction");
			AuditScope.document("hash-2", 2);
			return tx.run("CREATE (:AtomicProbe {id: 'second-transaction'})").consume();
		});
		trail.end(twice, Outcome.FAILED, "the answer could not be written");
		assertThat(entries("atomic twice")).singleElement().satisfies(entry -> {
			assertThat(entry).containsEntry("outcome", "DONE").containsEntry("contentHash", "hash-2")
				.containsEntry("version", 2L)
				.containsEntry("detail", "Committed, then failed: the answer could not be written");
			assertThat((List<Object>) entry.get("entityIds")).containsExactly("first-transaction", "second-transaction");
		});
	}

	@Test
	void transactionsOfOneWriteOnSeveralThreadsShareOneEntry() {
		Object begun = trail.begin(Source.CLI, "atomic concurrently");
		ConcurrentWrites.Outcome<Boolean> outcome;
		try {
			List<TransactionCallback<Boolean>> units = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				String id = "probe-" + i;
				units.add(tx -> {
					tx.run("CREATE (:AtomicProbe {id: $id})", Map.of("id", id)).consume();
					return true;
				});
			}
			outcome = ConcurrentWrites.run(graph, units, 4, "audit-test-writer");
			String recorded = graph.read(tx -> counts(tx, "probe-3", "atomic concurrently"));
			assertThat(recorded).isEqualTo("1 1");
		}
		finally {
			trail.end(begun, Outcome.DONE, null);
		}
		assertThat(outcome.failed()).isFalse();
		assertThat(entries("atomic concurrently")).singleElement().satisfies(entry -> assertThat(entry)
			.containsEntry("outcome", "DONE").containsEntry("actor", Rights.requireActor().username()));
	}

	/** How many probes of an id and entries of an operation a transaction sees: {@code "1 1"}. */
	private static String counts(TransactionContext tx, String probe, String operation) {
		var row = tx.run("""
				OPTIONAL MATCH (p:AtomicProbe {id: $probe}) WITH count(p) AS probes
				OPTIONAL MATCH (e:AuditEntry {operation: $operation}) RETURN probes, count(e) AS entries
				""", Map.of("probe", probe, "operation", operation)).single();
		return row.get("probes").asLong() + " " + row.get("entries").asLong();
	}

	private List<Map<String, Object>> entries(String operation) {
		return graph.read(tx -> tx.run("MATCH (e:AuditEntry {operation: $operation}) RETURN e {.*} AS e",
				Map.of("operation", operation)).list(r -> r.get("e").asMap()));
	}

	/** The journal, with {@code check} run in each transaction right after the journal has recorded its entry. */
	private static WriteJournal observed(WriteJournal journal, Consumer<TransactionContext> check) {
		return () -> {
			WriteJournal.Run run = journal.start();
			return new WriteJournal.Run() {

				@Override
				public void record(TransactionContext tx) {
					run.record(tx);
					check.accept(tx);
				}

				@Override
				public void committed() {
					run.committed();
				}

				@Override
				public void rolledBack() {
					run.rolledBack();
				}
			};
		};
	}

	private HttpGraphQlTester as(String username) {
		return PatientGraphQl.patient(rawTester.mutate().header("Authorization", basic(username, PASSWORD)).build());
	}

	private static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}
}
