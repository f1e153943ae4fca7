package org.abilitymap.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit trail as a download for auditors: {@code GET /api/audit.csv} and {@code /api/audit.xlsx}, newest first,
 * with the filters of {@code auditLog} as query parameters and the same visibility.
 * The filter is checked before the answer starts, so that a bad date is a 400 and not a broken download.
 */
@RestController
class AuditExportController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** Entries read per query while writing. */
	private static final int CHUNK = 1000;

	/** The header row, bilingual like the other exports. */
	private static final List<String> HEADER = List.of("时间 at", "操作人 actor", "机构类型 organisation kind",
			"机构 organisation", "来源 source", "操作 operation", "对象 entity ids", "结果 outcome",
			"内容哈希 content hash", "版本 version", "说明 detail", "编号 id");

	private final AuditTrail trail;

	AuditExportController(AuditTrail trail) {
		this.trail = trail;
	}

	/** The query parameters of both downloads: the fields of {@code auditLog}'s filter, all optional. */
	record Parameters(String actor, String organisationId, String entityId, String operation, String outcome,
			String from, String to) {
	}

	@GetMapping("/api/audit.csv")
	ResponseEntity<StreamingResponseBody> csv(Parameters parameters) {
		AuditTrail.Listing filter = checked(parameters);
		StreamingResponseBody body = out -> {
			// A BOM so that Excel opens the Chinese text as UTF-8.
			out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
				printer.printRecord(HEADER);
				forEachEntry(filter, entry -> {
					try {
						printer.printRecord(cells(entry));
					}
					catch (IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				});
			}
		};
		return download(body, new MediaType("text", "csv", StandardCharsets.UTF_8), "audit.csv");
	}

	@GetMapping("/api/audit.xlsx")
	ResponseEntity<StreamingResponseBody> xlsx(Parameters parameters) {
		AuditTrail.Listing filter = checked(parameters);
		StreamingResponseBody body = out -> writeWorkbook(filter, out);
		return download(body, MediaType.parseMediaType(XLSX), "audit.xlsx");
	}

	private void writeWorkbook(AuditTrail.Listing filter, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = workbook.createSheet("审计 audit");
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADER.size(); i++) {
				header.createCell(i).setCellValue(HEADER.get(i));
			}
			sheet.createFreezePane(0, 1);
			int[] row = {1};
			forEachEntry(filter, entry -> {
				Row line = sheet.createRow(row[0]++);
				List<String> cells = cells(entry);
				for (int i = 0; i < cells.size(); i++) {
					if (cells.get(i) != null) {
						line.createCell(i).setCellValue(cells.get(i));
					}
				}
			});
			workbook.write(out);
		}
	}

	private AuditTrail.Listing checked(Parameters parameters) {
		String outcome = parameters.outcome();
		String outcomeName = outcome == null || outcome.isBlank() ? null : outcome.strip().toUpperCase(Locale.ROOT);
		if (outcomeName != null) {
			try {
				AuditEntry.Outcome.valueOf(outcomeName);
			}
			catch (IllegalArgumentException ex) {
				throw new org.abilitymap.support.graphql.InvalidArgumentException("outcome",
						"'outcome' is DONE, REFUSED or FAILED, not '" + outcome + "'.");
			}
		}
		AuditFilter filter = new AuditFilter(blankToNull(parameters.actor()), blankToNull(parameters.organisationId()),
				blankToNull(parameters.entityId()), blankToNull(parameters.operation()), outcomeName,
				blankToNull(parameters.from()), blankToNull(parameters.to()));
		return trail.listing(filter);
	}

	private static void forEachEntry(AuditTrail.Listing filter, java.util.function.Consumer<AuditEntry> action) {
		long offset = 0;
		List<AuditEntry> chunk = filter.page(offset, CHUNK);
		while (!chunk.isEmpty()) {
			chunk.forEach(action);
			if (chunk.size() < CHUNK) {
				return;
			}
			offset += chunk.size();
			chunk = filter.page(offset, CHUNK);
		}
	}

	private static List<String> cells(AuditEntry entry) {
		return java.util.Arrays.asList(entry.at(), entry.actor(), entry.organisationKind(), entry.organisationId(),
				entry.source(), entry.operation(), String.join(" ", entry.entityIds()), entry.outcome().name(),
				entry.contentHash(), entry.version() == null ? null : entry.version().toString(), entry.detail(),
				entry.id());
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static ResponseEntity<StreamingResponseBody> download(StreamingResponseBody body, MediaType type,
			String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}
}
