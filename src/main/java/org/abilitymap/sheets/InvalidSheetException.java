package org.abilitymap.sheets;

import java.util.List;

import org.abilitymap.documents.InvalidDocumentException;

/** Rejects a whole sheet upload with every problem located by sheet, row and column; nothing was written. */
public class InvalidSheetException extends InvalidDocumentException {

	private final List<SheetProblem> sheetProblems;

	public InvalidSheetException(List<SheetProblem> problems) {
		super(problems.stream().map(SheetProblem::toProblem).toList());
		this.sheetProblems = List.copyOf(problems);
	}

	public List<SheetProblem> sheetProblems() {
		return sheetProblems;
	}
}
