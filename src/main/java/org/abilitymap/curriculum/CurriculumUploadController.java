package org.abilitymap.curriculum;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;

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
 * REST upload of programme and education-catalogue documents (JSON body or multipart {@code file}), through the
 * same validation and import as {@code saveProgramme} and {@code saveEducationCatalog}.
 */
@RestController
@RequestMapping("/api")
class CurriculumUploadController {

	private final JsonDocuments json;

	private final ProgrammeImport programmes;

	private final EducationCatalogImport catalogs;

	CurriculumUploadController(JsonDocuments json, ProgrammeImport programmes, EducationCatalogImport catalogs) {
		this.json = json;
		this.programmes = programmes;
		this.catalogs = catalogs;
	}

	/** Rejection body: every problem with its path. */
	record Rejected(String message, List<Problem> errors) {
	}

	@PostMapping(path = "/programmes", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> programmeJson(HttpServletRequest request) throws IOException {
		return handle(request.getInputStream(), this::saveProgramme);
	}

	@PostMapping(path = "/programmes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> programmeFile(@RequestPart("file") MultipartFile file) throws IOException {
		try (InputStream input = file.getInputStream()) {
			return handle(input, this::saveProgramme);
		}
	}

	@PostMapping(path = "/education-catalog", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> catalogJson(HttpServletRequest request) throws IOException {
		return handle(request.getInputStream(), document -> ResponseEntity.ok(catalogs.save(document)));
	}

	@PostMapping(path = "/education-catalog", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> catalogFile(@RequestPart("file") MultipartFile file) throws IOException {
		try (InputStream input = file.getInputStream()) {
			return handle(input, document -> ResponseEntity.ok(catalogs.save(document)));
		}
	}

	private ResponseEntity<?> saveProgramme(Object document) {
		ProgrammeSaveResult result = programmes.save(document);
		HttpStatus status = result.outcome() == ProgrammeSaveResult.Outcome.UNCHANGED ? HttpStatus.OK : HttpStatus.CREATED;
		return ResponseEntity.status(status).body(result);
	}

	private ResponseEntity<?> handle(InputStream input, Function<Object, ResponseEntity<?>> importer) throws IOException {
		try {
			return importer.apply(json.parse(input));
		}
		catch (InvalidDocumentException ex) {
			boolean tooLarge = ex.problems().stream().anyMatch(p -> p.code() == ProblemCode.TOO_LARGE);
			return ResponseEntity.status(tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT)
				.body(new Rejected("The document was rejected; nothing was written.", ex.problems()));
		}
	}
}
