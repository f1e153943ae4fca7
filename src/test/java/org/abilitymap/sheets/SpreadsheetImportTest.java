package org.abilitymap.sheets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.abilitymap.support.TestSystemActor;
import org.abilitymap.alignment.AlignmentFixture;
import org.abilitymap.cli.ImportCommand;
import org.abilitymap.curriculum.ProgrammeSaveResult;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.imports.DocumentImport;
import org.abilitymap.jobs.SubmissionResult;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.MultipartFile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Filled templates (.xlsx, CSV) against the JSON documents they are equivalent to, on the real embedded Neo4j: the
 * same graph, the same validation with problems told by sheet, row and column, nothing written on error.
 */
class SpreadsheetImportTest extends GraphTestSupport {

	private static final String WORK_TASKS = Templates.WORK_TASKS_SHEET.name();

	@Autowired
	private SpreadsheetImport spreadsheets;

	@Autowired
	private ImportCommand importCommand;

	@LocalServerPort
	private int port;

	@TempDir
	private Path folder;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aFilledWorkTaskTemplateCreatesTheSameGraphAsTheJsonDocumentAndTwiceChangesNothing() {
		Map<String, Object> json = document("submission-a.json");
		byte[] workbook = FilledTemplates.xlsx(Templates.WORK_TASKS,
				Map.of(WORK_TASKS, FilledTemplates.workTaskRows(json)));
		loadCatalog();
		jobDocuments.importDocument(json);
		List<String> fromJson = withoutImportTimes(fingerprint());

		wipeGraph();
		loadCatalog();
		DocumentImport.Imported imported = spreadsheets.importFile(workbook, "submission-a.xlsx", null);

		assertThat(((SubmissionResult) imported.result()).outcome()).isEqualTo(SubmissionResult.Outcome.CREATED);
		List<String> fromSheet = fingerprint();
		assertThat(withoutImportTimes(fromSheet)).isEqualTo(fromJson);
		assertThat(((SubmissionResult) spreadsheets.importFile(workbook, "again.xlsx", null).result()).outcome())
			.isEqualTo(SubmissionResult.Outcome.UNCHANGED);
		assertThat(((SubmissionResult) jobDocuments.importDocument(json).result()).outcome())
			.isEqualTo(SubmissionResult.Outcome.UNCHANGED);
		assertThat(fingerprint()).isEqualTo(fromSheet);
	}

	@Test
	void aFilledProgrammeTemplateCreatesTheSameGraphAsTheJsonDocumentAndTwiceChangesNothing() {
		AlignmentFixture fixture = new AlignmentFixture(jobDocuments, json, graphQlTester);
		Map<String, Object> programme = fixture.document("programme.json");
		Map<String, List<Map<String, Object>>> rows = FilledTemplates.programmeRows(programme);
		// a date typed as a date cell, as Excel does when someone types 2025-09-01 into a general cell
		rows.get(Templates.TEXTBOOKS_SHEET.name()).forEach(textbook -> textbook.put("editionDate",
				LocalDate.parse((String) textbook.get("editionDate"))));
		byte[] workbook = FilledTemplates.xlsx(Templates.PROGRAMME, rows);
		loadProgrammeFixture(fixture);
		fixture.importDocument("programme.json");
		List<String> fromJson = withoutImportTimes(fingerprint());

		wipeGraph();
		loadProgrammeFixture(fixture);
		DocumentImport.Imported imported = spreadsheets.importFile(workbook, "programme.xlsx", null);

		assertThat(imported.kind()).isEqualTo(DocumentImport.Kind.PROGRAMME);
		assertThat(((ProgrammeSaveResult) imported.result()).outcome()).isEqualTo(ProgrammeSaveResult.Outcome.CREATED);
		List<String> fromSheet = fingerprint();
		assertThat(withoutImportTimes(fromSheet)).isEqualTo(fromJson);
		assertThat(((ProgrammeSaveResult) spreadsheets.importFile(workbook, "again.xlsx", null).result()).outcome())
			.isEqualTo(ProgrammeSaveResult.Outcome.UNCHANGED);
		assertThat(((ProgrammeSaveResult) fixture.importDocument("programme.json").result()).outcome())
			.isEqualTo(ProgrammeSaveResult.Outcome.UNCHANGED);
		assertThat(fingerprint()).isEqualTo(fromSheet);
	}

	@Test
	void aSheetWithSeveralProblemsIsRefusedWithEveryProblemBySheetRowAndColumnAndWritesNothing() {
		loadCatalog();
		List<String> before = fingerprint();
		List<Map<String, Object>> rows = FilledTemplates.workTaskRows(document("submission-a.json"));
		rows.get(0).put("jobId", "t-no-such-job"); // only the graph knows: a problem of the document import
		rows.get(0).put("importance", "很重要"); // text in a number column: a problem of the sheet
		rows.get(0).put("difficulty", 9); // out of range: a problem of the document validation
		Map<String, Object> leakTest = rows.stream().filter(r -> "气密性检测".equals(r.get("taskName"))).findFirst()
			.orElseThrow();
		leakTest.put("frequency", "HOURLY"); // not a choice: a problem of the sheet
		int leakRow = rows.indexOf(leakTest) + 3;
		Map<String, Object> orphan = new LinkedHashMap<>();
		orphan.put("projectName", "新项目");
		orphan.put("skillName", "孤立技能"); // a project with a skill but no task or step
		rows.add(orphan);
		int orphanRow = rows.size() + 2;
		byte[] workbook = FilledTemplates.xlsx(Templates.WORK_TASKS, Map.of(WORK_TASKS, rows));

		InvalidSheetException refused = catchThrowableOfType(InvalidSheetException.class,
				() -> spreadsheets.importFile(workbook, "bad.xlsx", null));

		assertThat(refused.sheetProblems()).extracting(SheetProblem::sheet).containsOnly(WORK_TASKS);
		assertThat(refused.sheetProblems()).extracting(p -> p.row() + " " + p.column() + " " + p.code() + " " + p.jsonPath())
			.containsExactlyInAnyOrder(
					"3 " + column("importance") + " WRONG_TYPE null",
					leakRow + " " + column("frequency") + " INVALID_VALUE null",
					orphanRow + " " + column("taskName") + " MISPLACED_LEVEL null",
					"3 " + column("difficulty") + " INVALID_VALUE projects[0].tasks[0].difficulty",
					"3 " + column("jobId") + " UNKNOWN_REFERENCE jobId");
		assertThat(refused.sheetProblems()).extracting(SheetProblem::row).isSorted();
		SheetProblem importance = refused.sheetProblems().stream().filter(p -> p.code() == ProblemCode.WRONG_TYPE)
			.findFirst().orElseThrow();
		assertThat(importance.path()).isEqualTo("sheet '" + WORK_TASKS + "', row 3, column " + column("importance")
				+ " (重要度 importance)");
		assertThat(importance.message()).contains("很重要", "whole number");
		assertThat(refused.problems()).anySatisfy(p -> assertThat(p.toString())
			.contains("row 3, column " + column("difficulty") + " (难度 difficulty)", "between 1 and 5",
					"[projects[0].tasks[0].difficulty]"));
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void aProgrammeWorkbookWithAMissingSheetAndABadReferenceIsRefusedByCell() {
		AlignmentFixture fixture = new AlignmentFixture(jobDocuments, json, graphQlTester);
		Map<String, List<Map<String, Object>>> rows = FilledTemplates.programmeRows(fixture.document("programme.json"));
		rows.get(Templates.TEACHING_SHEET.name()).get(1).put("courseId", "al-c-nowhere");
		rows.get(Templates.TEACHING_SHEET.name()).get(2).put("level", "精通");
		byte[] workbook = FilledTemplates.xlsx(Templates.PROGRAMME, rows);
		loadProgrammeFixture(fixture);
		List<String> before = fingerprint();

		InvalidSheetException refused = catchThrowableOfType(InvalidSheetException.class,
				() -> spreadsheets.importFile(workbook, "programme.xlsx", DocumentImport.Kind.PROGRAMME));

		String teaching = Templates.TEACHING_SHEET.name();
		assertThat(refused.sheetProblems()).extracting(p -> p.sheet() + " " + p.row() + " " + p.header() + " " + p.code())
			.containsExactlyInAnyOrder(teaching + " 4 课程编号 courseId UNKNOWN_REFERENCE",
					teaching + " 5 教学层次 level INVALID_VALUE");
		assertThat(fingerprint()).isEqualTo(before);
		assertThatThrownBy(() -> spreadsheets.importFile(workbook, "programme.xlsx", DocumentImport.Kind.SUBMISSION))
			.isInstanceOf(InvalidSheetException.class).hasMessageContaining("not a work-task submission");
	}

	@Test
	void aMissingSheetAndAMissingColumnAreReportedOnceEachNotOncePerValue() throws IOException {
		AlignmentFixture fixture = new AlignmentFixture(jobDocuments, json, graphQlTester);
		byte[] filled = FilledTemplates.xlsx(Templates.PROGRAMME,
				FilledTemplates.programmeRows(fixture.document("programme.json")));
		byte[] workbook;
		try (XSSFWorkbook edited = new XSSFWorkbook(new ByteArrayInputStream(filled));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			edited.removeSheetAt(edited.getSheetIndex(Templates.COURSES_SHEET.name()));
			Sheet programme = edited.getSheet(Templates.PROGRAMME_SHEET.name());
			int level = Templates.PROGRAMME_SHEET.columns().indexOf(Templates.PROGRAMME_SHEET.column("level"));
			programme.getRow(0).getCell(level).setBlank();
			programme.getRow(1).getCell(level).setBlank();
			programme.getRow(2).getCell(level).setBlank();
			edited.write(out);
			workbook = out.toByteArray();
		}
		loadProgrammeFixture(fixture);
		List<String> before = fingerprint();

		InvalidSheetException refused = catchThrowableOfType(InvalidSheetException.class,
				() -> spreadsheets.importFile(workbook, "programme.xlsx", null));

		assertThat(refused.sheetProblems()).extracting(SheetProblem::path, SheetProblem::code)
			.contains(tuple("sheet '专业 Programme', row 2, column 办学层次 level", ProblemCode.REQUIRED),
					tuple("sheet '课程 Courses'", ProblemCode.REQUIRED));
		assertThat(refused.sheetProblems()).filteredOn(p -> "课程 Courses".equals(p.sheet())).hasSize(1);
		assertThat(refused.sheetProblems()).filteredOn(p -> p.path().contains("level")).hasSize(1);
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void csvInUtf8WithAByteOrderMarkAndInGb18030IsTheSameSubmission() {
		Map<String, Object> json = document("submission-a.json");
		List<Map<String, Object>> rows = FilledTemplates.workTaskRows(json);
		loadCatalog();

		DocumentImport.Imported utf8 = spreadsheets.importFile(FilledTemplates.csv(rows, StandardCharsets.UTF_8, true),
				"submission.csv", null);
		assertThat(((SubmissionResult) utf8.result()).outcome()).isEqualTo(SubmissionResult.Outcome.CREATED);
		List<String> after = fingerprint();
		assertThat(((SubmissionResult) jobDocuments.importDocument(json).result()).outcome())
			.isEqualTo(SubmissionResult.Outcome.UNCHANGED);

		byte[] gb18030 = FilledTemplates.csv(rows, Charset.forName("GB18030"), false);
		DocumentImport.Imported chinese = spreadsheets.importFile(gb18030, "submission-gbk.csv", null);

		assertThat(((SubmissionResult) chinese.result()).outcome()).isEqualTo(SubmissionResult.Outcome.UNCHANGED);
		assertThat(chinese.summary()).endsWith("(CSV read as GB18030)");
		assertThat(fingerprint()).isEqualTo(after);
	}

	@Test
	void csvThatIsNeitherUtf8NorChineseGb18030IsRefusedNamingTheEncodings() {
		byte[] latin1 = "企业编号\nenterpriseId,jobId\ncafé,x\n".getBytes(StandardCharsets.ISO_8859_1);

		assertThatThrownBy(() -> spreadsheets.importFile(latin1, "latin1.csv", null))
			.isInstanceOf(InvalidSheetException.class)
			.hasMessageContaining("neither UTF-8 nor GB18030");
		assertThat(fingerprint()).isEmpty();
	}

	@Test
	void theTemplatesDownloadAsWorkbooksWithBothHeaderRows() throws Exception {
		HttpResponse<byte[]> response = get("/api/templates/work-tasks.xlsx");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue(SpreadsheetUploads.XLSX);
		assertThat(response.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"abilitymap-work-tasks-template.xlsx\"");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo(Template.INSTRUCTIONS_SHEET);
			Sheet sheet = workbook.getSheet(WORK_TASKS);
			assertThat(texts(sheet.getRow(1))).containsExactlyElementsOf(Templates.WORK_TASKS_SHEET.columns().stream()
				.map(Column::key).toList());
			assertThat(texts(sheet.getRow(0))).startsWith("企业编号 *", "企业名称 *", "企业英文名", "岗位编号 *");
			assertThat(sheet.getDataValidations()).extracting(v -> List.of(v.getValidationConstraint().getExplicitListValues() == null
					? new String[0] : v.getValidationConstraint().getExplicitListValues()))
				.contains(List.of("DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "YEARLY", "OCCASIONAL"),
						List.of("AWARE", "PRACTISED", "MASTERED"));
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
		}

		HttpResponse<byte[]> programme = get("/api/templates/programme.xlsx");
		assertThat(programme.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(programme.body()))) {
			List<String> names = new ArrayList<>();
			workbook.forEach(s -> names.add(s.getSheetName()));
			assertThat(names).containsExactly(Template.INSTRUCTIONS_SHEET, "专业 Programme", "课程 Courses",
					"课程教学点 Teaching", "教材 Textbooks", "教材编者 Editors", "证书 Certificates", "证书考核点 Assessments",
					"实训基地 TrainingBases");
			assertThat(texts(workbook.getSheet("课程 Courses").getRow(1))).containsExactly("id", "name", "nameEn",
					"block", "hours", "credits", "semester", "convertedFromProjectId");
		}

		HttpResponse<byte[]> csv = get("/api/templates/work-tasks.csv");
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("\uFEFF企业编号,企业名称");
	}

	@Test
	void sheetsAreUploadedAsMultipartFilesOrAsTheBodyAndProblemsComeBackByCell() throws Exception {
		loadCatalog();
		List<Map<String, Object>> rows = FilledTemplates.workTaskRows(document("submission-a.json"));
		byte[] workbook = FilledTemplates.xlsx(Templates.WORK_TASKS, Map.of(WORK_TASKS, rows));

		HttpResponse<String> created = postMultipart("/api/submissions", "任务.xlsx", workbook);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).contains("\"outcome\":\"CREATED\"");
		HttpResponse<String> again = post("/api/submissions", SpreadsheetUploads.XLSX, workbook);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("\"outcome\":\"UNCHANGED\"");
		List<String> after = fingerprint();

		rows.get(0).put("importance", "五");
		HttpResponse<String> refused = post("/api/submissions", "text/csv; charset=UTF-8",
				FilledTemplates.csv(rows, StandardCharsets.UTF_8, false));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("nothing was written", "\"path\":\"CSV row 3, column " + column("importance")
				+ " (重要度 importance)\"", "\"code\":\"WRONG_TYPE\"", "\"row\":3");

		HttpResponse<String> catalogue = postMultipart("/api/catalog", "catalog.xlsx", workbook);
		assertThat(catalogue.statusCode()).isEqualTo(415);
		assertThat(fingerprint()).isEqualTo(after);
	}

	@Test
	void theImportCommandTakesXlsxAndCsvFilesBesideJson() throws IOException {
		Map<String, Object> json = document("submission-a.json");
		Files.writeString(folder.resolve("catalog.json"), documentText("catalog.json"));
		Files.write(folder.resolve("a-submission.xlsx"), FilledTemplates.xlsx(Templates.WORK_TASKS,
				Map.of(WORK_TASKS, FilledTemplates.workTaskRows(json))));
		Files.write(folder.resolve("b-submission.csv"), FilledTemplates.csv(FilledTemplates.workTaskRows(json),
				StandardCharsets.UTF_8, true));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exit = importCommand.run(List.of(folder.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));

		String output = out.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(output).contains("(xlsx): CREATED sub:t-ent-a:t-battery-assembler:v1",
				"(csv): UNCHANGED sub:t-ent-a:t-battery-assembler:v1", "Imported 3 of 3 files");
		assertThat(count("Submission")).isEqualTo(1);
	}

	// --- helpers -------------------------------------------------------------------------------------------

	/** The fixture a programme document refers to: catalogues and the submissions its course was converted from. */
	private static void loadProgrammeFixture(AlignmentFixture fixture) {
		fixture.loadCatalogues();
		AlignmentFixture.SUBMISSIONS.forEach(fixture::importDocument);
	}


	/**
	 * A fingerprint without the moments of import ({@code submittedAt}, {@code savedAt}…), which differ by run, sorted
	 * again: the fingerprint's own order puts {@code createdAt} first, so equal graphs could come out in another order.
	 */
	private static List<String> withoutImportTimes(List<String> fingerprint) {
		return fingerprint.stream().map(line -> line.replaceAll("(\\w+At)=[^,}]+", "$1=…")).sorted().toList();
	}

	private static String column(String key) {
		return Location.letters(Templates.WORK_TASKS_SHEET.columns().indexOf(Templates.WORK_TASKS_SHEET.column(key)));
	}

	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		row.forEach(cell -> texts.add(cell.getStringCellValue()));
		return texts;
	}

	private HttpResponse<byte[]> get(String path) throws Exception {
		return http.send(TestSystemActor.request(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
		return http.send(TestSystemActor.request(uri(path)).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> postMultipart(String path, String fileName, byte[] content) throws Exception {
		MultipartFile file = MultipartFile.of(fileName, SpreadsheetUploads.XLSX, content);
		return http.send(TestSystemActor.request(uri(path)).header("Content-Type", file.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(file.body())).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}
}
