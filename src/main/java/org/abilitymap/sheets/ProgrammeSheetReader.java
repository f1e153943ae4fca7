package org.abilitymap.sheets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.abilitymap.documents.ProblemCode;

/**
 * Turns the sheets of a programme workbook into the parsed JSON tree that programme documents are (teaching, editor
 * and assessment rows joined to their course, textbook or certificate by id, fields in the documented order so that
 * a workbook and the equivalent JSON file store the same source text), remembering for every JSON path its cell.
 */
final class ProgrammeSheetReader {

	private static final Map<String, String> SCHOOL = pairs("id", "schoolId", "name", "schoolName", "nameEn",
			"schoolNameEn");

	private static final Map<String, String> PROGRAMME = pairs("id", "programmeId", "code", "code", "name",
			"programmeName", "nameEn", "programmeNameEn", "level", "level", "groupId", "groupId", "targetJobIds",
			"targetJobIds");

	private static final Map<String, String> COURSE = same("id", "name", "nameEn", "block", "hours", "credits",
			"semester", "convertedFromProjectId", "teaches");

	private static final Map<String, String> TEACHING = same("pointId", "kind", "name", "nameEn", "description", "level",
			"hours");

	private static final Map<String, String> TEXTBOOK = same("id", "title", "form", "editionDate", "editors", "courseIds",
			"coversPointIds");

	private static final Map<String, String> EDITOR = same("name", "affiliation", "organisation");

	private static final Map<String, String> CERTIFICATE = same("id", "name", "nameEn", "type", "issuer", "level",
			"assesses", "qualifiesForJobIds");

	private static final Map<String, String> ASSESSMENT = same("pointId", "level", "importance");

	private static final Map<String, String> TRAINING_BASE = same("id", "name", "nameEn", "kind", "supportsPointIds",
			"courseIds");

	private final Map<SheetLayout, LayoutTable> tables;

	private final JsonLocations locations;

	private final List<SheetProblem> problems;

	private ProgrammeSheetReader(Map<SheetLayout, LayoutTable> tables, JsonLocations locations,
			List<SheetProblem> problems) {
		this.tables = tables;
		this.locations = locations;
		this.problems = problems;
	}

	/**
	 * The document the workbook holds, as maps and lists; {@code tables} has the sheets found (a missing optional
	 * sheet means no entries of its kind), {@code locations} and {@code problems} are filled in.
	 */
	static Map<String, Object> read(Map<SheetLayout, LayoutTable> tables, JsonLocations locations,
			List<SheetProblem> problems) {
		return new ProgrammeSheetReader(tables, locations, problems).read();
	}

	private Map<String, Object> read() {
		Map<String, Object> document = new LinkedHashMap<>();
		LayoutTable programmeSheet = tables.get(Templates.PROGRAMME_SHEET);
		if (programmeSheet != null) {
			locations.put("school", programmeSheet.firstRow("schoolId"));
			locations.put("programme", programmeSheet.firstRow("programmeId"));
			SCHOOL.forEach((field, column) -> locations.put("school." + field, programmeSheet.firstRow(column)));
			PROGRAMME.forEach((field, column) -> locations.put("programme." + field, programmeSheet.firstRow(column)));
			List<LayoutTable.DataRow> rows = programmeSheet.rows();
			if (!rows.isEmpty()) {
				Map<String, Object> school = entry(programmeSheet, rows.get(0), "school", SCHOOL);
				if (!school.isEmpty()) {
					document.put("school", school);
				}
				document.put("programme", entry(programmeSheet, rows.get(0), "programme", PROGRAMME));
			}
			for (LayoutTable.DataRow extra : rows.subList(Math.min(1, rows.size()), rows.size())) {
				problems.add(SheetProblem.at(programmeSheet.at(extra.number(), "programmeId"), ProblemCode.INVALID_VALUE,
						"The sheet holds one programme, on its first data row (row " + rows.get(0).number()
								+ "); put another programme in a workbook of its own.", null));
			}
		}
		List<Map<String, Object>> courses = entries(Templates.COURSES_SHEET, "courses", COURSE);
		document.put("courses", courses);
		children(Templates.TEACHING_SHEET, "courseId", courses, "courses", "teaches", TEACHING, "course",
				Templates.COURSES_SHEET);
		List<Map<String, Object>> textbooks = entries(Templates.TEXTBOOKS_SHEET, "textbooks", TEXTBOOK);
		children(Templates.EDITORS_SHEET, "textbookId", textbooks, "textbooks", "editors", EDITOR, "textbook",
				Templates.TEXTBOOKS_SHEET);
		List<Map<String, Object>> certificates = entries(Templates.CERTIFICATES_SHEET, "certificates", CERTIFICATE);
		children(Templates.ASSESSMENTS_SHEET, "certificateId", certificates, "certificates", "assesses", ASSESSMENT,
				"certificate", Templates.CERTIFICATES_SHEET);
		List<Map<String, Object>> bases = entries(Templates.TRAINING_BASES_SHEET, "trainingBases", TRAINING_BASE);
		putIfAny(document, "textbooks", textbooks, TEXTBOOK);
		putIfAny(document, "certificates", certificates, CERTIFICATE);
		putIfAny(document, "trainingBases", bases, TRAINING_BASE);
		document.put("courses", ordered(courses, COURSE));
		return document;
	}

	private static void putIfAny(Map<String, Object> document, String field, List<Map<String, Object>> entries,
			Map<String, String> order) {
		if (!entries.isEmpty()) {
			document.put(field, ordered(entries, order));
		}
	}

	/** One entry per data row of a sheet, at {@code list[i]}. */
	private List<Map<String, Object>> entries(SheetLayout layout, String list, Map<String, String> fields) {
		List<Map<String, Object>> entries = new ArrayList<>();
		LayoutTable table = tables.get(layout);
		if (table == null) {
			locations.put(list, Location.ofSheet(layout.name()));
			return entries;
		}
		locations.put(list, table.firstRow(layout.columns().get(0).key()));
		for (LayoutTable.DataRow row : table.rows()) {
			entries.add(entry(table, row, list + "[" + entries.size() + "]", fields));
		}
		return entries;
	}

	/** Adds a sheet's rows to the entries they name by id, at {@code list[i].field[j]}. */
	private void children(SheetLayout layout, String parentColumn, List<Map<String, Object>> parents, String list,
			String field, Map<String, String> fields, String parentName, SheetLayout parentLayout) {
		LayoutTable table = tables.get(layout);
		if (table == null || !tables.containsKey(parentLayout)) {
			return; // without the parents' sheet its rows cannot be placed; the missing sheet is reported
		}
		Map<String, Integer> parentIndex = new HashMap<>();
		for (int i = 0; i < parents.size(); i++) {
			if (parents.get(i).get("id") instanceof String id) {
				parentIndex.putIfAbsent(id, i);
			}
		}
		for (LayoutTable.DataRow row : table.rows()) {
			String parentId = row.text(parentColumn);
			Integer index = parentId == null ? null : parentIndex.get(parentId);
			if (index == null) {
				problems.add(SheetProblem.at(table.at(row.number(), parentColumn), parentId == null ? ProblemCode.REQUIRED
						: ProblemCode.UNKNOWN_REFERENCE, parentId == null
								? "'" + parentColumn + "' is required: the id of the " + parentName + " on the sheet '"
										+ parentLayout.name() + "' this row belongs to."
								: "There is no " + parentName + " with id '" + parentId + "' on the sheet '"
										+ parentLayout.name() + "'.", null));
				continue;
			}
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> siblings = (List<Map<String, Object>>) parents.get(index)
				.computeIfAbsent(field, f -> new ArrayList<Map<String, Object>>());
			String path = list + "[" + index + "]." + field + "[" + siblings.size() + "]";
			siblings.add(entry(table, row, path, fields));
		}
	}

	/** The fields of one row that have a value; every field's path is located at its cell, blank or not. */
	private Map<String, Object> entry(LayoutTable table, LayoutTable.DataRow row, String path,
			Map<String, String> fields) {
		Map<String, Object> entry = new LinkedHashMap<>();
		locations.put(path, table.at(row.number(), table.layout().columns().get(0).key()));
		fields.forEach((field, column) -> {
			if (table.layout().columns().stream().noneMatch(c -> c.key().equals(column))) {
				return; // a list filled from another sheet
			}
			locations.put(JsonLocations.child(path, field), table.at(row.number(), column));
			Object value = row.value(column);
			if (value != null) {
				entry.put(field, value);
			}
		});
		return entry;
	}

	/** The entries with their fields in the documented order (child lists were added last). */
	private static List<Object> ordered(List<Map<String, Object>> entries, Map<String, String> order) {
		List<Object> list = new ArrayList<>();
		for (Map<String, Object> entry : entries) {
			Map<String, Object> sorted = new LinkedHashMap<>();
			for (String field : order.keySet()) {
				if (entry.containsKey(field)) {
					sorted.put(field, entry.get(field));
				}
			}
			list.add(sorted);
		}
		return list;
	}

	private static Map<String, String> pairs(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	private static Map<String, String> same(String... fields) {
		Map<String, String> map = new LinkedHashMap<>();
		for (String field : fields) {
			map.put(field, field);
		}
		return map;
	}
}
