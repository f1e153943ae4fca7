package org.abilitymap.national;

/**
 * Something in a source file the import could not read and skipped, located by file (relative to the imported
 * folder) and line; the rest of the import goes on.
 */
public record ReadingWarning(String file, int line, String message) {

	@Override
	public String toString() {
		return file + ":" + line + ": " + message;
	}
}
