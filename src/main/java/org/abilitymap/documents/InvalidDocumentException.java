package org.abilitymap.documents;

import java.util.List;

/** Thrown to reject a whole document; carries every problem found so that none is hidden behind the first. */
public class InvalidDocumentException extends RuntimeException {

	private final List<Problem> problems;

	public InvalidDocumentException(List<Problem> problems) {
		super(summary(problems));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}

	private static String summary(List<Problem> problems) {
		StringBuilder text = new StringBuilder("The document has ").append(problems.size())
			.append(problems.size() == 1 ? " problem" : " problems")
			.append("; nothing was written:");
		problems.forEach(p -> text.append(System.lineSeparator()).append("  ").append(p));
		return text.toString();
	}
}
