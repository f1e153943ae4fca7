package org.abilitymap.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abilitymap.alignment.AlignmentTargets;
import org.abilitymap.alignment.Target;
import org.abilitymap.curriculum.Programme;
import org.abilitymap.imports.ExportFormat;
import org.abilitymap.imports.Progress;
import org.abilitymap.support.graphql.InvalidArgumentException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code export} command's report formats: {@code matrix-xlsx}, {@code alignment-xlsx} and
 * {@code alignment-html}, for a {@code --programme} (id or code) and, for the alignment ones, a target chosen by
 * {@code --jobs=a,b}, {@code --job-group} or {@code --certificate}.
 */
@Configuration(proxyBeanMethods = false)
class ReportExportFormats {

	static final AlignmentTargets.ArgumentNames OPTIONS = new AlignmentTargets.ArgumentNames("jobs", "jobs",
			"job-group", "certificate");

	private static final Set<String> ALIGNMENT_OPTIONS = Set.of("programme", "jobs", "job-group", "certificate");

	@Bean("matrix-xlsx")
	ExportFormat matrixWorkbook(AlignmentReports reports) {
		return new ReportFormat("matrix-xlsx", "xlsx", Set.of("programme"),
				"the curriculum matrix as a spreadsheet: --programme=ID|CODE", (options, out, progress) -> {
					MatrixReport report = reports.matrix(programme(reports, options), progress);
					ReportWorkbooks.writeMatrix(report, out, progress);
					return "matrix-" + report.fileStem();
				});
	}

	@Bean("alignment-xlsx")
	ExportFormat alignmentWorkbook(AlignmentReports reports) {
		return new ReportFormat("alignment-xlsx", "xlsx", ALIGNMENT_OPTIONS,
				"the alignment report as a spreadsheet: --programme=ID|CODE [--jobs=A,B|--job-group=ID|--certificate=ID]",
				(options, out, progress) -> {
					AlignmentReport report = alignment(reports, options, progress);
					ReportWorkbooks.writeAlignment(report, out, progress);
					return report.fileStem();
				});
	}

	@Bean("alignment-html")
	ExportFormat alignmentPage(AlignmentReports reports) {
		return new ReportFormat("alignment-html", "html", ALIGNMENT_OPTIONS,
				"the alignment report as a printable page: --programme=ID|CODE [--jobs=A,B|--job-group=ID|--certificate=ID]",
				(options, out, progress) -> {
					AlignmentReport report = alignment(reports, options, progress);
					AlignmentHtmlReport.write(report, out, progress);
					return report.fileStem();
				});
	}

	private static AlignmentReport alignment(AlignmentReports reports, Map<String, String> options, Progress progress) {
		Programme programme = programme(reports, options);
		String jobs = options.get("jobs");
		List<String> jobIds = jobs == null ? null
				: Arrays.stream(jobs.split(",")).map(String::trim).filter(j -> !j.isEmpty()).toList();
		if (jobIds != null && jobIds.isEmpty()) {
			throw new InvalidArgumentException("jobs", "Give one or more job ids separated by commas.");
		}
		Target target = reports.target(jobIds, blank(options, "job-group"), blank(options, "certificate"), OPTIONS);
		return reports.alignment(programme, target, progress);
	}

	private static Programme programme(AlignmentReports reports, Map<String, String> options) {
		String programme = options.get("programme");
		if (programme == null || programme.isBlank() || "true".equals(programme)) {
			throw new InvalidArgumentException("programme",
					"Give the programme's id or code (专业代码), for example --programme=460702.");
		}
		return reports.programme(programme, "programme").orElseThrow(() -> new InvalidArgumentException("programme",
				"There is no programme with id or code '" + programme + "'."));
	}

	private static String blank(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value != null && (value.isBlank() || "true".equals(value))) {
			throw new InvalidArgumentException(name, "Give a value: --" + name + "=ID.");
		}
		return value;
	}

	/** Writes one report to a stream and answers the file name stem. */
	@FunctionalInterface
	interface Writer {

		String write(Map<String, String> options, OutputStream out, Progress progress) throws IOException;
	}

	/** An export format that writes one of the reports. */
	record ReportFormat(String name, String extension, Set<String> options, String description, Writer writer)
			implements ExportFormat {

		@Override
		public String exportTo(Map<String, String> options, OutputStream out, Progress progress) throws IOException {
			return writer.write(options, out, progress);
		}
	}
}
