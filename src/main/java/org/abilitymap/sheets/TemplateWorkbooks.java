package org.abilitymap.sheets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the templates as workbooks: an instructions sheet (rules, every column explained, example rows), then one
 * sheet per {@link SheetLayout} with Chinese headers on row 1, English on row 2 and drop-down lists and number
 * checks on the data rows.
 */
final class TemplateWorkbooks {

	/** Rows below the headers that get the drop-down lists and number checks. */
	private static final int VALIDATED_ROWS = 2000;

	/** The first data row, 0-based: rows 1 and 2 are headers. */
	static final int FIRST_DATA_ROW = 2;

	private TemplateWorkbooks() {
	}

	/** The template as .xlsx bytes. */
	static byte[] xlsx(Template template) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(workbook);
			writeInstructions(workbook.createSheet(Template.INSTRUCTIONS_SHEET), template, styles);
			for (SheetLayout layout : template.sheets()) {
				writeDataSheet(workbook.createSheet(layout.name()), layout, styles);
			}
			workbook.setActiveSheet(1);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A one-sheet template as CSV: UTF-8 with a byte-order mark (so that Excel opens it right), both header rows. */
	static byte[] csv(SheetLayout layout) {
		StringBuilder text = new StringBuilder("\uFEFF");
		try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.EXCEL)) {
			printer.printRecord(layout.columns().stream().map(Column::zh).toList());
			printer.printRecord(layout.columns().stream().map(Column::key).toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void writeInstructions(Sheet sheet, Template template, Styles styles) {
		int r = 0;
		cell(sheet.createRow(r++), 0, template.title(), styles.title);
		for (String line : template.instructions()) {
			cell(sheet.createRow(r++), 0, line, null);
		}
		for (SheetLayout layout : template.sheets()) {
			r++;
			cell(sheet.createRow(r++), 0, "表 Sheet “" + layout.name() + "”：" + layout.purpose(), styles.title);
			Row head = sheet.createRow(r++);
			List<String> titles = List.of("中文列名", "English column", "必填 Required", "取值 Values", "说明 Notes");
			for (int c = 0; c < titles.size(); c++) {
				cell(head, c, titles.get(c), styles.header);
			}
			for (Column column : layout.columns()) {
				Row row = sheet.createRow(r++);
				cell(row, 0, column.zh(), null);
				cell(row, 1, column.key(), null);
				cell(row, 2, column.required() ? "是 yes" : "", null);
				cell(row, 3, describeValues(column), null);
				cell(row, 4, column.hint(), null);
			}
			r++;
			cell(sheet.createRow(r++), 0, "示例 Example（" + layout.name() + "）", styles.english);
			Row zh = sheet.createRow(r++);
			Row en = sheet.createRow(r++);
			for (int c = 0; c < layout.columns().size(); c++) {
				cell(zh, c, layout.columns().get(c).zh(), styles.header);
				cell(en, c, layout.columns().get(c).key(), styles.english);
			}
			for (int example = 0; example < 2; example++) {
				int index = example;
				if (layout.columns().stream().allMatch(c -> c.example(index).isEmpty())) {
					continue;
				}
				Row row = sheet.createRow(r++);
				for (int c = 0; c < layout.columns().size(); c++) {
					cell(row, c, layout.columns().get(c).example(example), null);
				}
			}
		}
		sheet.setColumnWidth(0, 30 * 256);
		sheet.setColumnWidth(1, 24 * 256);
		sheet.setColumnWidth(2, 14 * 256);
		sheet.setColumnWidth(3, 40 * 256);
		sheet.setColumnWidth(4, 50 * 256);
	}

	private static String describeValues(Column column) {
		return switch (column.type()) {
			case CHOICE -> column.describeChoices();
			case INTEGER -> "整数 whole number " + column.min().intValue() + "–" + column.max().intValue();
			case NUMBER -> "数字 number ≥ 0";
			case DATE -> "日期 date, 2026-03-02";
			case LIST -> "用 ; 分隔 separated by ;";
			case TEXT -> "文本 text";
		};
	}

	private static void writeDataSheet(Sheet sheet, SheetLayout layout, Styles styles) {
		Row zh = sheet.createRow(0);
		Row en = sheet.createRow(1);
		DataValidationHelper helper = sheet.getDataValidationHelper();
		for (int c = 0; c < layout.columns().size(); c++) {
			Column column = layout.columns().get(c);
			cell(zh, c, column.zh() + (column.required() ? " *" : ""), styles.header);
			cell(en, c, column.key(), styles.english);
			sheet.setColumnWidth(c, Math.max(14, Math.min(40, column.key().length() + 6)) * 256);
			if (column.type() == Column.ValueType.TEXT || column.type() == Column.ValueType.LIST
					|| column.type() == Column.ValueType.DATE) {
				sheet.setDefaultColumnStyle(c, styles.text); // ids and codes like 460702 stay text, dates stay ISO
			}
			DataValidationConstraint constraint = switch (column.type()) {
				case CHOICE -> helper.createExplicitListConstraint(column.choices().stream().map(Column.Choice::code)
					.toArray(String[]::new));
				case INTEGER -> helper.createIntegerConstraint(OperatorType.BETWEEN, format(column.min()),
						format(column.max()));
				case NUMBER -> helper.createDecimalConstraint(OperatorType.BETWEEN, format(column.min()),
						format(column.max()));
				default -> null;
			};
			if (constraint != null) {
				DataValidation validation = helper.createValidation(constraint,
						new CellRangeAddressList(FIRST_DATA_ROW, FIRST_DATA_ROW + VALIDATED_ROWS - 1, c, c));
				validation.setShowErrorBox(true);
				validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
				String allowed = describeValues(column);
				validation.createErrorBox(column.header(), truncate(allowed));
				validation.setShowPromptBox(true);
				validation.createPromptBox(column.zh(), truncate(allowed));
				sheet.addValidationData(validation);
			}
		}
		sheet.createFreezePane(0, FIRST_DATA_ROW);
	}

	private static String truncate(String text) {
		return text.length() <= 250 ? text : text.substring(0, 249) + "…";
	}

	private static String format(Double number) {
		return number == Math.rint(number) ? String.valueOf(number.longValue()) : String.valueOf(number);
	}

	private static void cell(Row row, int column, String value, CellStyle style) {
		var cell = row.createCell(column);
		cell.setCellValue(value);
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	/** The few cell styles the templates use. */
	private static final class Styles {

		final CellStyle title;

		final CellStyle header;

		final CellStyle english;

		final CellStyle text;

		Styles(Workbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			title = workbook.createCellStyle();
			title.setFont(bold);
			header = workbook.createCellStyle();
			header.setFont(bold);
			header.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			header.setBorderBottom(BorderStyle.THIN);
			Font grey = workbook.createFont();
			grey.setItalic(true);
			grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
			english = workbook.createCellStyle();
			english.setFont(grey);
			english.setBorderBottom(BorderStyle.THIN);
			text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
		}
	}
}
