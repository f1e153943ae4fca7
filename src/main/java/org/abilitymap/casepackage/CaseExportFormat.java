package org.abilitymap.casepackage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.abilitymap.imports.ExportFormat;
import org.abilitymap.imports.Progress;
import org.abilitymap.support.graphql.InvalidArgumentException;
import org.springframework.stereotype.Component;

/**
 * {@code export --format=case --job=ID [--what=standard|ability-map]} or {@code --framework=UUID}: a CASE 1.1
 * CFPackage of a job's standard or ability map, or of a framework imported earlier.
 */
@Component
class CaseExportFormat implements ExportFormat {

	private final CaseExport exports;

	CaseExportFormat(CaseExport exports) {
		this.exports = exports;
	}

	@Override
	public String name() {
		return "case";
	}

	@Override
	public String description() {
		return "CASE 1.1 package (JSON): --job=ID [--what=standard|ability-map], or --framework=UUID";
	}

	@Override
	public String extension() {
		return "case.json";
	}

	@Override
	public Set<String> options() {
		return Set.of("job", "what", "framework");
	}

	@Override
	public String exportTo(Map<String, String> options, OutputStream out, Progress progress) throws IOException {
		String job = options.get("job");
		String framework = options.get("framework");
		if ((job == null) == (framework == null)) {
			throw new InvalidArgumentException(job == null ? "job" : "framework",
					"Give either --job=ID (with --what=standard or ability-map) or --framework=UUID.");
		}
		String text;
		String baseName;
		if (framework != null) {
			text = exports.exportFramework(framework.toLowerCase(Locale.ROOT));
			baseName = framework;
		}
		else {
			CaseExportKind what = options.containsKey("what") ? CaseExportKind.ofOption(options.get("what"))
					: CaseExportKind.STANDARD;
			if (what == null) {
				throw new InvalidArgumentException("what",
						"'--what' must be 'standard' or 'ability-map', not '" + options.get("what") + "'.");
			}
			text = exports.exportJob(job, what, progress);
			baseName = job + "-" + what.name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
		out.write(text.getBytes(StandardCharsets.UTF_8));
		return baseName;
	}
}
