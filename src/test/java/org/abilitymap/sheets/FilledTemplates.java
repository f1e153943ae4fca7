package org.abilitymap.sheets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Test helper: fills the generated templates from JSON documents the way a person would, one row per path with
 * the levels already given on a row above left blank, and writes them as .xlsx or CSV.
 */
public final class FilledTemplates {

	private FilledTemplates() {
	}

	/** A work-task document as a filled work-task workbook. */
	public static byte[] workTasksXlsx(Map<String, Object> document) {
		return xlsx(Templates.WORK_TASKS, Map.of(Templates.WORK_TASKS_SHEET.name(), workTaskRows(document)));
	}

	/** A work-task document as the work-task sheet in CSV (UTF-8 with a byte-order mark, as Excel saves it). */
	public static byte[] workTasksCsv(Map<String, Object> document) {
		return csv(workTaskRows(document), java.nio.charset.StandardCharsets.UTF_8, true);
	}

	/** A programme document as a filled programme workbook. */
	public static byte[] programmeXlsx(Map<String, Object> document) {
		return xlsx(Templates.PROGRAMME, programmeRows(document));
	}

	/** The rows of a work-task document: one per project → task → step → skill → knowledge path. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> workTaskRows(Map<String, Object> document) {
		List<Map<String, Object>> rows = new ArrayList<>();
		Map<String, Object> first = new LinkedHashMap<>();
		Map<String, Object> enterprise = (Map<String, Object>) document.get("enterprise");
		first.put("enterpriseId", enterprise.get("id"));
		first.put("enterpriseName", enterprise.get("name"));
		first.put("enterpriseNameEn", enterprise.get("nameEn"));
		first.put("jobId", document.get("jobId"));
		Map<String, Object> shadowing = (Map<String, Object>) document.get("shadowing");
		if (shadowing != null) {
			first.put("shadowingStartDate", shadowing.get("startDate"));
			first.put("shadowingEndDate", shadowing.get("endDate"));
			first.put("shadowingObservers", shadowing.get("observers"));
			first.put("shadowingMethod", shadowing.get("method"));
			first.put("shadowingNotes", shadowing.get("notes"));
		}
		for (Map<String, Object> project : list(document, "projects")) {
			Map<String, Object> projectCells = cells("project", project);
			for (Map<String, Object> task : list(project, "tasks")) {
				Map<String, Object> taskCells = cells("task", task);
				taskCells.put("frequency", task.get("frequency"));
				taskCells.put("importance", task.get("importance"));
				taskCells.put("difficulty", task.get("difficulty"));
				for (Map<String, Object> step : list(task, "steps")) {
					Map<String, Object> stepCells = cells("step", step);
					for (Map<String, Object> skill : list(step, "skills")) {
						Map<String, Object> skillCells = cells("skill", skill);
						skillCells.put("skillLevel", skill.get("level"));
						List<Map<String, Object>> knowledge = list(skill, "knowledge");
						for (int k = 0; k < Math.max(1, knowledge.size()); k++) {
							Map<String, Object> row = new LinkedHashMap<>(first);
							first.clear(); // the header fields on the first row only
							// each level's cells only on the first row of that node: the rows below continue it
							row.putAll(projectCells);
							projectCells.clear();
							row.putAll(taskCells);
							taskCells.clear();
							row.putAll(stepCells);
							stepCells.clear();
							row.putAll(skillCells);
							skillCells.clear();
							if (!knowledge.isEmpty()) {
								row.putAll(cells("knowledge", knowledge.get(k)));
							}
							rows.add(row);
						}
					}
				}
			}
		}
		return rows;
	}

	/** The sheets of a programme document: sheet name → rows. */
	@SuppressWarnings("unchecked")
	static Map<String, List<Map<String, Object>>> programmeRows(Map<String, Object> document) {
		Map<String, List<Map<String, Object>>> sheets = new LinkedHashMap<>();
		Map<String, Object> school = (Map<String, Object>) document.get("school");
		Map<String, Object> programme = (Map<String, Object>) document.get("programme");
		Map<String, Object> head = new LinkedHashMap<>();
		head.put("schoolId", school.get("id"));
		head.put("schoolName", school.get("name"));
		head.put("schoolNameEn", school.get("nameEn"));
		head.put("programmeId", programme.get("id"));
		head.put("code", programme.get("code"));
		head.put("programmeName", programme.get("name"));
		head.put("programmeNameEn", programme.get("nameEn"));
		head.put("level", programme.get("level"));
		head.put("groupId", programme.get("groupId"));
		head.put("targetJobIds", programme.get("targetJobIds"));
		sheets.put(Templates.PROGRAMME_SHEET.name(), List.of(head));
		children(sheets, document, "courses", Templates.COURSES_SHEET, "teaches", Templates.TEACHING_SHEET, "courseId");
		children(sheets, document, "textbooks", Templates.TEXTBOOKS_SHEET, "editors", Templates.EDITORS_SHEET,
				"textbookId");
		children(sheets, document, "certificates", Templates.CERTIFICATES_SHEET, "assesses", Templates.ASSESSMENTS_SHEET,
				"certificateId");
		children(sheets, document, "trainingBases", Templates.TRAINING_BASES_SHEET, null, null, null);
		return sheets;
	}

	private static void children(Map<String, List<Map<String, Object>>> sheets, Map<String, Object> document,
			String field, SheetLayout layout, String childField, SheetLayout childLayout, String parentColumn) {
		List<Map<String, Object>> parents = new ArrayList<>();
		List<Map<String, Object>> children = new ArrayList<>();
		for (Map<String, Object> entry : list(document, field)) {
			Map<String, Object> row = new LinkedHashMap<>(entry);
			row.remove(childField);
			parents.add(row);
			if (childField != null) {
				for (Map<String, Object> child : list(entry, childField)) {
					Map<String, Object> childRow = new LinkedHashMap<>(child);
					childRow.put(parentColumn, entry.get("id"));
					children.add(childRow);
				}
			}
		}
		sheets.put(layout.name(), parents);
		if (childLayout != null) {
			sheets.put(childLayout.name(), children);
		}
	}

	/** The template with rows written into its sheets under the English headers of row 2. */
	static byte[] xlsx(Template template, Map<String, List<Map<String, Object>>> sheets) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(TemplateWorkbooks.xlsx(template)));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			sheets.forEach((name, rows) -> {
				Sheet sheet = workbook.getSheet(name);
				Map<String, Integer> columns = new LinkedHashMap<>();
				sheet.getRow(1).forEach(cell -> columns.put(cell.getStringCellValue(), cell.getColumnIndex()));
				int r = TemplateWorkbooks.FIRST_DATA_ROW;
				for (Map<String, Object> values : rows) {
					Row row = sheet.createRow(r++);
					values.forEach((key, value) -> {
						if (value == null) {
							return;
						}
						Integer column = columns.get(key);
						if (column == null) {
							throw new IllegalArgumentException("no column " + key + " on " + name);
						}
						Cell cell = row.createCell(column);
						if (value instanceof Number number) {
							cell.setCellValue(number.doubleValue());
						}
						else if (value instanceof LocalDate date) {
							cell.setCellValue(date);
							cell.setCellStyle(dateStyle);
						}
						else {
							cell.setCellValue(text(value));
						}
					});
				}
			});
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Rows as a CSV file with both header rows, in an encoding, with a UTF-8 byte-order mark when asked. */
	static byte[] csv(List<Map<String, Object>> rows, Charset charset, boolean byteOrderMark) {
		StringBuilder text = new StringBuilder(byteOrderMark ? "\uFEFF" : "");
		List<Column> columns = Templates.WORK_TASKS_SHEET.columns();
		try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.EXCEL)) {
			printer.printRecord(columns.stream().map(Column::zh).toList());
			printer.printRecord(columns.stream().map(Column::key).toList());
			for (Map<String, Object> row : rows) {
				printer.printRecord(columns.stream().map(c -> row.get(c.key()) == null ? "" : text(row.get(c.key())))
					.toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString().getBytes(charset);
	}

	private static String text(Object value) {
		return value instanceof List<?> list ? String.join("; ", list.stream().map(String::valueOf).toList())
				: String.valueOf(value);
	}

	private static Map<String, Object> cells(String prefix, Map<String, Object> node) {
		Map<String, Object> cells = new LinkedHashMap<>();
		cells.put(prefix + "Id", node.get("id"));
		cells.put(prefix + "Name", node.get("name"));
		cells.put(prefix + "NameEn", node.get("nameEn"));
		cells.put(prefix + "Description", node.get("description"));
		return cells;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> node, String field) {
		Object value = node.get(field);
		return value == null ? List.of() : (List<Map<String, Object>>) value;
	}
}
