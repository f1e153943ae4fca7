package org.abilitymap.sheets;

/**
 * A place in a workbook or CSV file: a sheet, a row, a column, or a cell with its header.
 *
 * @param sheet the sheet's name ({@code null} for a CSV file, or with no row for the whole file)
 * @param row the 1-based row, or {@code null} for the whole sheet
 * @param column the column letter (A, B … AA), or {@code null} for the whole row or a column not in the sheet
 * @param header the column's header ({@code 重要度 importance}), or {@code null}
 */
record Location(String sheet, Integer row, String column, String header) {

	/** The file as a whole. */
	static final Location FILE = new Location(null, null, null, null);

	static Location ofSheet(String sheet) {
		return new Location(sheet, null, null, null);
	}

	/** For a person: {@code sheet '工作任务 WorkTasks', row 5, column S (重要度 importance)}. */
	String describe() {
		if (sheet == null && row == null) {
			return "file";
		}
		StringBuilder text = new StringBuilder(sheet == null ? "CSV" : "sheet '" + sheet + "'");
		if (row != null) {
			text.append(sheet == null ? " row " : ", row ").append(row);
		}
		if (column != null) {
			text.append(", column ").append(column);
		}
		if (header != null) {
			text.append(column == null ? ", column " : " (").append(header).append(column == null ? "" : ")");
		}
		return text.toString();
	}

	/** The spreadsheet letters of a 0-based column index: 0 → A, 26 → AA. */
	static String letters(int column) {
		StringBuilder letters = new StringBuilder();
		for (int n = column + 1; n > 0; n = (n - 1) / 26) {
			letters.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return letters.toString();
	}
}
