package org.abilitymap.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.abilitymap.alignment.AlignmentTargets;
import org.abilitymap.alignment.Target;
import org.abilitymap.curriculum.Programme;
import org.abilitymap.imports.Progress;
import org.abilitymap.support.graphql.InvalidArgumentException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads for auditors: {@code GET /api/programmes/{id}/matrix.xlsx}, {@code alignment.xlsx} and
 * {@code alignment.html}, the alignment ones measured against {@code jobIds=…&jobIds=…}, {@code jobGroupId=…} or
 * {@code certificateId=…} (default: the programme's own target jobs).
 */
@RestController
@RequestMapping("/api/programmes/{id}")
class ReportController {

	static final AlignmentTargets.ArgumentNames QUERY_PARAMETERS = new AlignmentTargets.ArgumentNames("target",
			"jobIds", "jobGroupId", "certificateId");

	private final AlignmentReports reports;

	ReportController(AlignmentReports reports) {
		this.reports = reports;
	}

	/** The body of a refused download. */
	record Refused(String message, String argument) {
	}

	@GetMapping("/matrix.xlsx")
	ResponseEntity<?> matrix(@PathVariable String id) throws IOException {
		Optional<Programme> programme = reports.programme(id, "id");
		if (programme.isEmpty()) {
			return notFound(id);
		}
		MatrixReport report = reports.matrix(programme.get(), Progress.NONE);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ReportWorkbooks.writeMatrix(report, out, Progress.NONE);
		return file(out, ReportWorkbooks.CONTENT_TYPE, ContentDisposition.attachment(),
				"matrix-" + report.fileStem() + ".xlsx");
	}

	@GetMapping("/alignment.xlsx")
	ResponseEntity<?> alignmentWorkbook(@PathVariable String id, @RequestParam(required = false) List<String> jobIds,
			@RequestParam(required = false) String jobGroupId, @RequestParam(required = false) String certificateId)
			throws IOException {
		return alignment(id, () -> target(jobIds, jobGroupId, certificateId), ReportWorkbooks::writeAlignment,
				ReportWorkbooks.CONTENT_TYPE, ContentDisposition.attachment(), ".xlsx");
	}

	@GetMapping("/alignment.html")
	ResponseEntity<?> alignmentPage(@PathVariable String id, @RequestParam(required = false) List<String> jobIds,
			@RequestParam(required = false) String jobGroupId, @RequestParam(required = false) String certificateId)
			throws IOException {
		return alignment(id, () -> target(jobIds, jobGroupId, certificateId), AlignmentHtmlReport::write,
				AlignmentHtmlReport.CONTENT_TYPE, ContentDisposition.inline(), ".html");
	}

	/** How an alignment report is written: as a workbook or as a printable page. */
	private interface AlignmentWriter {
		void write(AlignmentReport report, OutputStream out, Progress progress) throws IOException;
	}

	/** The report of a programme, the target resolved only once the programme is known (404 before 400). */
	private ResponseEntity<?> alignment(String id, Supplier<Target> target, AlignmentWriter writer, String contentType,
			ContentDisposition.Builder disposition, String extension) throws IOException {
		Optional<Programme> programme = reports.programme(id, "id");
		if (programme.isEmpty()) {
			return notFound(id);
		}
		AlignmentReport report = reports.alignment(programme.get(), target.get(), Progress.NONE);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		writer.write(report, out, Progress.NONE);
		return file(out, contentType, disposition, report.fileStem() + extension);
	}

	@ExceptionHandler
	ResponseEntity<Refused> invalidArgument(InvalidArgumentException ex) {
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
			.body(new Refused(ex.getMessage(), ex.argument()));
	}

	private Target target(List<String> jobIds, String jobGroupId, String certificateId) {
		List<String> jobs = jobIds == null ? null : jobIds.stream().filter(j -> !j.isBlank()).toList();
		return reports.target(jobs == null || jobs.isEmpty() ? null : jobs, blankToNull(jobGroupId),
				blankToNull(certificateId), QUERY_PARAMETERS);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static ResponseEntity<Refused> notFound(String id) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
			.body(new Refused("There is no programme with id or code '" + id + "'.", "id"));
	}

	private static ResponseEntity<byte[]> file(ByteArrayOutputStream out, String contentType,
			ContentDisposition.Builder disposition, String fileName) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, contentType)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(out.toByteArray());
	}
}
