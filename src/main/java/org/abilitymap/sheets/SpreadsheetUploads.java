package org.abilitymap.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import org.abilitymap.curriculum.ProgrammeSaveResult;
import org.abilitymap.documents.JsonDocuments;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.imports.DocumentImport;
import org.abilitymap.jobs.SubmissionResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The REST answer to an uploaded spreadsheet, shared by the raw-body and the multipart upload endpoints: the import's
 * result (201 created, 200 unchanged) or 422 with every problem by sheet, row and column.
 */
@Component
public class SpreadsheetUploads {

	/** The media type of .xlsx workbooks. */
	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final SpreadsheetImport spreadsheets;

	private final JsonDocuments json;

	SpreadsheetUploads(SpreadsheetImport spreadsheets, JsonDocuments json) {
		this.spreadsheets = spreadsheets;
		this.json = json;
	}

	/** Rejection body: every problem with its sheet, row and column. */
	record Rejected(String message, List<SheetProblem> errors) {
	}

	/** Whether an uploaded file is a spreadsheet rather than a JSON document, by its name or declared type. */
	public static boolean isSpreadsheet(String fileName, String contentType) {
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
		return name.endsWith(".xlsx") || name.endsWith(".csv") || type.startsWith(XLSX) || type.startsWith("text/csv");
	}

	/**
	 * Imports an uploaded spreadsheet for the upload path's kind.
	 *
	 * @param kind {@code submissions} or {@code programmes}; other kinds take JSON only
	 * @param fileName the uploaded file's name, may be {@code null}
	 * @param contentType its declared media type, may be {@code null}
	 */
	public ResponseEntity<?> upload(String kind, InputStream input, String fileName, String contentType)
			throws IOException {
		DocumentImport.Kind expected = switch (kind) {
			case "submissions" -> DocumentImport.Kind.SUBMISSION;
			case "programmes" -> DocumentImport.Kind.PROGRAMME;
			default -> null;
		};
		if (expected == null) {
			return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(new Rejected("Spreadsheets are taken as "
					+ "work-task submissions (/api/submissions) and programmes (/api/programmes); upload catalogues as "
					+ "JSON.", List.of()));
		}
		byte[] bytes = input.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, json.limits().maxBytes() + 1));
		try {
			DocumentImport.Imported imported = spreadsheets.importFile(bytes, fileName, contentType, expected);
			boolean unchanged = imported.result() instanceof SubmissionResult s && s.outcome() == SubmissionResult.Outcome.UNCHANGED
					|| imported.result() instanceof ProgrammeSaveResult p && p.outcome() == ProgrammeSaveResult.Outcome.UNCHANGED;
			return ResponseEntity.status(unchanged ? HttpStatus.OK : HttpStatus.CREATED).body(imported.result());
		}
		catch (InvalidSheetException ex) {
			boolean tooLarge = ex.sheetProblems().stream().anyMatch(p -> p.code() == ProblemCode.TOO_LARGE);
			return ResponseEntity.status(tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT)
				.body(new Rejected("The file was rejected; nothing was written.", ex.sheetProblems()));
		}
	}
}
