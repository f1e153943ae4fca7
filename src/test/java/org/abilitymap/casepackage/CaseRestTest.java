package org.abilitymap.casepackage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.abilitymap.support.TestSystemActor;
import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST side of CASE: a job's package as a download, a package posted for import, a bad one refused with 422. */
class CaseRestTest extends GraphTestSupport {

	private static final String FOREIGN = "6a1f0c3e-2b4d-4e8f-9a17-3c5d7e9f1a2b";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void aJobsAbilityMapDownloadsAndAPostedPackageIsImportedOnceThenUnchanged() throws Exception {
		loadCatalog();
		jobDocuments.importDocument(document("submission-a.json"));
		approveAllSubmissions();

		HttpResponse<String> download = get("/api/jobs/t-battery-assembler/case.json?what=ability-map");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				v -> assertThat(v).contains("t-battery-assembler-ability-map.case.json"));
		assertThat(download.body()).contains("\"CFItemType\" : \"ProcessStep\"", "\"humanCodingScheme\" : \"t-sk-insulation\"",
				"\"level\" : \"MASTERED\"");
		assertThat(get("/api/jobs/t-battery-assembler/case.json?what=everything").statusCode()).isEqualTo(400);
		assertThat(get("/api/jobs/no-such-job/case.json").statusCode()).isEqualTo(404);

		HttpResponse<String> created = post("/api/case", documentText("case/foreign-framework.json"));
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.body()).contains("\"outcome\":\"CREATED\"", "\"frameworkId\":\"" + FOREIGN + "\"");
		List<String> before = fingerprint();
		HttpResponse<String> again = post("/api/case", documentText("case/foreign-framework.json"));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("\"outcome\":\"UNCHANGED\"");
		assertThat(fingerprint()).isEqualTo(before);

		HttpResponse<String> framework = get("/api/case/" + FOREIGN + ".json");
		assertThat(framework.statusCode()).isEqualTo(200);
		assertThat(framework.body()).contains("\"title\" : \"Battery module assembly skills\"", "isRelatedTo");
	}

	@Test
	void aBrokenPackageIsRefusedWith422AndEveryProblem() throws Exception {
		List<String> before = fingerprint();
		String broken = documentText("case/foreign-framework.json")
			.replace("\"fullStatement\": \"Module assembly\", ", "")
			.replace("\"lastChangeDateTime\": \"2026-05-04T09:00:00+00:00\"", "\"lastChangeDateTime\": \"May 2026\"");

		HttpResponse<String> refused = post("/api/case", broken);

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("nothing was written", "\"path\":\"CFItems[0].fullStatement\"",
				"\"path\":\"CFDocument.lastChangeDateTime\"");
		assertThat(fingerprint()).isEqualTo(before);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(TestSystemActor.request(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return http.send(TestSystemActor.request(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}
}
