package org.abilitymap.casepackage;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.JsonDocuments;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.imports.Progress;
import org.abilitymap.support.graphql.InvalidArgumentException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST access to CASE packages: {@code GET /api/jobs/{id}/case.json?what=standard|ability-map},
 * {@code GET /api/case/{identifier}.json} (an imported framework) and {@code POST /api/case} (import).
 */
@RestController
@RequestMapping("/api")
class CaseRestController {

	private final CaseExport exports;

	private final CaseImport imports;

	private final JsonDocuments json;

	CaseRestController(CaseExport exports, CaseImport imports, JsonDocuments json) {
		this.exports = exports;
		this.imports = imports;
		this.json = json;
	}

	/** Rejection body: every problem with its path. */
	record Rejected(String message, List<Problem> errors) {
	}

	@GetMapping(path = "/jobs/{jobId}/case.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> exportJob(@PathVariable String jobId,
			@RequestParam(name = "what", defaultValue = "standard") String what) {
		CaseExportKind kind = CaseExportKind.ofOption(what);
		if (kind == null) {
			return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
				.body("'what' must be 'standard' or 'ability-map', not '" + what + "'.");
		}
		try {
			return download(exports.exportJob(jobId, kind, Progress.NONE),
					jobId + "-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".case.json");
		}
		catch (InvalidArgumentException ex) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body(ex.getMessage());
		}
	}

	@GetMapping(path = "/case/{identifier}.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> exportFramework(@PathVariable String identifier) {
		try {
			return download(exports.exportFramework(identifier.toLowerCase(Locale.ROOT)), identifier + ".case.json");
		}
		catch (InvalidArgumentException ex) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body(ex.getMessage());
		}
	}

	/** 201 when a framework was created or replaced, 200 when unchanged, 422 (413 when too large) when refused. */
	@PostMapping(path = "/case", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> importPackage(HttpServletRequest request) throws IOException {
		try {
			CaseImportResult result = imports.importPackage(json.parse(request.getInputStream()), Progress.NONE);
			return ResponseEntity.status(result.outcome() == CaseImportResult.Outcome.UNCHANGED ? HttpStatus.OK
					: HttpStatus.CREATED).body(result);
		}
		catch (InvalidDocumentException ex) {
			boolean tooLarge = ex.problems().stream().anyMatch(p -> p.code() == ProblemCode.TOO_LARGE);
			return ResponseEntity.status(tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT)
				.body(new Rejected("The package was rejected; nothing was written.", ex.problems()));
		}
	}

	private static ResponseEntity<String> download(String text, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"")
			.body(text);
	}
}
