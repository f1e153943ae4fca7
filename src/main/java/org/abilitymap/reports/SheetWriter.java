package org.abilitymap.reports;

import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes one sheet row by row with the reports' shared cell styles, remembering each column's widest text so the
 * widths fit what was written; A4 printing with the header rows repeated.
 */
final class SheetWriter {

	/** The cell styles of one workbook, created once (a workbook holds at most 64,000 styles). */
	static final class Styles {

		final XSSFCellStyle title;

		final XSSFCellStyle header;

		final XSSFCellStyle label;

		final XSSFCellStyle text;

		final XSSFCellStyle wrapped;

		final XSSFCellStyle integer;

		final XSSFCellStyle decimal;

		final XSSFCellStyle percent;

		final XSSFCellStyle pointName;

		final XSSFCellStyle centred;

		final XSSFCellStyle notRequired;

		final XSSFCellStyle gapColumn;

		final XSSFCellStyle notTaught;

		final XSSFCellStyle belowLevel;

		final XSSFCellStyle[] levels = new XSSFCellStyle[4];

		Styles(XSSFWorkbook workbook) {
			XSSFFont bold = workbook.createFont();
			bold.setBold(true);
			XSSFFont large = workbook.createFont();
			large.setBold(true);
			large.setFontHeightInPoints((short) 14);
			XSSFFont white = workbook.createFont();
			white.setColor(colour("#ffffff"));
			white.setBold(true);
			title = workbook.createCellStyle();
			title.setFont(large);
			header = bordered(workbook);
			header.setFont(bold);
			header.setWrapText(true);
			header.setVerticalAlignment(VerticalAlignment.CENTER);
			fill(header, "#dce6f1");
			label = workbook.createCellStyle();
			label.setFont(bold);
			label.setWrapText(true);
			label.setVerticalAlignment(VerticalAlignment.TOP);
			fill(label, "#eef1f5");
			text = bordered(workbook);
			text.setVerticalAlignment(VerticalAlignment.TOP);
			wrapped = bordered(workbook);
			wrapped.setWrapText(true);
			wrapped.setVerticalAlignment(VerticalAlignment.TOP);
			integer = bordered(workbook);
			integer.setDataFormat(workbook.createDataFormat().getFormat("0"));
			decimal = bordered(workbook);
			decimal.setDataFormat(workbook.createDataFormat().getFormat("General"));
			percent = bordered(workbook);
			percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
			pointName = bordered(workbook);
			pointName.setFont(bold);
			pointName.setRotation((short) 255);
			pointName.setAlignment(HorizontalAlignment.CENTER);
			pointName.setVerticalAlignment(VerticalAlignment.BOTTOM);
			fill(pointName, "#dce6f1");
			centred = bordered(workbook);
			centred.setAlignment(HorizontalAlignment.CENTER);
			notRequired = centred(workbook, "#efedf8", null);
			gapColumn = centred(workbook, "#d64545", white);
			notTaught = centred(workbook, "#fdecec", null);
			belowLevel = centred(workbook, "#fdf3e2", null);
			levels[0] = centred;
			levels[1] = centred(workbook, "#cfe1f6", null);
			levels[2] = centred(workbook, "#6ea8dc", null);
			levels[3] = centred(workbook, "#1d4f91", white);
		}

		/** The style of a cell taught at a level rank 1–3, filled light to dark like the web page's matrix. */
		XSSFCellStyle level(int rank) {
			return levels[Math.max(0, Math.min(3, rank))];
		}

		private static XSSFCellStyle bordered(XSSFWorkbook workbook) {
			XSSFCellStyle style = workbook.createCellStyle();
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			XSSFColor grey = colour("#b7c2cf");
			style.setTopBorderColor(grey);
			style.setBottomBorderColor(grey);
			style.setLeftBorderColor(grey);
			style.setRightBorderColor(grey);
			return style;
		}

		private static XSSFCellStyle centred(XSSFWorkbook workbook, String background, XSSFFont font) {
			XSSFCellStyle style = bordered(workbook);
			style.setAlignment(HorizontalAlignment.CENTER);
			fill(style, background);
			if (font != null) {
				style.setFont(font);
			}
			return style;
		}

		private static void fill(XSSFCellStyle style, String hex) {
			style.setFillForegroundColor(colour(hex));
			style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		}

		private static XSSFColor colour(String hex) {
			int rgb = Integer.parseInt(hex.substring(1), 16);
			return new XSSFColor(new byte[] { (byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb }, null);
		}
	}

	private static final int MIN_WIDTH = 6;

	private static final int MAX_WIDTH = 60;

	private final XSSFSheet sheet;

	private final Styles styles;

	private final Map<Integer, Integer> widths = new HashMap<>();

	private XSSFRow row;

	private int column;

	SheetWriter(XSSFWorkbook workbook, Styles styles, Bilingual name) {
		this.sheet = workbook.createSheet(name.zh() + " " + name.en());
		this.styles = styles;
		PrintSetup print = sheet.getPrintSetup();
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
	}

	XSSFSheet sheet() {
		return sheet;
	}

	Styles styles() {
		return styles;
	}

	int rowIndex() {
		return row == null ? -1 : row.getRowNum();
	}

	/** Starts the next row. */
	SheetWriter row() {
		row = sheet.createRow(row == null ? 0 : row.getRowNum() + 1);
		column = 0;
		return this;
	}

	/** Starts the next row with a height for this many lines of text. */
	SheetWriter row(int lines) {
		row();
		row.setHeightInPoints(Math.max(1, lines) * sheet.getDefaultRowHeightInPoints());
		return this;
	}

	/** Skips a row. */
	SheetWriter gap() {
		row();
		return this;
	}

	SheetWriter header(Bilingual... labels) {
		row(2);
		for (Bilingual label : labels) {
			text(label.twoLines(), styles.header);
		}
		return this;
	}

	SheetWriter text(String value) {
		return text(value, styles.text);
	}

	SheetWriter text(String value, XSSFCellStyle style) {
		XSSFCell cell = next(style);
		if (value != null) {
			cell.setCellValue(value);
			measure(cell.getColumnIndex(), value);
		}
		return this;
	}

	SheetWriter integer(long value) {
		next(styles.integer).setCellValue(value);
		measure(column - 1, Long.toString(value));
		return this;
	}

	SheetWriter integer(long value, XSSFCellStyle style) {
		next(style).setCellValue(value);
		measure(column - 1, Long.toString(value));
		return this;
	}

	/** A number, or an empty cell when there is none. */
	SheetWriter number(Double value) {
		XSSFCell cell = next(styles.decimal);
		if (value != null) {
			cell.setCellValue(value);
			measure(column - 1, String.valueOf(value));
		}
		return this;
	}

	/** A ratio 0–1 shown as a percentage. */
	SheetWriter percent(double ratio) {
		next(styles.percent).setCellValue(ratio);
		measure(column - 1, "100.0%");
		return this;
	}

	SheetWriter blank(XSSFCellStyle style) {
		next(style);
		return this;
	}

	/** Sets a column's width to fit at least this many characters, whatever was written in it. */
	SheetWriter width(int columnIndex, int characters) {
		widths.put(columnIndex, -characters);
		return this;
	}

	/** Freezes the rows above and the columns left of the given cell, and repeats those rows on printed pages. */
	SheetWriter freeze(int columns, int rows) {
		sheet.createFreezePane(columns, rows);
		if (rows > 0) {
			sheet.setRepeatingRows(new CellRangeAddress(0, rows - 1, -1, -1));
		}
		return this;
	}

	/** Turns on the spreadsheet's filter buttons on the header row over the written columns. */
	SheetWriter filter(int headerRow, int columns) {
		if (rowIndex() > headerRow) {
			sheet.setAutoFilter(new CellRangeAddress(headerRow, rowIndex(), 0, columns - 1));
		}
		return this;
	}

	/** Sets the widths from the widest text of each column, within limits. */
	void finish() {
		widths.forEach((index, width) -> {
			int characters = width < 0 ? -width : Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, width + 2));
			sheet.setColumnWidth(index, characters * 256);
		});
	}

	private XSSFCell next(XSSFCellStyle style) {
		XSSFCell cell = row.createCell(column++);
		cell.setCellStyle(style);
		return cell;
	}

	private void measure(int columnIndex, String value) {
		Integer fixed = widths.get(columnIndex);
		if (fixed != null && fixed < 0) {
			return;
		}
		int widest = 0;
		for (String line : value.split("\n")) {
			widest = Math.max(widest, displayWidth(line));
		}
		widths.merge(columnIndex, widest, Math::max);
	}

	/** Width in spreadsheet characters: Chinese characters take two. */
	static int displayWidth(String text) {
		int width = 0;
		for (int i = 0; i < text.length(); i++) {
			width += Character.isIdeographic(text.codePointAt(i)) || text.charAt(i) >= 0x3000 ? 2 : 1;
		}
		return width;
	}
}
