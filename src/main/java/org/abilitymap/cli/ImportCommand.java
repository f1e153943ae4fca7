package org.abilitymap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.JsonDocuments;
import org.abilitymap.imports.DocumentImport;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar abilitymap.jar import FILE|FOLDER…}: imports documents of every kind from JSON files, each in its
 * own transaction, in the order their references need (job catalogues, education catalogues, submissions, programmes),
 * printing one line per file and a summary.
 */
@Component
public class ImportCommand {

	private final JsonDocuments json;

	private final DocumentImport documents;

	ImportCommand(JsonDocuments json, DocumentImport documents) {
		this.json = json;
		this.documents = documents;
	}

	/**
	 * Runs the import.
	 *
	 * @param arguments files and folders (folders contribute their {@code *.json} files, sorted by name)
	 * @return the process exit code: 0 when every document was imported, 1 when any was rejected, 2 on usage errors
	 */
	public int run(List<String> arguments, PrintStream out, PrintStream err) {
		if (arguments.isEmpty()) {
			err.println("Usage: java -jar abilitymap.jar import FILE|FOLDER...");
			err.println("Imports job catalogues, education catalogues, work-task submissions and programmes (JSON),");
			err.println("in that order whatever the order of the files.");
			return 2;
		}
		List<Path> files = new ArrayList<>();
		for (String argument : arguments) {
			Path path = Path.of(argument);
			if (Files.isDirectory(path)) {
				try (Stream<Path> listing = Files.list(path)) {
					listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
				}
				catch (IOException ex) {
					err.println("Cannot list " + path + ": " + ex.getMessage());
					return 2;
				}
			}
			else if (Files.isRegularFile(path)) {
				files.add(path);
			}
			else {
				err.println("No such file or folder: " + path);
				return 2;
			}
		}
		List<Parsed> parsed = new ArrayList<>();
		int rejected = 0;
		for (Path file : files) {
			try (InputStream input = Files.newInputStream(file)) {
				Object document = json.parse(input);
				parsed.add(new Parsed(file, document, DocumentImport.kindOf(document)));
			}
			catch (InvalidDocumentException ex) {
				rejected++;
				report(err, file, ex);
			}
			catch (IOException ex) {
				rejected++;
				err.println("✘ " + file + ": cannot read: " + ex.getMessage());
			}
		}
		parsed.sort(java.util.Comparator.comparing(Parsed::kind)); // stable: file order within a kind
		long started = System.nanoTime();
		int imported = 0;
		for (int i = 0; i < parsed.size(); i++) {
			Parsed document = parsed.get(i);
			try {
				var result = documents.importDocument(document.content());
				imported++;
				out.printf("[%d/%d] ✔ %s: %s%n", i + 1, parsed.size(), document.file(), result.summary());
			}
			catch (InvalidDocumentException ex) {
				rejected++;
				err.printf("[%d/%d] ", i + 1, parsed.size());
				report(err, document.file(), ex);
			}
		}
		out.printf("Imported %d of %d documents in %d ms; %d rejected (nothing was written for those).%n", imported,
				files.size(), (System.nanoTime() - started) / 1_000_000, rejected);
		return rejected == 0 ? 0 : 1;
	}

	private static void report(PrintStream err, Path file, InvalidDocumentException ex) {
		err.println("✘ " + file + ": rejected with " + ex.problems().size() + " problem(s), nothing written:");
		ex.problems().forEach(p -> err.println("    " + p));
	}

	private record Parsed(Path file, Object content, DocumentImport.Kind kind) {
	}
}
