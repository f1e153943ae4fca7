package org.abilitymap.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abilitymap.accounts.Accounts;
import org.abilitymap.accounts.NewAccount;
import org.abilitymap.accounts.OrganisationKind;
import org.abilitymap.accounts.Role;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.PatientGraphQl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

	private HttpGraphQlTester as(String username) {
		return PatientGraphQl.patient(rawTester.mutate().header("Authorization", basic(username, PASSWORD)).build());
	}

	private static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}
}
