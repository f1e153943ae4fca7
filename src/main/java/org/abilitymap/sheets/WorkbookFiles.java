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
 * not UTF-8 but are valid GB18030 that decodes to Chinese text).
 */
final class WorkbookFiles {

	private static final Charset GB18030 = Charset.forName("GB18030");

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
			// POI throws unchecked exceptions of many kinds for files that are zips but not workbooks
			throw new InvalidSheetException(List.of(SheetProblem.at(Location.FILE,
					ProblemCode.MALFORMED, "The file is not a readable .xlsx workbook: " + ex.getMessage()
							+ ". Save it from Excel or WPS as 'Excel Workbook (*.xlsx)'.", null)));
		}
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
	 * when they are valid GB18030 and give Chinese text, else the file is refused naming the encodings accepted.
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
			try {
				String text = decoder(GB18030).decode(ByteBuffer.wrap(bytes)).toString();
				if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
					return new Decoded(text, "GB18030");
				}
			}
			catch (CharacterCodingException notGb18030) {
				// refused below
			}
			throw new InvalidSheetException(List.of(SheetProblem.at(Location.FILE,
					ProblemCode.MALFORMED, "The CSV file is neither UTF-8 nor GB18030/GBK text (checked at byte "
							+ firstBadUtf8Byte(bytes) + "). Save it as 'CSV UTF-8 (comma delimited)'.", null)));
		}
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
