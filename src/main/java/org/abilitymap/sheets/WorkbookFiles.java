package org.abilitymap.sheets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

import org.abilitymap.documents.ProblemCode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads uploaded bytes into {@link SheetTable}s: .xlsx workbooks with Apache POI, CSV files with Commons CSV after
 * working out their encoding (UTF-8 with or without byte-order mark, UTF-16 with one, or GB18030 when the bytes are
 * not UTF-8, are valid GB18030 that decodes to Chinese text, and ICU's detector does not take them for another
 * encoding such as Shift_JIS, Big5 or EUC-KR).
 */
final class WorkbookFiles {

	private static final Charset GB18030 = Charset.forName("GB18030");

	/** What the refusal of a CSV file's encoding says is accepted. */
	private static final String ACCEPTED = "Accepted are UTF-8 (with or without byte-order mark), GB18030/GBK/GB2312 "
			+ "Chinese text, and UTF-16 with a byte-order mark; save the file as 'CSV UTF-8 (comma delimited)'.";

	/** Multi-byte East Asian encodings that ICU's detector tells apart from GB18030, with what they are used for. */
	private static final Map<String, String> OTHER_CJK = Map.of("Shift_JIS", "Japanese", "EUC-JP", "Japanese",
			"ISO-2022-JP", "Japanese", "Big5", "traditional Chinese", "EUC-KR", "Korean", "ISO-2022-KR", "Korean",
			"ISO-2022-CN", "Chinese");

	/** Reported by ICU for nearly any bytes, at a low confidence; never taken for a rival to GB18030. */
	private static final Set<String> ALWAYS_GUESSED = Set.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE");

	/** The lowest confidence (0–100) at which a single-byte encoding's guess outweighs valid GB18030 Chinese text. */
	private static final int SINGLE_BYTE_RIVAL = 50;

	/** The lowest confidence at which another East Asian encoding's guess, at least GB18030's, refuses the file. */
	private static final int CJK_RIVAL = 11;

	/** The kinds of file told apart by their first bytes. */
	enum FileType {
		XLSX, XLS, CSV
	}

	/** A CSV file's text and the encoding it was read in. */
	record Decoded(String text, String encoding) {
	}

	private WorkbookFiles() {
	}

	/** An .xlsx file is a zip archive, an old .xls an OLE2 file; everything else is taken for CSV text. */
	static FileType typeOf(byte[] bytes) {
		if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
			return FileType.XLSX;
		}
		if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11
				&& (bytes[3] & 0xFF) == 0xE0) {
			return FileType.XLS;
		}
		return FileType.CSV;
	}

	/** Every sheet of a workbook by name, in workbook order. */
	static Map<String, SheetTable> readXlsx(byte[] bytes, int maxRows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Map<String, SheetTable> sheets = new LinkedHashMap<>();
			for (Sheet sheet : workbook) {
				List<SheetTable.Row> rows = new ArrayList<>();
				for (Row row : sheet) {
					if (rows.size() > maxRows + 2) {
						break; // the row limit is reported when the rows are read
					}
					List<Object> cells = new ArrayList<>();
					for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
						cells.add(value(row.getCell(c)));
					}
					rows.add(new SheetTable.Row(row.getRowNum() + 1, cells));
				}
				sheets.put(sheet.getSheetName(), new SheetTable(sheet.getSheetName(), false, rows));
			}
			return sheets;
		}
		catch (IOException | RuntimeException ex) {
			// POI throws unchecked exceptions of many kinds for files that are zips but not workbooks; its messages
			// describe its internals, so the answer only says which of the two cases this is
			throw new InvalidSheetException(List.of(SheetProblem.at(Location.FILE, ProblemCode.MALFORMED,
					zipHoldsWorkbookParts(bytes)
							? "The file is a damaged workbook: it has the parts of an .xlsx workbook but they cannot be "
									+ "read (it may be cut short or edited by another program). Open it in Excel or WPS "
									+ "and save it again as 'Excel Workbook (*.xlsx)'."
							: "The file is not an .xlsx workbook: it is a zip archive without the parts of one (or a "
									+ "damaged one). Save it from Excel or WPS as 'Excel Workbook (*.xlsx)'.",
					null)));
		}
	}

	/** Whether a zip archive's entries can be listed and include a workbook's content types and workbook part. */
	private static boolean zipHoldsWorkbookParts(byte[] bytes) {
		boolean contentTypes = false;
		boolean workbook = false;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				contentTypes |= entry.getName().equals("[Content_Types].xml");
				workbook |= entry.getName().startsWith("xl/workbook");
			}
		}
		catch (IOException | RuntimeException unreadable) {
			// a zip cut short still shows the entries before the cut
		}
		return contentTypes && workbook;
	}

	private static Object value(Cell cell) {
		if (cell == null) {
			return null;
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		return switch (type) {
			case STRING -> cell.getStringCellValue();
			case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate()
					: (Object) cell.getNumericCellValue();
			case BOOLEAN -> cell.getBooleanCellValue();
			case ERROR -> "#ERROR";
			default -> null;
		};
	}

	/** A CSV file as one table; its delimiter is a comma, or a tab or semicolon when the first line has more of those. */
	static SheetTable readCsv(String name, Decoded decoded, int maxRows) {
		String text = decoded.text();
		String firstLine = text.lines().findFirst().orElse("");
		char delimiter = ',';
		long commas = firstLine.chars().filter(c -> c == ',').count();
		for (char candidate : new char[] {'\t', ';'}) {
			long count = firstLine.chars().filter(c -> c == candidate).count();
			if (count > commas) {
				delimiter = candidate;
				commas = count;
			}
		}
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
		List<SheetTable.Row> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			int number = 0;
			for (CSVRecord record : parser) {
				number++;
				if (rows.size() > maxRows + 2) {
					break;
				}
				rows.add(new SheetTable.Row(number, new ArrayList<>(record.toList())));
			}
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException ex) {
			throw new InvalidSheetException(List.of(SheetProblem.at(Location.FILE,
					ProblemCode.MALFORMED, "The CSV file cannot be read: " + ex.getMessage(), null)));
		}
		return new SheetTable(name, true, rows);
	}

	/**
	 * The text of a CSV file. UTF-8 (with or without byte-order mark) and UTF-16 with a byte-order mark are read as
	 * such; other bytes are read as GB18030 (which includes GBK and GB2312, what Excel on Chinese Windows saves) only
	 * when they are valid GB18030, give Chinese text, and are not taken by ICU's detector for another encoding (or by
	 * their characters for Japanese or traditional Chinese); else the file is refused naming the encodings accepted.
	 */
	static Decoded decode(byte[] bytes) {
		if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
			return new Decoded(strictly(bytes, 3, StandardCharsets.UTF_8, "UTF-8 (it starts with the UTF-8 byte-order mark)"),
					"UTF-8");
		}
		if (startsWith(bytes, 0xFF, 0xFE)) {
			return new Decoded(strictly(bytes, 2, StandardCharsets.UTF_16LE, "UTF-16"), "UTF-16LE");
		}
		if (startsWith(bytes, 0xFE, 0xFF)) {
			return new Decoded(strictly(bytes, 2, StandardCharsets.UTF_16BE, "UTF-16"), "UTF-16BE");
		}
		try {
			return new Decoded(decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes)).toString(), "UTF-8");
		}
		catch (CharacterCodingException notUtf8) {
			int row = rowOf(bytes, firstBadUtf8Byte(bytes) - 1);
			String where = "row " + row + ", byte " + firstBadUtf8Byte(bytes);
			String text;
			try {
				text = decoder(GB18030).decode(ByteBuffer.wrap(bytes)).toString();
			}
			catch (CharacterCodingException notGb18030) {
				text = null;
			}
			if (text == null || text.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
				throw refuseEncoding(row, "The CSV file is neither UTF-8 nor GB18030/GBK Chinese text"
						+ guessed(bytes) + " (first seen at " + where + "). " + ACCEPTED);
			}
			String rival = rivalOfGb18030(bytes);
			if (rival != null) {
				throw refuseEncoding(row, "The CSV file is not UTF-8, and it is not taken for GB18030/GBK either: it looks like "
						+ rival + " (first non-ASCII text at " + where + "). Text in that encoding would be read as "
						+ "garbled Chinese, so it is refused rather than guessed at. " + ACCEPTED);
			}
			int foreign = firstOutsideGb2312(bytes);
			if (foreign >= 0) {
				throw refuseEncoding(rowOf(bytes, foreign), "The CSV file is not UTF-8, and its bytes read as GB18030 give mostly characters "
						+ "that simplified Chinese text does not use (such as kana or rare variants; first at row "
						+ rowOf(bytes, foreign) + ", byte " + (foreign + 1) + "), as Japanese Shift_JIS or traditional "
						+ "Chinese Big5 text would; it is refused rather than guessed at. " + ACCEPTED);
			}
			return new Decoded(text, "GB18030");
		}
	}

	/**
	 * The encoding ICU's detector prefers to GB18030 for bytes that are valid GB18030, described, or {@code null}.
	 * On short texts ICU's confidence is low for every encoding (often 10 for all), so only a clear preference counts:
	 * another East Asian encoding at least as likely as GB18030, or a single-byte one well ahead of it.
	 */
	private static String rivalOfGb18030(byte[] bytes) {
		CharsetDetector detector = new CharsetDetector();
		detector.setText(bytes);
		CharsetMatch[] matches = detector.detectAll();
		int gb = 0;
		for (CharsetMatch match : matches) {
			if (match.getName().equals("GB18030")) {
				gb = Math.max(gb, match.getConfidence());
			}
		}
		for (CharsetMatch match : matches) {
			String name = match.getName();
			int confidence = match.getConfidence();
			if (name.equals("GB18030") || ALWAYS_GUESSED.contains(name)) {
				continue;
			}
			if (OTHER_CJK.containsKey(name) && confidence >= CJK_RIVAL && confidence >= gb) {
				return name + " (" + OTHER_CJK.get(name) + ") text";
			}
			if (!OTHER_CJK.containsKey(name) && confidence >= SINGLE_BYTE_RIVAL && confidence > gb) {
				return name + " text";
			}
		}
		return null;
	}

	/** ICU's best guess at an encoding, as a clause for a message, or nothing when it has no confident one. */
	private static String guessed(byte[] bytes) {
		CharsetDetector detector = new CharsetDetector();
		detector.setText(bytes);
		CharsetMatch best = detector.detect();
		return best == null || best.getConfidence() < SINGLE_BYTE_RIVAL || ALWAYS_GUESSED.contains(best.getName()) ? ""
				: "; it looks like " + best.getName() + (OTHER_CJK.containsKey(best.getName())
						? " (" + OTHER_CJK.get(best.getName()) + ")" : "") + " text";
	}

	/**
	 * The offset of the first character outside GB2312 (the simplified Chinese set: its symbol rows without kana,
	 * and its hanzi) when more than a fifth of the file's non-ASCII characters are outside it, else -1. GBK and
	 * GB18030 texts use a few characters beyond GB2312; Shift_JIS and Big5 bytes read as GB18030 give many.
	 */
	private static int firstOutsideGb2312(byte[] bytes) {
		int characters = 0;
		int outside = 0;
		int first = -1;
		for (int i = 0; i < bytes.length;) {
			int lead = bytes[i] & 0xFF;
			if (lead < 0x80) {
				i++;
				continue;
			}
			int trail = i + 1 < bytes.length ? bytes[i + 1] & 0xFF : 0;
			boolean fourBytes = trail >= 0x30 && trail <= 0x39;
			boolean inGb2312 = !fourBytes && trail >= 0xA1 && trail <= 0xFE
					&& (lead >= 0xA1 && lead <= 0xA9 && lead != 0xA4 && lead != 0xA5 || lead >= 0xB0 && lead <= 0xF7);
			characters++;
			if (!inGb2312) {
				outside++;
				first = first < 0 ? i : first;
			}
			i += fourBytes ? 4 : 2;
		}
		return outside * 5 > characters ? first : -1;
	}

	/** The 1-based line of the file a byte offset is on. */
	private static int rowOf(byte[] bytes, int offset) {
		int row = 1;
		for (int i = 0; i < Math.min(offset, bytes.length); i++) {
			if (bytes[i] == '\n') {
				row++;
			}
		}
		return row;
	}

	/** A refusal located at the CSV row where the bytes first show they are not in an accepted encoding. */
	private static InvalidSheetException refuseEncoding(int row, String message) {
		return new InvalidSheetException(List.of(SheetProblem.at(new Location(null, row, null, null),
				ProblemCode.MALFORMED, message, null)));
	}

	private static String strictly(byte[] bytes, int offset, Charset charset, String claimed) {
		try {
			return decoder(charset).decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
		}
		catch (CharacterCodingException ex) {
			throw new InvalidSheetException(List.of(SheetProblem.at(Location.FILE,
					ProblemCode.MALFORMED, "The CSV file claims to be " + claimed + " but is not valid " + charset.name()
							+ " text. Save it again as 'CSV UTF-8 (comma delimited)'.", null)));
		}
	}

	private static java.nio.charset.CharsetDecoder decoder(Charset charset) {
		return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	private static int firstBadUtf8Byte(byte[] bytes) {
		var decoder = decoder(StandardCharsets.UTF_8);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length + 1);
		decoder.decode(in, out, true);
		return in.position() + 1;
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
