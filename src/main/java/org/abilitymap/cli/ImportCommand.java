package org.abilitymap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.abilitymap.audit.AuditTrail;
import org.abilitymap.audit.AuditTrail.Source;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.JsonDocuments;
import org.abilitymap.imports.DocumentImport;
import org.abilitymap.imports.ImportFormat;
import org.abilitymap.support.neo4j.Graph;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar abilitymap.jar import [--format=NAME] FILE|FOLDER…}: imports the JSON documents of every kind all
 * together in one transaction, in the order their references need (job catalogues, education catalogues,
 * submissions, programmes), so that readers see none of them until all have committed and a rejected document leaves
 * nothing of the run written; then, once the documents have committed, the files of the other formats
 * ({@link ImportFormat}: named with {@code --format} or recognised from the file), each in its own transactions;
 * printing one line per file, a progress bar on long work and a summary.
 */
@Component
public class ImportCommand {

	private final JsonDocuments json;

	private final DocumentImport documents;

	private final List<ImportFormat> formats;

	private final AuditTrail audit;

	private final Graph graph;

	ImportCommand(JsonDocuments json, DocumentImport documents, List<ImportFormat> formats, AuditTrail audit,
			Graph graph) {
		this.json = json;
		this.graph = graph;
		this.audit = audit;
		this.documents = documents;
		this.formats = formats.stream().sorted(Comparator.comparing(ImportFormat::name)).toList();
	}

	/**
	 * Runs the import.
	 *
	 * @param arguments {@code --format=NAME} and files and folders (folders contribute their {@code *.json} files and
	 *     the files a format recognises, sorted by name)
	 * @return the process exit code: 0 when every file was imported, 1 when any was rejected (when a JSON document
	 *     was, nothing was written), 2 on usage errors
	 */
	public int run(List<String> arguments, PrintStream out, PrintStream err) {
		CommandOptions command = CommandOptions.parse(arguments);
		Set<String> unknown = new TreeSet<>(command.options().keySet());
		unknown.remove("format");
		if (command.operands().isEmpty() || !unknown.isEmpty()) {
			if (!unknown.isEmpty()) {
				err.println("Unknown option(s): " + unknown.stream().map(o -> "--" + o).collect(Collectors.joining(", ")));
			}
			usage(err);
			return 2;
		}
		ImportFormat named = null;
		if (command.options().containsKey("format")) {
			String name = command.options().get("format");
			named = formats.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
			if (named == null && !name.equals("json")) {
				err.println("Unknown format '" + name + "'.");
				usage(err);
				return 2;
			}
		}
		List<Path> files = new ArrayList<>();
		List<FormatFile> formatFiles = new ArrayList<>();
		for (String argument : command.operands()) {
			Path path = Path.of(argument);
			if (!Files.exists(path)) {
				err.println("No such file or folder: " + path);
				return 2;
			}
			if (named != null) {
				formatFiles.add(new FormatFile(path, named));
				continue;
			}
			Optional<ImportFormat> format = command.options().containsKey("format") ? Optional.empty() : recognising(path);
			if (format.isPresent()) {
				formatFiles.add(new FormatFile(path, format.get()));
			}
			else if (Files.isDirectory(path)) {
				try (Stream<Path> listing = Files.list(path)) {
					for (Path file : listing.sorted().toList()) {
						Optional<ImportFormat> recognised = command.options().containsKey("format") ? Optional.empty()
								: recognising(file);
						if (recognised.isPresent()) {
							formatFiles.add(new FormatFile(file, recognised.get()));
						}
						else if (file.getFileName().toString().endsWith(".json")) {
							files.add(file);
						}
					}
				}
				catch (IOException ex) {
					err.println("Cannot list " + path + ": " + ex.getMessage());
					return 2;
				}
			}
			else {
				files.add(path);
			}
		}
		int total = files.size() + formatFiles.size();
		List<Parsed> parsed = new ArrayList<>();
		List<String> unreadable = new ArrayList<>();
		for (Path file : files) {
			try (InputStream input = Files.newInputStream(file)) {
				Object document = json.parse(input);
				parsed.add(new Parsed(file, document, DocumentImport.kindOf(document)));
			}
			catch (InvalidDocumentException ex) {
				unreadable.add(rejection(file, ex));
			}
			catch (IOException ex) {
				unreadable.add("✘ " + file + ": cannot read: " + ex.getMessage());
			}
		}
		parsed.sort(Comparator.comparing(Parsed::kind)); // stable: file order within a kind
		int count = parsed.size() + formatFiles.size();
		long started = System.nanoTime();
		List<Outcome> outcomes = parsed.isEmpty() ? List.of() : importTogether(parsed, !unreadable.isEmpty());
		unreadable.forEach(err::println);
		int rejected = unreadable.size();
		for (int i = 0; i < outcomes.size(); i++) {
			Outcome outcome = outcomes.get(i);
			if (outcome.rejection() != null) {
				rejected++;
				err.printf("[%d/%d] %s%n", i + 1, count, outcome.rejection());
			}
		}
		if (rejected > 0) {
			for (int i = 0; i < outcomes.size(); i++) {
				if (outcomes.get(i).rejection() == null) {
					out.printf("[%d/%d] – %s: no problems, not written: another document of this run was rejected%n",
							i + 1, count, outcomes.get(i).file());
				}
			}
			for (int i = 0; i < formatFiles.size(); i++) {
				FormatFile file = formatFiles.get(i);
				out.printf("[%d/%d] – %s (%s): not imported: a document of this run was rejected%n",
						outcomes.size() + i + 1, count, file.path(), file.format().name());
			}
			out.printf("Imported 0 of %d %s in %d ms: %d rejected, so nothing was written (the documents of one run "
					+ "are written all together or not at all).%n", total, formatFiles.isEmpty() ? "documents" : "files",
					(System.nanoTime() - started) / 1_000_000, rejected);
			return 1;
		}
		for (int i = 0; i < outcomes.size(); i++) {
			out.printf("[%d/%d] ✔ %s: %s%n", i + 1, count, outcomes.get(i).file(), outcomes.get(i).summary());
		}
		int imported = outcomes.size();
		for (int i = 0; i < formatFiles.size(); i++) {
			FormatFile file = formatFiles.get(i);
			int position = parsed.size() + i + 1;
			ConsoleProgress progress = ConsoleProgress.on(err);
			try {
				String summary = audit.record(Source.CLI, "import " + file.path().getFileName(), () -> {
					try {
						return file.format().importFrom(file.path(), progress);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
				progress.finishLine();
				imported++;
				out.printf("[%d/%d] ✔ %s (%s): %s%n", position, count, file.path(), file.format().name(), summary);
			}
			catch (InvalidDocumentException ex) {
				progress.finishLine();
				rejected++;
				err.printf("[%d/%d] %s%n", position, count, rejection(file.path(), ex));
			}
			catch (UncheckedIOException ex) {
				progress.finishLine();
				rejected++;
				err.printf("[%d/%d] ✘ %s: cannot read: %s%n", position, count, file.path(), ex.getCause() == null ? ex.getMessage() : ex.getCause().getMessage());
			}
		}
		out.printf("Imported %d of %d %s in %d ms; %d rejected (nothing was written for those).%n", imported, total,
				formatFiles.isEmpty() ? "documents" : "files", (System.nanoTime() - started) / 1_000_000, rejected);
		return rejected == 0 ? 0 : 1;
	}

	/**
	 * Imports the documents in one transaction, each recorded in the audit trail as its own write: either all of them
	 * commit, or, when any is rejected (or {@code othersRejected}), none; every document is checked either way, so
	 * that one run reports all their problems. The work runs again from the start should the transaction be retried,
	 * so it keeps nothing of an earlier run.
	 */
	private List<Outcome> importTogether(List<Parsed> parsed, boolean othersRejected) {
		try {
			return graph.inOneTransaction(() -> {
				List<Outcome> outcomes = new ArrayList<>();
				boolean anyRejected = othersRejected;
				for (Parsed document : parsed) {
					try {
						var result = audit.record(Source.CLI, "import " + document.file().getFileName(),
								() -> documents.importDocument(document.content()));
						outcomes.add(new Outcome(document.file(), result.summary(), null));
					}
					catch (InvalidDocumentException ex) {
						anyRejected = true;
						outcomes.add(new Outcome(document.file(), null, rejection(document.file(), ex)));
					}
				}
				if (anyRejected) {
					throw new RunRejected(outcomes);
				}
				return outcomes;
			});
		}
		catch (RunRejected ex) {
			return ex.outcomes;
		}
	}

	private Optional<ImportFormat> recognising(Path path) {
		return formats.stream().filter(f -> f.recognises(path)).findFirst();
	}

	private void usage(PrintStream err) {
		err.println("Usage: java -jar abilitymap.jar import [--format=NAME] FILE|FOLDER...");
		err.println("Imports job catalogues, education catalogues, work-task submissions and programmes (JSON),");
		err.println("in that order whatever the order of the files, all in one transaction: if any is rejected,");
		err.println("nothing is written. Then, once they have committed, files of these formats:");
		formats.forEach(f -> err.printf("  %-16s %s%n", f.name(), f.description()));
	}

	private static String rejection(Path file, InvalidDocumentException ex) {
		StringBuilder text = new StringBuilder("✘ " + file + ": rejected with " + ex.problems().size()
				+ " problem(s), nothing written:");
		ex.problems().forEach(p -> text.append(System.lineSeparator()).append("    ").append(p));
		return text.toString();
	}

	/** What came of one document: its summary when it was imported, else its rejection with its problems. */
	private record Outcome(Path file, String summary, String rejection) {
	}

	/** Rolls back the transaction of a run with a rejected document, carrying what came of every document. */
	private static final class RunRejected extends RuntimeException {

		private final transient List<Outcome> outcomes;

		RunRejected(List<Outcome> outcomes) {
			super("A document of the run was rejected", null, false, false);
			this.outcomes = outcomes;
		}
	}

	private record Parsed(Path file, Object content, DocumentImport.Kind kind) {
	}

	private record FormatFile(Path path, ImportFormat format) {
	}
}
