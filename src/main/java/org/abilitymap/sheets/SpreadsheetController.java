package org.abilitymap.sheets;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Template downloads ({@code GET /api/templates/work-tasks.xlsx}, {@code work-tasks.csv}, {@code programme.xlsx}) and
 * spreadsheet uploads as a raw body ({@code POST /api/submissions} or {@code /api/programmes} with the .xlsx or CSV
 * media type); multipart uploads of .xlsx and .csv files go through the JSON upload endpoint, which hands them here.
 */
@RestController
@RequestMapping("/api")
class SpreadsheetController {

	private static final MediaType XLSX = MediaType.parseMediaType(SpreadsheetUploads.XLSX);

	private final SpreadsheetUploads uploads;

	SpreadsheetController(SpreadsheetUploads uploads) {
		this.uploads = uploads;
	}

	@GetMapping("/templates/work-tasks.xlsx")
	ResponseEntity<byte[]> workTasksTemplate() {
		return download(TemplateWorkbooks.xlsx(Templates.WORK_TASKS), XLSX, Templates.WORK_TASKS.fileName());
	}

	@GetMapping("/templates/programme.xlsx")
	ResponseEntity<byte[]> programmeTemplate() {
		return download(TemplateWorkbooks.xlsx(Templates.PROGRAMME), XLSX, Templates.PROGRAMME.fileName());
	}

	@GetMapping("/templates/work-tasks.csv")
	ResponseEntity<byte[]> workTasksCsvTemplate() {
		return download(TemplateWorkbooks.csv(Templates.WORK_TASKS_SHEET), new MediaType("text", "csv",
				java.nio.charset.StandardCharsets.UTF_8), "abilitymap-work-tasks-template.csv");
	}

	@PostMapping(path = "/{kind:submissions|programmes}", consumes = {SpreadsheetUploads.XLSX, "text/csv"})
	ResponseEntity<?> uploadSheet(@PathVariable String kind, HttpServletRequest request) throws IOException {
		return uploads.upload(kind, request.getInputStream(), null, request.getContentType());
	}

	private static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, String fileName) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.body(bytes);
	}
}
