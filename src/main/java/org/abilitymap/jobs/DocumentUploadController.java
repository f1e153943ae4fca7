package org.abilitymap.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;


import jakarta.servlet.http.HttpServletRequest;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.JsonDocuments;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST upload of job-side JSON documents, for enterprises that send files rather than GraphQL: the body (or a
 * multipart {@code file}) goes through the same validation and import as {@code submitWorkTasks}.
 */
@RestController
@RequestMapping("/api")
class DocumentUploadController {

	private final JsonDocuments json;

	private final WorkTaskSubmissions submissions;

	private final JobCatalogImport catalogs;

	DocumentUploadController(JsonDocuments json, WorkTaskSubmissions submissions, JobCatalogImport catalogs) {
		this.json = json;
		this.submissions = submissions;
		this.catalogs = catalogs;
	}

	/** Rejection body: every problem with its path. */
	record Rejected(String message, List<Problem> errors) {
	}

	@PostMapping(path = "/submissions", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> submitJson(HttpServletRequest request) throws IOException {
		return submit(request.getInputStream());
	}

	@PostMapping(path = "/submissions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> submitFile(@RequestPart("file") MultipartFile file) throws IOException {
		try (InputStream input = file.getInputStream()) {
			return submit(input);
		}
	}

	@PostMapping(path = "/catalog", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> catalogJson(HttpServletRequest request) throws IOException {
		return saveCatalog(request.getInputStream());
	}

	@PostMapping(path = "/catalog", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> catalogFile(@RequestPart("file") MultipartFile file) throws IOException {
		try (InputStream input = file.getInputStream()) {
			return saveCatalog(input);
		}
	}

	private ResponseEntity<?> submit(InputStream input) throws IOException {
		try {
			SubmissionResult result = submissions.submit(json.parse(input));
			HttpStatus status = result.outcome() == SubmissionResult.Outcome.UNCHANGED ? HttpStatus.OK : HttpStatus.CREATED;
			return ResponseEntity.status(status).body(result);
		}
		catch (InvalidDocumentException ex) {
			return rejected(ex);
		}
	}

	private ResponseEntity<?> saveCatalog(InputStream input) throws IOException {
		try {
			return ResponseEntity.ok(catalogs.save(json.parse(input)));
		}
		catch (InvalidDocumentException ex) {
			return rejected(ex);
		}
	}

	private static ResponseEntity<Rejected> rejected(InvalidDocumentException ex) {
		boolean tooLarge = ex.problems().stream().anyMatch(p -> p.code() == ProblemCode.TOO_LARGE);
		return ResponseEntity.status(tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT)
			.body(new Rejected("The document was rejected; nothing was written.", ex.problems()));
	}

}
