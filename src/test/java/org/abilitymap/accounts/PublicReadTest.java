package org.abilitymap.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.abilitymap.alignment.AlignmentFixture;
import org.abilitymap.imports.DocumentImport;
import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code abilitymap.security.public-read=true}, on a second instance of the same database: anonymous callers read
 * what is published (approved versions only), never a draft, the audit trail or accounts, and write nothing; the
 * default instance keeps answering them with UNAUTHORIZED.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicReadTest extends GraphTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Enterprise 3's first submission for job A, never reviewed, with a point of its own. */
	private static final String DRAFT = """
			{"enterprise": {"id": "al-ent-3", "name": "丙检测公司"},
			 "jobId": "al-job-a",
			 "projects": [
			   {"id": "drill", "name": "热失控预警演练",
			    "tasks": [
			      {"id": "t-patrol", "name": "电芯温升巡检", "importance": 4,
			       "steps": [
			         {"id": "s-infrared", "name": "红外测温记录",
			          "skills": [{"id": "pr-sk-draft", "name": "红外热像仪判读", "level": "MASTERED"}]}
			       ]}
			    ]}
			 ]}
			""";

	@LocalServerPort
	private int port;

	@Autowired
	private DocumentImport imports;

	private ConfigurableApplicationContext publicInstance;

	private int publicPort;

	@BeforeAll
	void startAPublicInstance() {
		publicInstance = anotherInstance("--abilitymap.security.public-read=true");
		publicPort = portOf(publicInstance);
	}

	@AfterAll
	void stopThePublicInstance() {
		publicInstance.close();
	}

	@BeforeEach
	void world() {
		new AlignmentFixture(imports, json, graphQlTester).loadAll();
		@SuppressWarnings("unchecked")
		Map<String, Object> draft = (Map<String, Object>) json.parse(DRAFT.getBytes(StandardCharsets.UTF_8));
		imports.importDocument(draft);
	}

	@Test
	void anonymousCallersReadPublishedDataAndNoDraft() throws Exception {
		JsonNode job = graphQl(publicPort, "{ job(id: \"al-job-a\") { name } }");
		assertThat(job.path("errors").isMissingNode()).as(job.toString()).isTrue();
		assertThat(job.at("/data/job/name").asString()).isNotBlank();

		JsonNode standard = graphQl(publicPort, "{ jobStandard(jobId: \"al-job-a\") { point { id } } }");
		List<String> points = standard.at("/data/jobStandard").valueStream().map(r -> r.at("/point/id").asString())
			.toList();
		assertThat(points).as(standard.toString()).isNotEmpty().doesNotContain("pr-sk-draft");

		JsonNode draftPoint = graphQl(publicPort, "{ skill(id: \"pr-sk-draft\") { name } }");
		assertThat(draftPoint.at("/data/skill").isNull()).as(draftPoint.toString()).isTrue();
		JsonNode search = graphQl(publicPort, "{ search(text: \"红外热像仪判读\") { id } }");
		assertThat(search.at("/data/search").valueStream().map(hit -> hit.path("id").asString()))
			.as(search.toString()).doesNotContain("pr-sk-draft");

		HttpResponse<String> matrix = get(publicPort, "/api/programmes/" + AlignmentFixture.PROGRAMME + "/matrix.xlsx");
		assertThat(matrix.statusCode()).isEqualTo(200);
	}

	@Test
	void anonymousCallersOfAPublicInstanceStillReadNoAuditTrailNoAccountAndWriteNothing() throws Exception {
		assertThat(classification(graphQl(publicPort, "{ auditLog(first: 5) { totalCount } }")))
			.isEqualTo("UNAUTHORIZED");
		assertThat(classification(graphQl(publicPort, "{ accounts(first: 5) { totalCount } }")))
			.isEqualTo("UNAUTHORIZED");
		assertThat(get(publicPort, "/api/audit.csv").statusCode()).isEqualTo(401);

		List<String> before = fingerprint();
		JsonNode rename = graphQl(publicPort, """
				mutation { saveSchool(input: {id: "al-school", name: "改名的学校"}) { errors { code } } }
				""");
		assertThat(classification(rename)).isEqualTo("UNAUTHORIZED");
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void theDefaultInstanceAnswersAnonymousReadsWithUnauthorized() throws Exception {
		assertThat(classification(graphQl(port, "{ job(id: \"al-job-a\") { name } }"))).isEqualTo("UNAUTHORIZED");
		assertThat(get(port, "/api/programmes/" + AlignmentFixture.PROGRAMME + "/matrix.xlsx").statusCode())
			.isEqualTo(401);
	}

	private static String classification(JsonNode answer) {
		return answer.at("/errors/0/extensions/classification").asString("none: " + answer);
	}

	private static JsonNode graphQl(int port, String document) throws Exception {
		String body = JSON.writeValueAsString(Map.of("query", document));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request,
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static HttpResponse<String> get(int port, String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}
}
