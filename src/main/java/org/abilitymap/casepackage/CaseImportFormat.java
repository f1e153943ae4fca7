package org.abilitymap.casepackage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.abilitymap.documents.JsonDocuments;
import org.abilitymap.imports.ImportFormat;
import org.abilitymap.imports.Progress;
import org.springframework.stereotype.Component;

/**
 * {@code import [--format=case] FILE.json|FOLDER}: a CASE CFPackage, recognised as a {@code .json} file whose top
 * level has {@code CFDocument} or {@code CFItems}.
 */
@Component
class CaseImportFormat implements ImportFormat {

	/** The top-level fields that make a JSON file a CASE package. */
	private static final Set<String> PACKAGE_FIELDS = Set.of("CFDocument", "CFItems");

	private final CaseImport imports;

	private final JsonDocuments json;

	CaseImportFormat(CaseImport imports, JsonDocuments json) {
		this.imports = imports;
		this.json = json;
	}

	@Override
	public String name() {
		return "case";
	}

	@Override
	public String description() {
		return "CASE 1.1 CFPackage (.json with CFDocument, CFItems, CFAssociations)";
	}

	@Override
	public boolean recognises(Path path) {
		if (!Files.isRegularFile(path) || !path.getFileName().toString().endsWith(".json")) {
			return false;
		}
		try (InputStream input = Files.newInputStream(path)) {
			return json.hasTopLevelField(input, PACKAGE_FIELDS);
		}
		catch (IOException ex) {
			return false; // not ours; the JSON document import reports what is wrong with it
		}
	}

	/**
	 * Imports a package file, or every package file of a folder (sorted by name, each in its own transaction,
	 * stopping at the first one refused).
	 */
	@Override
	public String importFrom(Path path, Progress progress) throws IOException {
		if (Files.isDirectory(path)) {
			List<String> summaries = new ArrayList<>();
			try (Stream<Path> listing = Files.list(path)) {
				for (Path file : listing.filter(this::recognises).sorted().toList()) {
					summaries.add(file.getFileName() + ": " + importFrom(file, progress));
				}
			}
			return summaries.isEmpty() ? "no CASE package in the folder" : String.join("; ", summaries);
		}
		Object parsed;
		try (InputStream input = Files.newInputStream(path)) {
			parsed = json.parse(input);
		}
		CaseImportResult r = imports.importPackage(parsed, progress);
		return r.outcome() + " framework " + r.frameworkId() + " '" + r.title() + "' (" + r.items() + " items, "
				+ r.groupingItems() + " grouping, " + r.hierarchyLinks() + " isChildOf, " + r.matchedPoints().size()
				+ " points matched, " + r.createdPoints().size() + " created)";
	}
}
