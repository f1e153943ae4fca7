package org.abilitymap.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import org.abilitymap.curriculum.EducationCatalogImport;
import org.abilitymap.curriculum.ProgrammeImport;
import org.abilitymap.curriculum.ProgrammeSaveResult;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.JsonDocuments;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.jobs.JobCatalogImport;
import org.abilitymap.jobs.SubmissionResult;
import org.abilitymap.jobs.WorkTaskSubmissions;
import org.abilitymap.sheets.SpreadsheetUploads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST upload of JSON documents for those who send files rather than GraphQL: {@code POST /api/submissions},
 * {@code /api/catalog}, {@code /api/education-catalog} and {@code /api/programmes}, each with a JSON body or a
 * multipart {@code file}, through the same validation and import as the GraphQL mutations; a multipart .xlsx or
 * .csv file goes to the spreadsheet import instead.
 */
@RestController
@RequestMapping("/api")
class DocumentUploadController {

	private final JsonDocuments json;

	private final WorkTaskSubmissions submissions;

	private final JobCatalogImport jobCatalogs;

	private final EducationCatalogImport educationCatalogs;

	private final ProgrammeImport programmes;

	private final SpreadsheetUploads spreadsheets;

	DocumentUploadController(JsonDocuments json, WorkTaskSubmissions submissions, JobCatalogImport jobCatalogs,
			EducationCatalogImport educationCatalogs, ProgrammeImport programmes, SpreadsheetUploads spreadsheets) {
		this.json = json;
		this.submissions = submissions;
		this.jobCatalogs = jobCatalogs;
		this.educationCatalogs = educationCatalogs;
		this.programmes = programmes;
		this.spreadsheets = spreadsheets;
	}

	/** Rejection body: every problem with its path. */
	record Rejected(String message, List<Problem> errors) {
	}

	@PostMapping(path = "/{kind:submissions|catalog|education-catalog|programmes}",
			consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> uploadJson(@PathVariable String kind, HttpServletRequest request) throws IOException {
		return upload(request.getInputStream(), importer(kind));
	}

	@PostMapping(path = "/{kind:submissions|catalog|education-catalog|programmes}",
			consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> uploadFile(@PathVariable String kind, @RequestPart("file") MultipartFile file)
			throws IOException {
		try (InputStream input = file.getInputStream()) {
			if (SpreadsheetUploads.isSpreadsheet(file.getOriginalFilename(), file.getContentType())) {
				return spreadsheets.upload(kind, input, file.getOriginalFilename(), file.getContentType());
			}
			return upload(input, importer(kind));
		}
	}

	/** 201 when something was created, 200 when the document changed nothing or upserted reference data. */
	private Function<Object, ResponseEntity<?>> importer(String kind) {
		return switch (kind) {
			case "submissions" -> document -> {
				SubmissionResult result = submissions.submit(document);
				return ResponseEntity.status(result.outcome() == SubmissionResult.Outcome.UNCHANGED ? HttpStatus.OK
						: HttpStatus.CREATED).body(result);
			};
			case "programmes" -> document -> {
				ProgrammeSaveResult result = programmes.save(document);
				return ResponseEntity.status(result.outcome() == ProgrammeSaveResult.Outcome.UNCHANGED ? HttpStatus.OK
						: HttpStatus.CREATED).body(result);
			};
			case "catalog" -> document -> ResponseEntity.ok(jobCatalogs.save(document));
			default -> document -> ResponseEntity.ok(educationCatalogs.save(document));
		};
	}

	private ResponseEntity<?> upload(InputStream input, Function<Object, ResponseEntity<?>> importer) throws IOException {
		try {
			return importer.apply(json.parse(input));
		}
		catch (InvalidDocumentException ex) {
			boolean tooLarge = ex.problems().stream().anyMatch(p -> p.code() == ProblemCode.TOO_LARGE);
			boolean conflict = ex.problems().stream().anyMatch(p -> p.code() == ProblemCode.CONFLICT);
			return ResponseEntity.status(tooLarge ? HttpStatus.CONTENT_TOO_LARGE
					: conflict ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT)
				.body(new Rejected("The document was rejected; nothing was written.", ex.problems()));
		}
	}
}
