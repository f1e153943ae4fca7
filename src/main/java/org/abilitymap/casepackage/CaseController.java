package org.abilitymap.casepackage;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.JsonDocuments;
import org.abilitymap.documents.Problem;
import org.abilitymap.imports.Progress;
import org.abilitymap.points.Point;
import org.abilitymap.points.PointMatch;
import org.abilitymap.support.graphql.InvalidArgumentException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL access to CASE packages: {@code caseExport}, {@code caseFramework} and {@code importCasePackage}. */
@Controller
class CaseController {

	private final CaseExport exports;

	private final CaseImport imports;

	private final JsonDocuments json;

	CaseController(CaseExport exports, CaseImport imports, JsonDocuments json) {
		this.exports = exports;
		this.imports = imports;
		this.json = json;
	}

	/** Input of {@code importCasePackage}. */
	record ImportCasePackageInput(String document) {
	}

	/** Payload of {@code importCasePackage}. */
	record ImportCasePackagePayload(CaseImportResult.Outcome outcome, String frameworkId, String title, int itemCount,
			int groupingItemCount, int hierarchyLinkCount, List<PointMatch> matchedPoints, List<Point> createdPoints,
			List<org.abilitymap.points.PointWarning> warnings, List<Problem> errors) {

		static ImportCasePackagePayload of(CaseImportResult r) {
			return new ImportCasePackagePayload(r.outcome(), r.frameworkId(), r.title(), r.items(), r.groupingItems(),
					r.hierarchyLinks(), r.matchedPoints(), r.createdPoints(), r.warnings(), List.of());
		}

		static ImportCasePackagePayload rejected(List<Problem> problems) {
			return new ImportCasePackagePayload(null, null, null, 0, 0, 0, List.of(), List.of(), List.of(), problems);
		}
	}

	@QueryMapping
	String caseExport(@Argument String jobId, @Argument CaseExportKind what) {
		try {
			return exports.exportJob(jobId, what, Progress.NONE);
		}
		catch (InvalidArgumentException ex) {
			return null; // no such job
		}
	}

	@QueryMapping
	String caseFramework(@Argument String identifier) {
		try {
			return exports.exportFramework(identifier.toLowerCase(Locale.ROOT));
		}
		catch (InvalidArgumentException ex) {
			return null;
		}
	}

	@MutationMapping
	ImportCasePackagePayload importCasePackage(@Argument ImportCasePackageInput input) {
		try {
			Object parsed = json.parse(input.document().getBytes(StandardCharsets.UTF_8));
			return ImportCasePackagePayload.of(imports.importPackage(parsed, Progress.NONE));
		}
		catch (InvalidDocumentException ex) {
			return ImportCasePackagePayload.rejected(ex.problems());
		}
	}
}
