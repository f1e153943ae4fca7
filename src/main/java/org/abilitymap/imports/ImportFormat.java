package org.abilitymap.imports;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file format other than the JSON documents that the {@code import} command reads (spreadsheets, ESCO, the national
 * catalogue, CASE), chosen with {@code --format=NAME} or recognised from the file itself. Every format goes through
 * the same rules as the JSON documents: all problems located, nothing written on error, idempotent.
 */
public interface ImportFormat {

	/** The name given to {@code --format=}, lower case with dashes ({@code esco}, {@code case}). */
	String name();

	/** One line for the command's usage text. */
	String description();

	/** Whether this format takes the file or folder without being named, for example by its extension. */
	boolean recognises(Path path);

	/**
	 * Imports the file or folder.
	 *
	 * @return one line for a person saying what was imported
	 * @throws org.abilitymap.documents.InvalidDocumentException with every problem located when the input is
	 *     refused; nothing is written then
	 */
	String importFrom(Path path, Progress progress) throws IOException;
}
