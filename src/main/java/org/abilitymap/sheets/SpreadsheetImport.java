package org.abilitymap.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.JsonDocuments;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.imports.DocumentImport;
import org.abilitymap.imports.DocumentImport.Kind;
import org.springframework.stereotype.Service;

/**
 * Imports filled templates (.xlsx workbooks, or the work-task sheet as CSV) through the same validation and import
 * as JSON documents, by turning the rows into the parsed JSON tree the document readers take and reporting every
 * problem, of the sheet or of the document, by sheet, row and column.
 */
@Service
public class SpreadsheetImport {

	/**
	 * Added to a document whose sheets had problems: the document readers reject the unknown field, so the import
	 * still checks everything else (ids against the graph included) and reports it, but can never write.
	 */
	private static final String SHEET_PROBLEMS_MARKER = "sheetProblems";

	private final DocumentImport documents;

	private final JsonDocuments json;

	SpreadsheetImport(DocumentImport documents, JsonDocuments json) {
		this.documents = documents;
		this.json = json;
	}

	/** A file read into a document, with where its parts came from and the problems of its sheets. */
	private record Converted(Kind kind, Map<String, Object> document, JsonLocations locations,
			List<SheetProblem> problems, String note) {
	}

	/**
	 * Imports one spreadsheet file.
	 *
	 * @param bytes the file: an .xlsx workbook (told from its first bytes) or CSV text
	 * @param fileName the file's name, for messages (may be {@code null})
	 * @param expected the kind the caller takes ({@link Kind#SUBMISSION} or {@link Kind#PROGRAMME}), or {@code null}
	 *     for either
	 * @throws InvalidSheetException with every problem located by sheet, row and column; nothing is written then
	 */
	public DocumentImport.Imported importFile(byte[] bytes, String fileName, Kind expected) {
		return importFile(bytes, fileName, null, expected);
	}

	/**
	 * Imports one spreadsheet file whose declared media type is known: a file named .xlsx or declared as an .xlsx
	 * workbook is never read as CSV, whatever its bytes.
	 *
	 * @param contentType the declared media type, may be {@code null}
	 * @see #importFile(byte[], String, Kind)
	 */
	public DocumentImport.Imported importFile(byte[] bytes, String fileName, String contentType, Kind expected) {
		long maxBytes = json.limits().maxBytes();
		if (bytes.length > maxBytes) {
			throw refuse(ProblemCode.TOO_LARGE, "The file is " + bytes.length + " bytes, more than the limit of " + maxBytes
					+ " bytes; split it into several files.");
		}
		Converted converted = switch (WorkbookFiles.typeOf(bytes)) {
			case XLS -> throw refuse(ProblemCode.MALFORMED, "This is an old Excel 97–2003 (.xls) file; save it as "
					+ "'Excel Workbook (*.xlsx)' and upload that.");
			case XLSX -> fromWorkbook(WorkbookFiles.readXlsx(bytes, maxRows()));
			case CSV -> {
				if (declaredWorkbook(fileName, contentType)) {
					throw refuse(ProblemCode.MALFORMED, "The file " + (fileName == null ? "" : "'" + fileName + "' ")
							+ "is not an .xlsx workbook: an .xlsx file is a zip archive, and these bytes are not one. "
							+ "Open it in Excel or WPS and save it as 'Excel Workbook (*.xlsx)', or upload CSV text "
							+ "under a name ending in .csv.");
				}
				yield fromCsv(bytes, fileName);
			}
		};
		if (expected != null && converted.kind() != expected) {
			throw refuse(ProblemCode.WRONG_TYPE, "This is " + describe(converted.kind()) + ", not " + describe(expected)
					+ "; upload it " + (converted.kind() == Kind.PROGRAMME ? "as a programme (POST /api/programmes)"
							: "as a work-task submission (POST /api/submissions)") + ".");
		}
		return run(converted);
	}

	/** Imports a spreadsheet file from disk, of either kind; reads no more than the size limit allows. */
	public DocumentImport.Imported importFile(Path path) throws IOException {
		try (InputStream input = Files.newInputStream(path)) {
			byte[] bytes = input.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, json.limits().maxBytes() + 1));
			return importFile(bytes, path.getFileName().toString(), null);
		}
	}

	private static boolean declaredWorkbook(String fileName, String contentType) {
		return fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")
				|| contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(SpreadsheetUploads.XLSX);
	}

	private Converted fromWorkbook(Map<String, SheetTable> sheets) {
		List<SheetProblem> problems = new ArrayList<>();
		Map<SheetLayout, LayoutTable> found = new LinkedHashMap<>();
		for (Template template : List.of(Templates.WORK_TASKS, Templates.PROGRAMME)) {
			for (SheetLayout layout : template.sheets()) {
				sheets.values().stream().filter(sheet -> layout.matches(sheet.name())).findFirst()
					.ifPresent(sheet -> found.put(layout, LayoutTable.bind(sheet, layout, problems, maxRows())));
			}
		}
		if (found.containsKey(Templates.WORK_TASKS_SHEET)) {
			LayoutTable table = found.get(Templates.WORK_TASKS_SHEET);
			return submission(table, problems, "");
		}
		if (found.containsKey(Templates.PROGRAMME_SHEET) || found.containsKey(Templates.COURSES_SHEET)) {
			for (SheetLayout required : List.of(Templates.PROGRAMME_SHEET, Templates.COURSES_SHEET)) {
				if (!found.containsKey(required)) {
					problems.add(SheetProblem.at(Location.ofSheet(required.name()), ProblemCode.REQUIRED, "The sheet '"
							+ required.name() + "' is missing; a programme workbook needs it (see the template).", null));
				}
			}
			JsonLocations locations = new JsonLocations(Location.ofSheet(Templates.PROGRAMME_SHEET.name()));
			Map<String, Object> document = ProgrammeSheetReader.read(found, locations, problems);
			return new Converted(Kind.PROGRAMME, document, locations, problems, "");
		}
		throw refuse(ProblemCode.WRONG_TYPE, "The workbook has neither the sheet '" + Templates.WORK_TASKS_SHEET.name()
				+ "' (a work-task submission) nor the sheets '" + Templates.PROGRAMME_SHEET.name() + "' and '"
				+ Templates.COURSES_SHEET.name() + "' (a programme); its sheets are " + List.copyOf(sheets.keySet())
				+ ". Start from a template: GET /api/templates/work-tasks.xlsx or /api/templates/programme.xlsx.");
	}

	/** A CSV file is the work-task sheet on its own. */
	private Converted fromCsv(byte[] bytes, String fileName) {
		WorkbookFiles.Decoded decoded = WorkbookFiles.decode(bytes);
		SheetTable table = WorkbookFiles.readCsv(fileName == null ? "CSV" : fileName, decoded, maxRows());
		List<SheetProblem> problems = new ArrayList<>();
		LayoutTable bound = LayoutTable.bind(table, Templates.WORK_TASKS_SHEET, problems, maxRows());
		return submission(bound, problems, decoded.encoding().equals("UTF-8") ? "" : " (CSV read as " + decoded.encoding() + ")");
	}

	private Converted submission(LayoutTable table, List<SheetProblem> problems, String note) {
		JsonLocations locations = new JsonLocations(table.whole());
		Map<String, Object> document = WorkTaskSheetReader.read(table, locations, problems);
		return new Converted(Kind.SUBMISSION, document, locations, problems, note);
	}

	/** Runs the document import, translating its problems' JSON paths into cells. */
	private DocumentImport.Imported run(Converted converted) {
		Map<String, Object> document = converted.document();
		if (!converted.problems().isEmpty()) {
			document = new LinkedHashMap<>(document);
			document.put(SHEET_PROBLEMS_MARKER, true);
		}
		try {
			DocumentImport.Imported imported = documents.importDocument(document);
			return new DocumentImport.Imported(imported.kind(), imported.result(), imported.summary() + converted.note());
		}
		catch (InvalidDocumentException ex) {
			List<SheetProblem> problems = new ArrayList<>(converted.problems());
			for (Problem problem : ex.problems()) {
				if (problem.path().equals(SHEET_PROBLEMS_MARKER)) {
					continue;
				}
				Location location = converted.locations().locate(problem.path());
				if (!alreadyReported(converted.problems(), location)) {
					problems.add(SheetProblem.at(location, problem.code(), problem.message(), problem.path()));
				}
			}
			throw new InvalidSheetException(inReadingOrder(problems.isEmpty() ? converted.problems() : problems));
		}
	}

	/**
	 * Whether the sheet's own problems already cover a place: a problem at the same cell (a value the sheet could not
	 * read is also missing from the document), or a missing column, header row or sheet (every value of it is
	 * missing).
	 */
	private static boolean alreadyReported(List<SheetProblem> sheetProblems, Location location) {
		return sheetProblems.stream().anyMatch(p -> Objects.equals(p.sheet(), location.sheet())
				&& (Objects.equals(p.row(), location.row()) && Objects.equals(p.column(), location.column())
						|| p.code() == ProblemCode.REQUIRED && p.column() == null && p.row() != null && p.header() != null
								&& p.header().equals(location.header()) && location.column() == null
						|| p.code() == ProblemCode.REQUIRED && p.column() == null && p.header() == null));
	}

	/** Problems sheet by sheet (in the order the sheets first appear), then by row and column. */
	private static List<SheetProblem> inReadingOrder(List<SheetProblem> problems) {
		List<String> sheets = problems.stream().map(p -> String.valueOf(p.sheet())).distinct().toList();
		return problems.stream()
			.sorted(Comparator.comparing((SheetProblem p) -> sheets.indexOf(String.valueOf(p.sheet())))
				.thenComparing(SheetProblem::row, Comparator.nullsFirst(Comparator.naturalOrder()))
				.thenComparing(p -> p.column() == null ? "" : p.column(),
						Comparator.comparing(String::length).thenComparing(Comparator.naturalOrder())))
			.toList();
	}

	private int maxRows() {
		return json.limits().maxEntries();
	}

	private static String describe(Kind kind) {
		return kind == Kind.PROGRAMME ? "a programme workbook" : "a work-task submission";
	}

	private static InvalidSheetException refuse(ProblemCode code, String message) {
		return new InvalidSheetException(List.of(SheetProblem.at(Location.FILE, code, message,
				null)));
	}
}
