package org.abilitymap.sheets;

import java.util.List;

/**
 * The raw cells of one sheet or CSV file, row by row: texts, numbers ({@link Double}), dates
 * ({@link java.time.LocalDate}), booleans or {@code null} for blank cells.
 *
 * @param name the sheet's name, or the CSV file's name
 * @param csv whether the table is a CSV file (locations then say "CSV" instead of a sheet)
 * @param rows every row that has a cell, in order
 */
record SheetTable(String name, boolean csv, List<Row> rows) {

	/** One row with its 1-based number as a spreadsheet shows it. */
	record Row(int number, List<Object> cells) {

		Object cell(int column) {
			return column < cells.size() ? cells.get(column) : null;
		}

		boolean blank() {
			return cells.stream().allMatch(c -> c == null || (c instanceof String s && s.isBlank()));
		}
	}
}
