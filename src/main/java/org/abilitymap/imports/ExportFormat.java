package org.abilitymap.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Set;

/**
 * Something the {@code export} command writes ({@code --format=NAME}): a curriculum matrix or alignment report as a
 * spreadsheet or printable page, a CASE package.
 */
public interface ExportFormat {

	/** The name given to {@code --format=}, lower case with dashes ({@code matrix-xlsx}). */
	String name();

	/** One line for the command's usage text, naming the options it needs. */
	String description();

	/** The file name extension of what it writes, without the dot. */
	String extension();

	/** The options this format understands ({@code programme}, {@code job}…); others are refused. */
	Set<String> options();

	/**
	 * Writes the export.
	 *
	 * @param options the command's {@code --key=value} options, restricted to {@link #options()}
	 * @return a name for the file when the user gave none (without extension), such as the programme's id
	 * @throws org.abilitymap.support.graphql.InvalidArgumentException when an option is missing or names nothing
	 */
	String exportTo(Map<String, String> options, OutputStream out, Progress progress) throws IOException;
}
