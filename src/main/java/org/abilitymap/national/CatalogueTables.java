package org.abilitymap.national;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.national.NationalData.CatalogueEntry;
import org.abilitymap.national.NationalData.CrosswalkLink;

/**
 * Reads the tab-separated conversions of 职业教育专业目录 and 专业-职业对照表 under {@code tsv/}: missing columns are
 * problems that stop the import, unreadable rows are warnings.
 */
final class CatalogueTables {

	static final String CATALOGUE_PREFIX = "职业教育专业目录";

	static final String CROSSWALK_PREFIX = "专业-职业对照表";

	static final Pattern PROGRAMME_CODE = Pattern.compile("\\d{6}K?");

	static final Pattern OCCUPATION_CODE = Pattern.compile("\\d-\\d{2}-\\d{2}-\\d{2}");

	private static final List<String> CATALOGUE_COLUMNS = List.of("专业大类代码", "专业大类", "专业类代码", "专业类", "专业代码",
			"专业名称", "层次");

	private static final List<String> CROSSWALK_COLUMNS = List.of("专业代码", "专业名称", "职业编码", "职业名称");

	/** The levels as the catalogue writes them, to the names of {@code ProgrammeLevel}. */
	static final Map<String, String> LEVELS = Map.of("中职", "SECONDARY", "高职专科", "HIGHER_VOCATIONAL", "高职本科",
			"UNDERGRADUATE_VOCATIONAL", "职教本科", "UNDERGRADUATE_VOCATIONAL");

	private final SourceFiles files;

	private final List<Problem> problems;

	private final List<ReadingWarning> warnings;

	CatalogueTables(SourceFiles files, List<Problem> problems, List<ReadingWarning> warnings) {
		this.files = files;
		this.problems = problems;
		this.warnings = warnings;
	}

	/** A table read: its name and rows (cells by column name) with their line numbers; null when unreadable. */
	private record Table(String file, List<Map<String, String>> rows, List<Integer> lines) {
	}

	List<CatalogueEntry> catalogue(List<Path> tsvFiles) throws IOException {
		List<Path> catalogueFiles = tsvFiles.stream()
			.filter(f -> f.getFileName().toString().startsWith(CATALOGUE_PREFIX))
			.toList();
		if (catalogueFiles.isEmpty()) {
			problems.add(new Problem("tsv/", ProblemCode.REQUIRED,
					"No programme catalogue: expected a file " + CATALOGUE_PREFIX + "__<sheet>.tsv in tsv/."));
			return List.of();
		}
		Map<String, CatalogueEntry> entries = new LinkedHashMap<>();
		for (Path file : catalogueFiles) {
			Table table = read(file, CATALOGUE_COLUMNS);
			if (table == null) {
				continue;
			}
			for (int i = 0; i < table.rows().size(); i++) {
				Map<String, String> row = table.rows().get(i);
				int line = table.lines().get(i);
				String code = row.get("专业代码");
				String level = LEVELS.get(row.get("层次"));
				String classCode = row.get("专业类代码");
				String categoryCode = row.get("专业大类代码");
				if (!PROGRAMME_CODE.matcher(code).matches()) {
					warn(table, line, "programme code '" + code + "' is not six digits; the row was skipped");
				}
				else if (level == null) {
					warn(table, line, "level '" + row.get("层次") + "' of " + code + " is none of " + LEVELS.keySet()
							+ "; the row was skipped");
				}
				else if (!classCode.matches("\\d{4}") || !categoryCode.matches("\\d{2}") || !code.startsWith(classCode)
						|| !classCode.startsWith(categoryCode)) {
					warn(table, line, "codes '" + categoryCode + "' / '" + classCode + "' / '" + code
							+ "' do not nest (大类 2 digits, 专业类 4, 专业 6); the row was skipped");
				}
				else if (entries.containsKey(code)) {
					warn(table, line, "programme code " + code + " appears a second time; the row was skipped");
				}
				else if (row.get("专业名称").isEmpty() || row.get("专业类").isEmpty() || row.get("专业大类").isEmpty()) {
					warn(table, line, "a name of programme " + code + " is empty; the row was skipped");
				}
				else {
					String note = row.getOrDefault("备注", "");
					entries.put(code, new CatalogueEntry(code, row.get("专业名称"), level, classCode, row.get("专业类"),
							categoryCode, row.get("专业大类"), note.isEmpty() ? null : note));
				}
			}
		}
		return List.copyOf(entries.values());
	}

	List<CrosswalkLink> crosswalk(List<Path> tsvFiles) throws IOException {
		List<CrosswalkLink> links = new ArrayList<>();
		for (Path file : tsvFiles) {
			if (!file.getFileName().toString().startsWith(CROSSWALK_PREFIX)) {
				continue;
			}
			Table table = read(file, CROSSWALK_COLUMNS);
			if (table == null) {
				continue;
			}
			if (file.getFileName().toString().contains("普通本科")) {
				warnings.add(new ReadingWarning(table.file(), 1, "general undergraduate programmes (普通本科) are not in "
						+ "the vocational catalogue; the sheet's " + table.rows().size() + " rows were not imported"));
				continue;
			}
			for (int i = 0; i < table.rows().size(); i++) {
				Map<String, String> row = table.rows().get(i);
				int line = table.lines().get(i);
				String programme = row.get("专业代码");
				String occupation = row.get("职业编码");
				if (!PROGRAMME_CODE.matcher(programme).matches()) {
					warn(table, line, "programme code '" + programme + "' is not six digits; the row was skipped");
				}
				else if (!OCCUPATION_CODE.matcher(occupation).matches()) {
					warn(table, line, "occupation code '" + occupation + "' is not of the form 6-22-02-01; the row was skipped");
				}
				else {
					links.add(new CrosswalkLink(programme, row.get("专业名称"), occupation, row.get("职业名称"),
							table.file(), line));
				}
			}
		}
		return links;
	}

	/**
	 * Reads a table whose header names at least {@code required}; blank rows and the sheets' closing notes (注：…)
	 * are left out.
	 */
	private Table read(Path file, List<String> required) throws IOException {
		String name = files.name(file);
		List<String> lines = files.lines(file, problems);
		if (lines == null) {
			return null;
		}
		if (lines.isEmpty()) {
			problems.add(new Problem(name + ":1", ProblemCode.EMPTY, "The file is empty; it needs a header row with "
					+ String.join(", ", required) + "."));
			return null;
		}
		List<String> header = List.of(lines.get(0).split("\t", -1)).stream().map(ChineseText::clean).toList();
		List<String> missing = required.stream().filter(c -> !header.contains(c)).toList();
		if (!missing.isEmpty()) {
			problems.add(new Problem(name + ":1", ProblemCode.REQUIRED, "Missing column" + (missing.size() == 1 ? " " : "s ")
					+ String.join(", ", missing) + "; the header has: " + String.join(", ", header)
					+ " (columns are separated by tabs)."));
			return null;
		}
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			columns.putIfAbsent(header.get(i), i);
		}
		List<Map<String, String>> rows = new ArrayList<>();
		List<Integer> numbers = new ArrayList<>();
		for (int i = 1; i < lines.size(); i++) {
			String[] cells = lines.get(i).split("\t", -1);
			if (lines.get(i).isBlank() || cells[0].strip().startsWith("注")) {
				continue;
			}
			Map<String, String> row = new HashMap<>();
			columns.forEach((column, index) -> row.put(column, index < cells.length ? ChineseText.clean(cells[index]) : ""));
			rows.add(row);
			numbers.add(i + 1);
		}
		return new Table(name, rows, numbers);
	}

	private void warn(Table table, int line, String message) {
		warnings.add(new ReadingWarning(table.file(), line, message));
	}
}
