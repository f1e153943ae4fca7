package org.abilitymap.sheets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.abilitymap.documents.ProblemCode;
import org.abilitymap.jobs.SubmissionResult;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.MultipartFile;
import org.abilitymap.support.TestSystemActor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Odd bytes in uploaded spreadsheets: CSV files in East Asian encodings other than GB18030 are refused rather than
 * read as garbled Chinese, short Chinese GB18030 files are still read, and files that are not (or no longer) .xlsx
 * workbooks get a plain message, never the spreadsheet library's internals; nothing refused writes anything.
 */
class SpreadsheetBytesTest extends GraphTestSupport {

	/** Work-task rows as a Japanese enterprise would write them. */
	private static final String JAPANESE = """
			プロジェクト名,タスク名,ステップ名,スキル名,知識
			電池パック組立ラインの調整,高電圧コネクタの取り付け,通電前に絶縁抵抗を確認する,絶縁抵抗の測定,絶縁抵抗の限界値
			電池パック組立ラインの調整,高電圧コネクタの取り付け,トルクでコネクタを締める,トルクレンチの使い方,締め付けトルクの基準
			電池パックの出荷検査,気密性の検査,気密検査装置を接続する,気密検査装置の操作,気密検査の手順
			""";

	/** The same in traditional Chinese, as saved on Windows in Taiwan or Hong Kong. */
	private static final String TRADITIONAL_CHINESE = """
			專案名稱,任務名稱,步驟名稱,技能名稱,知識點
			電池包裝配線調試,高壓連接器安裝,上電前檢測絕緣電阻,絕緣電阻檢測,動力電池絕緣電阻限值
			電池包裝配線調試,高壓連接器安裝,按力矩緊固連接器,扭矩扳手使用,緊固力矩標準
			電池包下線檢測,氣密性檢測,連接氣密檢測儀,氣密性檢測儀操作,氣密檢測流程
			""";

	/** The same in Korean. */
	private static final String KOREAN = """
			프로젝트명,작업명,단계명,기술명,지식
			배터리 팩 조립 라인 조정,고전압 커넥터 설치,통전 전 절연 저항 확인,절연 저항 측정,절연 저항 한계값
			배터리 팩 조립 라인 조정,고전압 커넥터 설치,토크로 커넥터 체결,토크 렌치 사용,체결 토크 기준
			배터리 팩 출하 검사,기밀성 검사,기밀 검사기 연결,기밀 검사기 조작,기밀 검사 절차
			""";

	@Autowired
	private SpreadsheetImport spreadsheets;

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void catalog() {
		loadCatalog();
	}

	@Test
	void csvInShiftJisBig5OrEucKrIsRefusedNamingTheEncodingAndWritesNothing() {
		List<String> before = fingerprint();
		Map<String, String> texts = Map.of("Shift_JIS", JAPANESE, "Big5", TRADITIONAL_CHINESE, "EUC-KR", KOREAN);

		texts.forEach((encoding, text) -> {
			byte[] bytes = encodedStrictly(text, encoding);
			InvalidSheetException refused = catchThrowableOfType(InvalidSheetException.class,
					() -> spreadsheets.importFile(bytes, "tasks.csv", null));

			assertThat(refused).as(encoding).isNotNull();
			assertThat(refused.sheetProblems()).as(encoding).singleElement().satisfies(problem -> {
				assertThat(problem.code()).isEqualTo(ProblemCode.MALFORMED);
				assertThat(problem.row()).as("the first line already has non-ASCII text").isEqualTo(1);
				assertThat(problem.path()).isEqualTo("CSV row 1");
				assertThat(problem.message()).contains("looks like " + encoding, "UTF-8", "GB18030/GBK",
						"refused rather than guessed at");
			});
		});
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void theEncodingsTheDetectorWouldMistakeForChineseAreToldApartFromGb18030() {
		for (String encoding : List.of("Shift_JIS", "Big5", "EUC-KR")) {
			String text = encoding.equals("Shift_JIS") ? JAPANESE : encoding.equals("Big5") ? TRADITIONAL_CHINESE : KOREAN;
			byte[] bytes = encodedStrictly(text, encoding);

			assertThat(decodes(bytes, "GB18030")).as("%s bytes are also valid GB18030, as garbled Chinese", encoding)
				.isTrue();
			assertThat(catchThrowableOfType(InvalidSheetException.class, () -> WorkbookFiles.decode(bytes)))
				.as(encoding).isNotNull();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = {"项目,任务\n电池,检测\n", "名称\n绝缘电阻检测\n", "技能\n使用兆欧表测量绝缘电阻\n",
			"项目名称,任务名称,步骤名称,技能名称,知识点\n电池包装配线调试,高压连接器安装,上电前检测绝缘电阻,绝缘电阻检测,动力电池绝缘电阻限值\n"})
	void shortChineseCsvInGb18030IsStillRead(String text) {
		WorkbookFiles.Decoded decoded = WorkbookFiles.decode(encodedStrictly(text, "GB18030"));

		assertThat(decoded.encoding()).isEqualTo("GB18030");
		assertThat(decoded.text()).isEqualTo(text);
	}

	@Test
	void utf8AndUtf16WithAByteOrderMarkAreReadAsBefore() {
		String text = "技能\n绝缘电阻检测\n";

		assertThat(WorkbookFiles.decode(text.getBytes(StandardCharsets.UTF_8)).encoding()).isEqualTo("UTF-8");
		assertThat(WorkbookFiles.decode(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8)).text()).isEqualTo(text);
		assertThat(WorkbookFiles.decode(("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE)))
			.isEqualTo(new WorkbookFiles.Decoded(text, "UTF-16LE"));
		assertThat(WorkbookFiles.decode(("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE)))
			.isEqualTo(new WorkbookFiles.Decoded(text, "UTF-16BE"));
	}

	@Test
	void aFileNamedXlsxThatIsNotAZipIsNotReadAsCsv() throws Exception {
		List<String> before = fingerprint();
		byte[] csvText = FilledTemplates.csv(FilledTemplates.workTaskRows(document("submission-a.json")),
				StandardCharsets.UTF_8, false);

		SheetProblem problem = onlyProblem(csvText, "任务.xlsx");
		assertThat(problem.message()).contains("'任务.xlsx' is not an .xlsx workbook").doesNotContain("header", "column", "missing");

		HttpResponse<String> multipart = postMultipart("/api/submissions", "任务.xlsx", "just some text".getBytes(
				StandardCharsets.UTF_8));
		assertThat(multipart.statusCode()).isEqualTo(422);
		assertThat(multipart.body()).contains("is not an .xlsx workbook", "nothing was written");
		HttpResponse<String> body = post("/api/submissions", SpreadsheetUploads.XLSX, csvText);
		assertThat(body.statusCode()).isEqualTo(422);
		assertThat(body.body()).contains("is not an .xlsx workbook").doesNotContain("REQUIRED", "missing");
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void aCsvFileStillImportsUnderItsOwnName() {
		byte[] csvText = FilledTemplates.csv(FilledTemplates.workTaskRows(document("submission-a.json")),
				StandardCharsets.UTF_8, false);

		assertThat(((SubmissionResult) spreadsheets.importFile(csvText, "任务.csv", null).result()).outcome())
			.isEqualTo(SubmissionResult.Outcome.CREATED);
	}

	@Test
	void aZipThatIsNotAWorkbookAndADamagedWorkbookGetPlainMessages() throws IOException {
		List<String> before = fingerprint();
		byte[] workbook = FilledTemplates.xlsx(Templates.WORK_TASKS,
				Map.of(Templates.WORK_TASKS_SHEET.name(), FilledTemplates.workTaskRows(document("submission-a.json"))));

		byte[] otherZip = zip(Map.of("readme.txt", "hello".getBytes(StandardCharsets.UTF_8)));
		assertThat(onlyProblem(otherZip, "tasks.xlsx").message()).startsWith("The file is not an .xlsx workbook");

		byte[] brokenPart = replaced(workbook, "xl/workbook.xml", "<workbook".getBytes(StandardCharsets.UTF_8));
		assertThat(onlyProblem(brokenPart, "tasks.xlsx").message()).startsWith("The file is a damaged workbook");

		byte[] cutShort = Arrays.copyOf(workbook, workbook.length / 2);
		assertThat(onlyProblem(cutShort, "tasks.xlsx").message()).containsAnyOf("damaged workbook", "not an .xlsx workbook");
		assertThat(fingerprint()).isEqualTo(before);
	}

	/** The one problem a refused file has, at the file, told without the library's internals. */
	private SheetProblem onlyProblem(byte[] bytes, String fileName) {
		InvalidSheetException refused = catchThrowableOfType(InvalidSheetException.class,
				() -> spreadsheets.importFile(bytes, fileName, null));
		assertThat(refused).isNotNull();
		assertThat(refused.sheetProblems()).hasSize(1);
		SheetProblem problem = refused.sheetProblems().get(0);
		assertThat(problem.code()).isEqualTo(ProblemCode.MALFORMED);
		assertThat(problem.path()).isEqualTo("file");
		assertThat(problem.message()).contains("Excel Workbook (*.xlsx)")
			.doesNotContainIgnoringCase("exception")
			.doesNotContainIgnoringCase("poi")
			.doesNotContain("org.apache", "java.", "Zip", "OOXML", "package");
		return problem;
	}

	private static byte[] encodedStrictly(String text, String encoding) {
		try {
			ByteBuffer bytes = Charset.forName(encoding).newEncoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
			return Arrays.copyOf(bytes.array(), bytes.limit());
		}
		catch (CharacterCodingException ex) {
			throw new AssertionError("the test text is not all " + encoding, ex);
		}
	}

	private static boolean decodes(byte[] bytes, String encoding) {
		try {
			Charset.forName(encoding).newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static byte[] zip(Map<String, byte[]> entries) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	/** A copy of a zip archive with one entry's content replaced. */
	private static byte[] replaced(byte[] archive, String name, byte[] content) throws IOException {
		Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.put(entry.getName(), entry.getName().equals(name) ? content : zip.readAllBytes());
			}
		}
		assertThat(entries).containsKey(name);
		return zip(entries);
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
