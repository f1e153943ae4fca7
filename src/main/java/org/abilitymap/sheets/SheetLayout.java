package org.abilitymap.sheets;

import java.util.List;
import java.util.Locale;

/**
 * One data sheet of a template: its name (Chinese and English, such as {@code 课程 Courses}), what it is for and its
 * columns in order.
 */
record SheetLayout(String name, String purpose, List<Column> columns) {

	Column column(String key) {
		return columns.stream().filter(c -> c.key().equals(key)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no column " + key + " in " + name));
	}

	/**
	 * Whether a workbook's sheet is this one: by its full name, or by its Chinese or English part alone (people
	 * rename sheets), ignoring case and spaces.
	 */
	boolean matches(String sheetName) {
		String given = normalise(sheetName);
		if (given.equals(normalise(name))) {
			return true;
		}
		for (String part : name.split(" ")) {
			if (given.equals(normalise(part))) {
				return true;
			}
		}
		return false;
	}

	private static String normalise(String text) {
		return text.replaceAll("[\\s\\u3000]+", "").toLowerCase(Locale.ROOT);
	}
}
