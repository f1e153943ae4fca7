package org.abilitymap.reports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.abilitymap.support.TestSystemActor;
import org.abilitymap.alignment.Alignment;
import org.abilitymap.alignment.AlignmentFixture;
import org.abilitymap.alignment.AlignmentTargets;
import org.abilitymap.alignment.Coverage;
import org.abilitymap.alignment.CurriculumMatrix;
import org.abilitymap.alignment.Gap;
import org.abilitymap.alignment.Orphan;
import org.abilitymap.alignment.Share;
import org.abilitymap.alignment.Target;
import org.abilitymap.cli.ExportCommand;
import org.abilitymap.curriculum.Course;
import org.abilitymap.imports.DocumentImport;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.PatientGraphQl;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.abilitymap.alignment.AlignmentFixture.ENTERPRISE_1;
import static org.abilitymap.alignment.AlignmentFixture.ENTERPRISE_2;
import static org.abilitymap.alignment.AlignmentFixture.ENTERPRISE_3;
import static org.abilitymap.alignment.AlignmentFixture.JOB_A;
import static org.abilitymap.alignment.AlignmentFixture.JOB_B;
import static org.abilitymap.alignment.AlignmentFixture.JOB_GROUP;
import static org.abilitymap.alignment.AlignmentFixture.PROGRAMME;
import static org.abilitymap.alignment.AlignmentFixture.submissionId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matrix and alignment exports on the alignment fixture (with a hostile point and course name): the
 * spreadsheets read back with POI agree with the {@link Alignment} service cell by cell, the HTML report prints and
 * escapes, the endpoints answer 404 and 400 plainly, and the command line writes a workbook POI opens.
 */
class ReportExportTest extends GraphTestSupport {

	private static final String HOSTILE_POINT = "<script>alert('point')</script>";

	private static final String HOSTILE_COURSE = "A & B <img src=x onerror=alert(1)>";

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final HttpClient http = HttpClient.newHttpClient();

	private final DataFormatter formatter = new DataFormatter();

	@LocalServerPort
	private int port;

	@Autowired
	private DocumentImport imports;

	@Autowired
	private Alignment alignment;

	@Autowired
	private AlignmentTargets targets;

	@Autowired
	private ExportCommand exportCommand;

	@TempDir
	private Path folder;

	@BeforeEach
	@SuppressWarnings("unchecked")
	void fixtureWithHostileNames() {
		AlignmentFixture fixture = new AlignmentFixture(imports, json, PatientGraphQl.of(graphQlTester));
		fixture.loadCatalogues();
		AlignmentFixture.SUBMISSIONS.forEach(fixture::importDocument);
		fixture.approve(submissionId(ENTERPRISE_1, JOB_A, 1), submissionId(ENTERPRISE_2, JOB_A, 1),
				submissionId(ENTERPRISE_1, JOB_B, 1), submissionId(ENTERPRISE_2, JOB_B, 1),
				submissionId(ENTERPRISE_3, JOB_B, 1), submissionId(ENTERPRISE_3, AlignmentFixture.JOB_C, 1));
		Map<String, Object> programme = fixture.document("programme.json");
		for (Object course : (List<Object>) programme.get("courses")) {
			Map<String, Object> c = (Map<String, Object>) course;
			if ("al-c-found".equals(c.get("id"))) {
				c.put("name", HOSTILE_COURSE);
			}
			for (Object teaching : (List<Object>) c.get("teaches")) {
				Map<String, Object> t = (Map<String, Object>) teaching;
				if ("al-kn-ethics".equals(t.get("pointId"))) {
					t.put("name", HOSTILE_POINT);
				}
			}
		}
		imports.importDocument(programme);
		fixture.importDocument("programme-2.json");
	}

	// --- alignment.xlsx ------------------------------------------------------------------------------------

	@Test
	void theAlignmentWorkbookHoldsTheServicesCoverageGapsAndOrphans() throws IOException {
		Response response = get("/api/programmes/" + PROGRAMME + "/alignment.xlsx");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).isEqualTo(XLSX);
		assertThat(response.header("Content-Disposition")).startsWith("attachment").contains("alignment-460702.xlsx");
		Alignment.Request request = new Alignment.Request(PROGRAMME, AlignmentTargets.programmeJobs());
		try (XSSFWorkbook workbook = workbook(response.body())) {
			assertThat(sheetNames(workbook)).containsExactly("说明 Summary", "覆盖率 Coverage", "缺口 Gaps", "孤立点 Orphans",
					"课程矩阵 Matrix", "教学明细 Teaching");
			String summary = text(workbook.getSheet("说明 Summary"));
			assertThat(summary).contains("新能源汽车技术", "460702", PROGRAMME, "本专业职业面向岗位", JOB_A, JOB_B,
					"生成时间\nGenerated at");
			assertCoverage(workbook.getSheet("覆盖率 Coverage"), alignment.coverage(List.of(request)).get(0));
			assertGaps(workbook.getSheet("缺口 Gaps"), alignment.gaps(request));
			assertOrphans(workbook.getSheet("孤立点 Orphans"), alignment.orphans(request));
			assertMatrix(workbook, alignment.matrix(PROGRAMME));
			for (String name : List.of("覆盖率 Coverage", "缺口 Gaps", "孤立点 Orphans", "教学明细 Teaching")) {
				Sheet sheet = workbook.getSheet(name);
				assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
				assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as(name).isEqualTo((short) 1);
				assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).as(name).contains("\n");
				assertThat(sheet.getColumnWidth(1)).as(name).isGreaterThan(6 * 256);
			}
		}
	}

	@Test
	void aJobGroupTargetIsMeasuredAndNamedInTheWorkbook() throws IOException {
		Response response = get("/api/programmes/" + PROGRAMME + "/alignment.xlsx?jobGroupId=" + JOB_GROUP);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Disposition")).contains("alignment-460702-" + JOB_GROUP + ".xlsx");
		Target target = targets.resolve(null, JOB_GROUP, null, AlignmentTargets.ArgumentNames.GRAPHQL);
		Alignment.Request request = new Alignment.Request(PROGRAMME, target);
		try (XSSFWorkbook workbook = workbook(response.body())) {
			assertThat(text(workbook.getSheet("说明 Summary"))).contains("岗位群 Job group", JOB_GROUP,
					AlignmentFixture.JOB_C);
			assertCoverage(workbook.getSheet("覆盖率 Coverage"), alignment.coverage(List.of(request)).get(0));
			assertGaps(workbook.getSheet("缺口 Gaps"), alignment.gaps(request));
			assertOrphans(workbook.getSheet("孤立点 Orphans"), alignment.orphans(request));
		}
	}

	// --- matrix.xlsx ---------------------------------------------------------------------------------------

	@Test
	void theMatrixWorkbookHasEveryCellsLevelAndHoursAndTheRequiredLevels() throws IOException {
		Response response = get("/api/programmes/" + PROGRAMME + "/matrix.xlsx");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).isEqualTo(XLSX);
		assertThat(response.header("Content-Disposition")).startsWith("attachment").contains("matrix-460702.xlsx");
		try (XSSFWorkbook workbook = workbook(response.body())) {
			assertThat(sheetNames(workbook)).containsExactly("说明 Summary", "课程矩阵 Matrix", "教学明细 Teaching");
			assertThat(text(workbook.getSheet("说明 Summary"))).contains("新能源汽车技术", "460702");
			assertMatrix(workbook, alignment.matrix(PROGRAMME));
		}
	}

	@Test
	void aProgrammeCanBeNamedByItsCode() {
		Response response = get("/api/programmes/460702/matrix.xlsx");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Disposition")).contains("matrix-460702.xlsx");
	}

	// --- alignment.html ------------------------------------------------------------------------------------

	@Test
	void theHtmlReportPrintsOnA4WithRepeatedHeadersAndEscapesEveryName() {
		Response response = get("/api/programmes/" + PROGRAMME + "/alignment.html");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).isEqualTo("text/html;charset=UTF-8");
		assertThat(response.header("Content-Disposition")).startsWith("inline").contains("alignment-460702.html");
		String html = new String(response.body(), StandardCharsets.UTF_8);
		assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"zh-CN\">", "<meta charset=\"utf-8\">",
				"@page { size: A4;", "thead { display: table-header-group; }", "tr { break-inside: avoid;",
				"\"Noto Sans CJK SC\", \"WenQuanYi Micro Hei\", \"Microsoft YaHei\", \"PingFang SC\", sans-serif",
				"<strong data-test=\"programme-name\">新能源汽车技术</strong>");
		Alignment.Request request = new Alignment.Request(PROGRAMME, AlignmentTargets.programmeJobs());
		List<Gap> gaps = alignment.gaps(request);
		assertThat(gaps).isNotEmpty();
		for (Gap gap : gaps) {
			assertThat(html).contains("data-point=\"" + gap.point().id() + "\"><td class=\"num\">")
				.contains(Html.escape(gap.point().name()));
		}
		assertThat(count(html, "<tr class=\"not_taught\"") + count(html, "<tr class=\"below_level\""))
			.isEqualTo(gaps.size());
		assertThat(count(html, " data-level=\"")).isEqualTo(alignment.matrix(PROGRAMME).cells().size());
		List<Orphan> orphans = alignment.orphans(request);
		assertThat(orphans).extracting(o -> o.point().name()).contains(HOSTILE_POINT);
		assertThat(html).contains("&lt;script&gt;alert(&#39;point&#39;)&lt;/script&gt;",
				"A &amp; B &lt;img src=x onerror=alert(1)&gt;")
			.doesNotContain(HOSTILE_POINT, "<img", "<script");
	}

	// --- errors --------------------------------------------------------------------------------------------

	@Test
	void anUnknownProgrammeIs404AndABadTargetIs400WithAMessage() {
		for (String file : List.of("matrix.xlsx", "alignment.xlsx", "alignment.html")) {
			Response missing = get("/api/programmes/no-such-programme/" + file);
			assertThat(missing.status()).as(file).isEqualTo(404);
			assertThat(missing.header("Content-Type")).as(file).startsWith("application/json");
			assertThat(missing.json()).as(file)
				.containsEntry("message", "There is no programme with id or code 'no-such-programme'.");
		}
		assertBadRequest("alignment.html?jobGroupId=no-such-group", "jobGroupId",
				"There is no job group with id 'no-such-group'.");
		assertBadRequest("alignment.xlsx?certificateId=no-such-cert", "certificateId",
				"There is no certificate with id 'no-such-cert'.");
		assertBadRequest("alignment.xlsx?jobIds=" + JOB_A + "&jobIds=no-such-job", "jobIds",
				"There is no job with id 'no-such-job'.");
		assertBadRequest("alignment.html?jobIds=" + JOB_A + "&certificateId=" + AlignmentFixture.CERTIFICATE, "target",
				"Give only one of 'jobIds', 'jobGroupId' or 'certificateId'.");
	}

	// --- command line --------------------------------------------------------------------------------------

	@Test
	void theCommandLineWritesAWorkbookPoiOpensWithTheServicesFigures() throws IOException {
		Path out = folder.resolve("report.xlsx");

		Run run = export("--format=alignment-xlsx", "--programme=460702", "--jobs=" + JOB_A + "," + JOB_B,
				"--out=" + out);

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("Wrote " + out + " (alignment-xlsx");
		assertThat(run.err()).contains("reading", "writing");
		Alignment.Request request = new Alignment.Request(PROGRAMME,
				targets.resolve(List.of(JOB_A, JOB_B), null, null, AlignmentTargets.ArgumentNames.GRAPHQL));
		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(out))) {
			assertThat(text(workbook.getSheet("说明 Summary"))).contains("所选岗位 Chosen jobs");
			assertCoverage(workbook.getSheet("覆盖率 Coverage"), alignment.coverage(List.of(request)).get(0));
			assertGaps(workbook.getSheet("缺口 Gaps"), alignment.gaps(request));
		}
	}

	@Test
	void theCommandLineWritesTheMatrixAndThePageUnderTheirDefaultNames() throws IOException {
		Path matrix = folder.resolve("m.xlsx");
		Path page = folder.resolve("a.html");

		Run matrixRun = export("--format=matrix-xlsx", "--programme=" + PROGRAMME, "--out=" + matrix);
		Run pageRun = export("--format=alignment-html", "--programme=" + PROGRAMME, "--job-group=" + JOB_GROUP,
				"--out=" + page);

		assertThat(matrixRun.exitCode()).as(matrixRun.err()).isZero();
		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(matrix))) {
			assertMatrix(workbook, alignment.matrix(PROGRAMME));
		}
		assertThat(pageRun.exitCode()).as(pageRun.err()).isZero();
		assertThat(Files.readString(page)).contains("新能源汽车技术", "岗位群", JOB_GROUP);
	}

	@Test
	void theCommandLineReportsAMissingProgrammeAndABadTargetByOption() {
		Run missing = export("--format=matrix-xlsx", "--out=" + folder.resolve("x.xlsx"));
		Run unknown = export("--format=alignment-xlsx", "--programme=nope", "--out=" + folder.resolve("x.xlsx"));
		Run badGroup = export("--format=alignment-html", "--programme=" + PROGRAMME, "--job-group=nope",
				"--out=" + folder.resolve("x.html"));
		Run twoTargets = export("--format=alignment-html", "--programme=" + PROGRAMME, "--job-group=" + JOB_GROUP,
				"--certificate=" + AlignmentFixture.CERTIFICATE, "--out=" + folder.resolve("x.html"));
		Run notAnOption = export("--format=matrix-xlsx", "--programme=" + PROGRAMME, "--jobs=" + JOB_A);

		assertThat(missing.exitCode()).isEqualTo(1);
		assertThat(missing.err()).contains("✘ --programme: Give the programme's id or code");
		assertThat(unknown.exitCode()).isEqualTo(1);
		assertThat(unknown.err()).contains("✘ --programme: There is no programme with id or code 'nope'.");
		assertThat(badGroup.exitCode()).isEqualTo(1);
		assertThat(badGroup.err()).contains("✘ --job-group: There is no job group with id 'nope'.");
		assertThat(twoTargets.exitCode()).isEqualTo(1);
		assertThat(twoTargets.err()).contains("✘ --jobs: Give only one of 'jobs', 'job-group' or 'certificate'.");
		assertThat(notAnOption.exitCode()).isEqualTo(2);
		assertThat(folder.toFile().list()).isEmpty();
	}

	// --- checks against the service ------------------------------------------------------------------------

	private void assertCoverage(Sheet sheet, Coverage coverage) {
		List<Share> expected = new ArrayList<>(List.of(coverage.overall(), coverage.skills(), coverage.knowledge()));
		List<String> ids = new ArrayList<>(List.of("", "SKILL", "KNOWLEDGE"));
		coverage.byBlock().forEach(b -> {
			expected.add(b.share());
			ids.add(b.block());
		});
		coverage.byJob().forEach(j -> {
			expected.add(j.share());
			ids.add(j.job().id());
		});
		assertThat(sheet.getLastRowNum()).isEqualTo(expected.size());
		for (int i = 0; i < expected.size(); i++) {
			Row row = sheet.getRow(i + 1);
			Share share = expected.get(i);
			assertThat(formatter.formatCellValue(row.getCell(2))).isEqualTo(ids.get(i));
			assertThat(numbers(row, 3, 4, 6, 7)).as(ids.get(i)).containsExactly((double) share.required(),
					(double) share.covered(), (double) share.requiredWeight(), (double) share.coveredWeight());
			assertPercent(row.getCell(5), share.ratio());
			assertPercent(row.getCell(8), share.weightedRatio());
		}
	}

	private void assertPercent(Cell cell, double ratio) {
		assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
		assertThat(cell.getNumericCellValue()).isEqualTo(ratio);
		assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
	}

	private void assertGaps(Sheet sheet, List<Gap> gaps) {
		assertThat(sheet.getLastRowNum()).isEqualTo(gaps.size());
		for (int i = 0; i < gaps.size(); i++) {
			Gap gap = gaps.get(i);
			Row row = sheet.getRow(i + 1);
			assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(i + 1);
			assertThat(strings(row, 1, 2, 3, 5, 6, 7, 9, 10)).as(gap.point().id()).containsExactly(
					Bilingual.gapKind(gap.kind()).joined(), gap.point().id(), gap.point().name(),
					Bilingual.pointKind(gap.point().kind()).joined(), Bilingual.requiredLevel(gap.requiredLevel()).joined(),
					Bilingual.teachingLevel(gap.taughtLevelRank()).joined(),
					gap.jobs().stream().map(j -> j.name()).collect(Collectors.joining("、")),
					gap.closestCourse() == null ? "" : gap.closestCourse().name());
			assertThat(row.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(gap.importance());
		}
	}

	private void assertOrphans(Sheet sheet, List<Orphan> orphans) {
		assertThat(sheet.getLastRowNum()).isEqualTo(orphans.size());
		for (int i = 0; i < orphans.size(); i++) {
			Orphan orphan = orphans.get(i);
			Row row = sheet.getRow(i + 1);
			assertThat(strings(row, 1, 2, 5)).containsExactly(orphan.point().id(), orphan.point().name(),
					Bilingual.teachingLevel(orphan.taughtLevelRank()).joined());
			for (Orphan.Teaching teaching : orphan.courses()) {
				assertThat(formatter.formatCellValue(row.getCell(6))).contains(teaching.course().name());
			}
		}
	}

	private void assertMatrix(XSSFWorkbook workbook, CurriculumMatrix matrix) {
		Sheet sheet = workbook.getSheet("课程矩阵 Matrix");
		int first = ReportWorkbooks.MATRIX_HEADER_COLUMNS;
		assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
		assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) ReportWorkbooks.MATRIX_HEADER_ROWS);
		assertThat(sheet.getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) first);
		assertThat(sheet.getRow(0).getLastCellNum()).isEqualTo((short) (first + matrix.points().size()));
		for (int p = 0; p < matrix.points().size(); p++) {
			CurriculumMatrix.MatrixPoint point = matrix.points().get(p);
			assertThat(sheet.getRow(0).getCell(first + p).getStringCellValue()).isEqualTo(point.point().name());
			assertThat(sheet.getRow(2).getCell(first + p).getStringCellValue())
				.isEqualTo(Bilingual.requiredLevel(point.requiredLevel()).zh());
			if (point.requiredLevelRank() > 0) {
				assertThat(sheet.getRow(3).getCell(first + p).getNumericCellValue()).isEqualTo(point.importance());
			}
		}
		assertThat(sheet.getLastRowNum()).isEqualTo(ReportWorkbooks.MATRIX_HEADER_ROWS - 1 + matrix.courses().size());
		Map<String, CurriculumMatrix.Cell> cells = matrix.cells().stream()
			.collect(Collectors.toMap(c -> c.courseId() + "|" + c.pointId(), c -> c));
		for (int c = 0; c < matrix.courses().size(); c++) {
			Course course = matrix.courses().get(c);
			Row row = sheet.getRow(ReportWorkbooks.MATRIX_HEADER_ROWS + c);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo(course.name());
			assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(course.hours());
			for (int p = 0; p < matrix.points().size(); p++) {
				CurriculumMatrix.Cell cell = cells.get(course.id() + "|" + matrix.points().get(p).point().id());
				XSSFCell written = (XSSFCell) row.getCell(first + p);
				assertThat(formatter.formatCellValue(written)).as(course.id() + " × " + matrix.points().get(p).point().id())
					.isEqualTo(cell == null ? "" : Bilingual.teachingLevel(cell.levelRank()).zh());
				if (cell != null) {
					assertThat(written.getCellStyle().getFillForegroundColorColor().getARGBHex())
						.isEqualTo(List.of("FFCFE1F6", "FF6EA8DC", "FF1D4F91").get(cell.levelRank() - 1));
				}
			}
		}
		Sheet teaching = workbook.getSheet("教学明细 Teaching");
		assertThat(teaching.getLastRowNum()).isEqualTo(matrix.cells().size());
		for (int r = 1; r <= teaching.getLastRowNum(); r++) {
			Row row = teaching.getRow(r);
			CurriculumMatrix.Cell cell = cells.remove(row.getCell(0).getStringCellValue() + "|" + row.getCell(3).getStringCellValue());
			assertThat(cell).as("row %d", r).isNotNull();
			assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(cell.levelRank());
			if (cell.hours() == null) {
				assertThat(row.getCell(8).getCellType()).isEqualTo(CellType.BLANK);
			}
			else {
				assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(cell.hours());
			}
		}
		assertThat(cells).isEmpty();
	}

	// --- helpers -------------------------------------------------------------------------------------------

	private List<Double> numbers(Row row, int... columns) {
		List<Double> values = new ArrayList<>();
		for (int column : columns) {
			assertThat(row.getCell(column).getCellType()).isEqualTo(CellType.NUMERIC);
			values.add(row.getCell(column).getNumericCellValue());
		}
		return values;
	}

	private List<String> strings(Row row, int... columns) {
		List<String> values = new ArrayList<>();
		for (int column : columns) {
			values.add(formatter.formatCellValue(row.getCell(column)));
		}
		return values;
	}

	private String text(Sheet sheet) {
		StringBuilder text = new StringBuilder();
		for (Row row : sheet) {
			for (Cell cell : row) {
				text.append(formatter.formatCellValue(cell)).append('\t');
			}
			text.append('\n');
		}
		return text.toString();
	}

	private static List<String> sheetNames(XSSFWorkbook workbook) {
		List<String> names = new ArrayList<>();
		workbook.forEach(sheet -> names.add(sheet.getSheetName()));
		return names;
	}

	private static XSSFWorkbook workbook(byte[] bytes) throws IOException {
		return new XSSFWorkbook(new ByteArrayInputStream(bytes));
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	private void assertBadRequest(String path, String argument, String message) {
		Response response = get("/api/programmes/" + PROGRAMME + "/" + path);
		assertThat(response.status()).as(path).isEqualTo(400);
		assertThat(response.json()).as(path).containsEntry("argument", argument).containsEntry("message", message);
	}

	private record Response(int status, Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
				.map(e -> e.getValue().get(0)).orElse(null);
		}

		@SuppressWarnings("unchecked")
		Map<String, Object> json() {
			return JsonMapper.builder().build().readValue(body, Map.class);
		}
	}

	private Response get(String path) {
		try {
			HttpResponse<InputStream> response = http.send(
					TestSystemActor.request(URI.create("http://localhost:" + port + path)).GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				return new Response(response.statusCode(), response.headers().map(), body.readAllBytes());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Run(int exitCode, String out, String err) {
	}

	private Run export(String... arguments) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = exportCommand.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}
}
