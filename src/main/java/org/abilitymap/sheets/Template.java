package org.abilitymap.sheets;

import java.util.List;

/**
 * A spreadsheet template: the file name it is downloaded as, the instructions on its first sheet and its data
 * sheets.
 */
record Template(String fileName, String title, List<String> instructions, List<SheetLayout> sheets) {

	static final String INSTRUCTIONS_SHEET = "说明 Instructions";

	SheetLayout sheet(String name) {
		return sheets.stream().filter(s -> s.name().equals(name)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no sheet " + name));
	}
}
