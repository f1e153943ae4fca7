package org.abilitymap.documents;

/**
 * One thing wrong with a submitted document, located by its path inside the document
 * (for example {@code projects[2].tasks[0].name}); the empty path means the document as a whole.
 *
 * @param path where in the document the problem is
 * @param code what kind of problem it is
 * @param message a sentence a person can act on
 */
public record Problem(String path, ProblemCode code, String message) {

	@Override
	public String toString() {
		return (path.isEmpty() ? "(document)" : path) + ": " + message;
	}
}
