package org.abilitymap.sheets;

import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;

/**
 * One thing wrong with an uploaded sheet, located by sheet, row and column; problems found by the document
 * validation keep the JSON path they were reported at.
 *
 * @param path the location for a person ({@code sheet '课程 Courses', row 4, column D (课程模块 block)}), where the JSON
 *     upload answers with a JSON path
 * @param code what kind of problem it is
 * @param message a sentence a person can act on
 * @param sheet the sheet's name, {@code null} for a CSV file
 * @param row the 1-based row, or {@code null}
 * @param column the column letter, or {@code null}
 * @param header the column's header, or {@code null}
 * @param jsonPath the path in the equivalent JSON document, or {@code null} for problems of the sheet itself
 */
public record SheetProblem(String path, ProblemCode code, String message, String sheet, Integer row, String column,
		String header, String jsonPath) {

	static SheetProblem at(Location location, ProblemCode code, String message, String jsonPath) {
		return new SheetProblem(location.describe(), code, message, location.sheet(), location.row(), location.column(),
				location.header(), jsonPath);
	}

	/** As a document problem for the command line and other callers that know only {@link Problem}. */
	public Problem toProblem() {
		return new Problem(path, code, jsonPath == null || jsonPath.isEmpty() ? message : message + " [" + jsonPath + "]");
	}
}
