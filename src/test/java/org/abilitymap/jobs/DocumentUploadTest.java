package org.abilitymap.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.abilitymap.support.ChunkedPost;
import org.abilitymap.support.TestSystemActor;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.MultipartFile;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** REST upload of catalogues and work-task submissions, as a JSON body or a multipart file, over real HTTP. */
class DocumentUploadTest extends GraphTestSupport {

	private static final String SUBMISSION_ID = "sub:t-ent-a:t-battery-assembler:v1";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void aCatalogueAndThenASubmissionAreCreatedAndTheSameSubmissionAgainIsUnchanged() {
		Response catalog = postJson("/api/catalog", documentText("catalog.json"));
		assertThat(catalog.status()).isEqualTo(200);
		assertThat(catalog.body()).containsEntry("jobs", 3).containsEntry("industries", 2);

		Response created = postJson("/api/submissions", documentText("submission-a.json"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body()).containsEntry("outcome", "CREATED").containsEntry("submissionId", SUBMISSION_ID)
			.containsEntry("version", 1);
		assertThat(count("Submission")).isEqualTo(1);
		List<String> afterFirst = fingerprint();

		Response again = postJson("/api/submissions", documentText("submission-a.json"));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).containsEntry("outcome", "UNCHANGED").containsEntry("submissionId", SUBMISSION_ID);
		assertThat(fingerprint()).isEqualTo(afterFirst);
	}

	@Test
	void documentsCanBeUploadedAsMultipartFiles() {
		Response catalog = postFile("/api/catalog", "catalog.json", bytes(documentText("catalog.json")));
		assertThat(catalog.status()).isEqualTo(200);
		assertThat(count("Job")).isEqualTo(3);

		Response submission = postFile("/api/submissions", "submission-a.json", bytes(documentText("submission-a.json")));

		assertThat(submission.status()).isEqualTo(201);
		assertThat(submission.body()).containsEntry("outcome", "CREATED").containsEntry("submissionId", SUBMISSION_ID);
		assertThat(count("Submission")).isEqualTo(1);
	}

	@Test
	void aBadSubmissionIsRejectedWithEveryProblemAndWritesNothing() {
		loadCatalog();
		List<String> before = fingerprint();
		String bad = documentText("submission-a.json")
			.replace("\"importance\": 5", "\"importance\": 9")
			.replace("\"t-battery-assembler\"", "\"t-no-such-job\"");

		Response response = postJson("/api/submissions", bad);

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body().get("message")).asString().contains("nothing was written");
		assertThat(errors(response)).extracting(e -> e.get("path"), e -> e.get("code"))
			.containsExactlyInAnyOrder(
					tuple("projects[0].tasks[0].importance", "INVALID_VALUE"),
					tuple("jobId", "UNKNOWN_REFERENCE"));
		assertThat(errors(response)).allSatisfy(e -> assertThat(e.get("message")).asString().isNotBlank());
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void aBadCatalogueIsRejectedAsMultipartToo() {
		String bad = documentText("catalog.json").replace("\"groupId\": \"t-ai-data-jobs\"", "\"groupId\": \"t-no-group\"");

		Response response = postFile("/api/catalog", "catalog.json", bytes(bad));

		assertThat(response.status()).isEqualTo(422);
		assertThat(errors(response)).singleElement().satisfies(e -> {
			assertThat(e).containsEntry("path", "jobs[2].groupId").containsEntry("code", "UNKNOWN_REFERENCE");
		});
		assertThat(fingerprint()).isEmpty();
	}

	@Test
	void malformedJsonIsRejectedAsMalformed() {
		Response response = postJson("/api/submissions", "{\"jobId\": \"t-battery-assembler\",\n \"projects\": [");

		assertThat(response.status()).isEqualTo(422);
		assertThat(errors(response)).singleElement().satisfies(e -> {
			assertThat(e).containsEntry("path", "").containsEntry("code", "MALFORMED");
			assertThat(e.get("message")).asString().contains("line 2");
		});
		assertThat(fingerprint()).isEmpty();
	}

	@Test
	void aBodyOverTheByteLimitIsRejectedAsTooLarge() {
		int size = (int) json.limits().maxBytes() + 1024;
		String body = "{\"notes\":\"" + "x".repeat(size) + "\"}";

		Response response = postJson("/api/submissions", body);

		assertThat(response.status()).isEqualTo(413);
		assertThat(errors(response)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "TOO_LARGE"));
	}

	@Test
	void aBodyFarOverTheLimitIsRefusedBeforeItIsRead() {
		int size = (int) json.limits().maxBytes() + 128 * 1024;

		Response response = postJson("/api/catalog", "{\"notes\":\"" + "x".repeat(size) + "\"}");

		assertThat(response.status()).isEqualTo(413);
		assertThat(errors(response)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "TOO_LARGE"));
		assertThat(fingerprint()).isEmpty();
	}

	@Test
	void aChunkedBodyOverTheLimitIsCutOffWithoutBeingReadToTheEndAndWritesNothing() {
		loadCatalog();
		List<String> before = fingerprint();

		ChunkedPost.Answer answer = ChunkedPost.post(port, "/api/submissions", bytes("{\"notes\": \""), 64L << 20, "Content-Type", "application/json",
				TestSystemActor.HEADER, "system");

		assertTooLarge(answer);
		assertThat(fingerprint()).isEqualTo(before);
		assertThat(count("Submission")).isZero();
	}

	@Test
	void aChunkedMultipartUploadOverTheLimitIsCutOff() {
		String boundary = "abilitymap-test-boundary";
		byte[] start = bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"catalog.json\""
				+ "\r\nContent-Type: application/json\r\n\r\n{\"notes\": \"");

		ChunkedPost.Answer answer = ChunkedPost.post(port, "/api/catalog", start, 64L << 20,
				"Content-Type", "multipart/form-data; boundary=" + boundary, TestSystemActor.HEADER, "system");

		assertTooLarge(answer);
		assertThat(fingerprint()).isEmpty();
	}

	@Test
	void aChunkedSpreadsheetOverTheLimitIsCutOff() {
		loadCatalog();
		List<String> before = fingerprint();

		ChunkedPost.Answer answer = ChunkedPost.post(port, "/api/submissions", bytes("PK"), 64L << 20,
				"Content-Type", "text/csv", TestSystemActor.HEADER, "system");

		assertTooLarge(answer);
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void aChunkedBodyWithinTheLimitIsImported() {
		byte[] catalog = bytes(documentText("catalog.json"));

		ChunkedPost.Answer answer = ChunkedPost.post(port, "/api/catalog", catalog, catalog.length,
				"Content-Type", "application/json", TestSystemActor.HEADER, "system");

		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(answer.completed()).isTrue();
		assertThat(count("Job")).isEqualTo(3);
	}

	// --- helpers -------------------------------------------------------------------------------------------

	/** 413 with the limit (the document limit plus 64 KB of envelope), before the client could send its whole body. */
	private void assertTooLarge(ChunkedPost.Answer answer) {
		long limit = json.limits().maxBytes() + 64 * 1024;
		assertThat(answer.status()).as(answer.body()).isEqualTo(413);
		assertThat(answer.completed()).isFalse();
		assertThat(answer.bodyBytesSent()).isLessThan(64L << 20);
		@SuppressWarnings("unchecked")
		Map<String, Object> body = (Map<String, Object>) json.parse(bytes(answer.body()));
		assertThat(body).containsEntry("status", 413).containsEntry("limit", (int) limit);
		assertThat(body.get("detail")).asString().contains(limit + " bytes").contains("nothing was written");
		assertThat((List<Map<String, Object>>) body.get("errors")).singleElement()
			.satisfies(e -> assertThat(e).containsEntry("code", "TOO_LARGE"));
	}

	private record Response(int status, Map<String, Object> body) {
	}

	private Response postJson(String path, String json) {
		return send(TestSystemActor.request(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.build());
	}

	private Response postFile(String path, String fileName, byte[] content) {
		MultipartFile file = MultipartFile.of(fileName, "application/json", content);
		return send(TestSystemActor.request(uri(path))
			.header("Content-Type", file.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(file.body()))
			.build());
	}

	@SuppressWarnings("unchecked")
	private Response send(HttpRequest request) {
		try {
			HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), (Map<String, Object>) json.parse(response.body()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> errors(Response response) {
		return (List<Map<String, Object>>) response.body().get("errors");
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
