package org.abilitymap.casepackage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.JsonDocuments;
import org.abilitymap.imports.ImportFormat;
import org.abilitymap.imports.Progress;
import org.springframework.stereotype.Component;

/**
 * {@code import [--format=case] FILE.json}: a CASE CFPackage, recognised as a {@code .json} file whose top level
 * has {@code CFDocument} or {@code CFItems}.
 */
@Component
class CaseImportFormat implements ImportFormat {

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
			return json.parse(input) instanceof Map<?, ?> map
					&& (map.containsKey("CFDocument") || map.containsKey("CFItems"));
		}
		catch (IOException | InvalidDocumentException ex) {
			return false; // not ours; the JSON document import reports what is wrong with it
		}
	}

	@Override
	public String importFrom(Path path, Progress progress) throws IOException {
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
