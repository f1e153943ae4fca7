package org.abilitymap.esco;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.esco.EscoDataset.Broader;
import org.abilitymap.esco.EscoDataset.Occupation;
import org.abilitymap.esco.EscoDataset.OccupationSkill;
import org.abilitymap.esco.EscoDataset.Skill;
import org.abilitymap.esco.EscoDataset.SkillGroup;
import org.abilitymap.esco.EscoSources.EscoFile;
import org.abilitymap.esco.EscoSources.Source;
import org.abilitymap.imports.Progress;
import org.abilitymap.points.PointKind;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and checks the ESCO CSV files with Commons CSV, streamed as UTF-8 from wherever they are, locating every
 * problem by file, line and column.
 */
final class EscoReader {

	/** Beyond this many problems the rest are only counted: a wrong file would otherwise list every row. */
	static final int MAX_PROBLEMS = 200;

	static final Set<String> SKILL_TYPES = Set.of("skill/competence", "knowledge");

	static final Set<String> REUSE_LEVELS = Set.of("transversal", "cross-sector", "sector-specific",
			"occupation-specific");

	static final Set<String> RELATION_TYPES = Set.of("essential", "optional");

	private static final CSVFormat CSV = CSVFormat.RFC4180.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.get();

	private final EscoSources sources;

	private final Progress progress;

	private final Consumer<Concepts> conceptsRead;

	private final List<Problem> problems = new ArrayList<>();

	private int unlistedProblems;

	private EscoReader(EscoSources sources, Progress progress, Consumer<Concepts> conceptsRead) {
		this.sources = sources;
		this.progress = progress;
		this.conceptsRead = conceptsRead;
	}

	/** The result of reading: a dataset when there are no problems. */
	record Read(EscoDataset dataset, List<Problem> problems) {
	}

	/** The concepts of the files, checked, before the links between them are read. */
	record Concepts(List<Occupation> occupations, List<Skill> skills, List<SkillGroup> skillGroups) {
	}

	/**
	 * Reads, handing the concepts to {@code conceptsRead} as soon as the files of concepts are read without
	 * a problem, while the files of links are still to be read (and may still have problems).
	 */
	static Read read(EscoSources sources, Progress progress, Consumer<Concepts> conceptsRead) {
		return new EscoReader(sources, progress, conceptsRead).read();
	}

	private Read read() {
		List<String> missing = new ArrayList<>();
		for (EscoFile file : EscoFile.values()) {
			if (sources.source(file).isEmpty()) {
				if (file.required()) {
					problem(new Problem(file.englishName(), ProblemCode.REQUIRED,
							"The ESCO file " + file.englishName() + " is in neither the zip nor the folder given."));
				}
				else {
					missing.add(file.englishName());
				}
			}
		}
		Map<String, Occupation> occupations = new LinkedHashMap<>();
		Map<String, Skill> skills = new LinkedHashMap<>();
		Map<String, SkillGroup> groups = new LinkedHashMap<>();
		Set<Broader> broader = new LinkedHashSet<>();
		Map<String, OccupationSkill> relations = new LinkedHashMap<>();
		walk(EscoFile.OCCUPATIONS, List.of("conceptUri", "preferredLabel", "altLabels", "iscoGroup", "description",
				"code"), row -> occupation(row, occupations));
		walk(EscoFile.SKILLS, List.of("conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels",
				"description"), row -> skill(row, skills));
		walk(EscoFile.SKILL_GROUPS, List.of("conceptUri", "preferredLabel", "altLabels", "description", "code"),
				row -> skillGroup(row, groups));
		List<String> hierarchyColumns = new ArrayList<>();
		for (int level = 0; level < 4; level++) {
			hierarchyColumns.addAll(List.of(levelUri(level), levelTerm(level), levelCode(level)));
		}
		Map<String, SkillGroup> hierarchyGroups = new LinkedHashMap<>();
		walk(EscoFile.SKILLS_HIERARCHY, hierarchyColumns, row -> hierarchy(row, hierarchyGroups, broader));
		hierarchyGroups.forEach(groups::putIfAbsent);
		if (problems.isEmpty()) {
			conceptsRead.accept(new Concepts(List.copyOf(occupations.values()), List.copyOf(skills.values()),
					List.copyOf(groups.values())));
		}
		walk(EscoFile.BROADER_SKILLS, List.of("conceptUri", "broaderUri"), row -> {
			String uri = uri(row, "conceptUri");
			String broaderUri = uri(row, "broaderUri");
			if (uri != null && broaderUri != null) {
				broader.add(new Broader(uri, broaderUri));
			}
		});
		walk(EscoFile.OCCUPATION_SKILLS, List.of("occupationUri", "relationType", "skillType", "skillUri"),
				row -> occupationSkill(row, relations));
		if (!problems.isEmpty()) {
			if (unlistedProblems > 0) {
				problems.add(new Problem("", ProblemCode.INVALID_VALUE, unlistedProblems
						+ " more problems are not listed; correct these first."));
			}
			return new Read(null, problems);
		}
		Set<String> conceptsOfSkillPillar = new HashSet<>(skills.keySet());
		conceptsOfSkillPillar.addAll(groups.keySet());
		List<Broader> knownBroader = broader.stream()
			.filter(b -> conceptsOfSkillPillar.contains(b.uri()) && conceptsOfSkillPillar.contains(b.broaderUri()))
			.toList();
		List<OccupationSkill> knownRelations = relations.values()
			.stream()
			.filter(r -> occupations.containsKey(r.occupationUri()) && skills.containsKey(r.skillUri()))
			.toList();
		return new Read(new EscoDataset(sources.version().orElse(null), List.copyOf(occupations.values()),
				List.copyOf(skills.values()), List.copyOf(groups.values()), knownBroader, knownRelations,
				relations.size() - knownRelations.size(), broader.size() - knownBroader.size(), missing), List.of());
	}

	private void occupation(Row row, Map<String, Occupation> occupations) {
		String uri = uri(row, "conceptUri");
		String label = required(row, "preferredLabel");
		if (uri == null || label == null || duplicate(row, uri, occupations.containsKey(uri))) {
			return;
		}
		occupations.put(uri, new Occupation(uri, label, labels(row.get("altLabels")), row.optional("iscoGroup"),
				row.optional("code"), row.optional("description")));
	}

	private void skill(Row row, Map<String, Skill> skills) {
		String uri = uri(row, "conceptUri");
		String label = required(row, "preferredLabel");
		String skillType = oneOf(row, "skillType", SKILL_TYPES);
		String reuseLevel = oneOf(row, "reuseLevel", REUSE_LEVELS);
		if (uri == null || label == null || duplicate(row, uri, skills.containsKey(uri))
				|| "?".equals(skillType) || "?".equals(reuseLevel)) {
			return;
		}
		PointKind kind = "knowledge".equals(skillType) ? PointKind.KNOWLEDGE : PointKind.SKILL;
		skills.put(uri, new Skill(uri, kind, skillType, reuseLevel, label, labels(row.get("altLabels")),
				row.optional("description")));
	}

	private void skillGroup(Row row, Map<String, SkillGroup> groups) {
		String uri = uri(row, "conceptUri");
		String label = required(row, "preferredLabel");
		if (uri == null || label == null || duplicate(row, uri, groups.containsKey(uri))) {
			return;
		}
		groups.put(uri, new SkillGroup(uri, label, labels(row.get("altLabels")), row.optional("code"),
				row.optional("description")));
	}

	/**
	 * A row of skillsHierarchy_en.csv describes its deepest level; each level is narrower than the one before. Groups
	 * only named here (seven in v1.1.1) are created from their term and code.
	 */
	private void hierarchy(Row row, Map<String, SkillGroup> groups, Set<Broader> broader) {
		String previous = null;
		for (int level = 0; level < 4; level++) {
			String uri = row.optional(levelUri(level));
			if (uri == null) {
				continue;
			}
			uri = uri(row, levelUri(level));
			if (uri == null) {
				return;
			}
			if (previous != null) {
				broader.add(new Broader(uri, previous));
			}
			String term = row.optional(levelTerm(level));
			if (term != null) {
				groups.putIfAbsent(uri, new SkillGroup(uri, term, List.of(), row.optional(levelCode(level)), null));
			}
			previous = uri;
		}
	}

	private void occupationSkill(Row row, Map<String, OccupationSkill> relations) {
		String occupationUri = uri(row, "occupationUri");
		String skillUri = uri(row, "skillUri");
		String relationType = required(row, "relationType");
		if (relationType != null && !RELATION_TYPES.contains(relationType)) {
			problem(row.problem("relationType", ProblemCode.INVALID_VALUE, "'" + relationType
					+ "' is not a relation type; expected essential or optional."));
			return;
		}
		String skillType = oneOf(row, "skillType", SKILL_TYPES);
		if (occupationUri == null || skillUri == null || relationType == null || "?".equals(skillType)) {
			return;
		}
		OccupationSkill relation = new OccupationSkill(occupationUri, skillUri, relationType);
		OccupationSkill earlier = relations.putIfAbsent(occupationUri + " " + skillUri, relation);
		if (earlier != null && !earlier.relationType().equals(relationType)) {
			problem(row.problem("relationType", ProblemCode.DUPLICATE_ID, "This occupation and skill are already "
					+ "related as " + earlier.relationType() + " on an earlier line."));
		}
	}

	private String uri(Row row, String column) {
		String uri = required(row, column);
		if (uri != null && (!uri.startsWith(EscoDataset.URI_PREFIX) || uri.length() == EscoDataset.URI_PREFIX.length()
				|| uri.chars().anyMatch(Character::isWhitespace))) {
			problem(row.problem(column, ProblemCode.INVALID_VALUE,
					"'" + uri + "' is not an ESCO concept URI (" + EscoDataset.URI_PREFIX + "…)."));
			return null;
		}
		return uri;
	}

	private String required(Row row, String column) {
		String value = row.optional(column);
		if (value == null) {
			problem(row.problem(column, ProblemCode.REQUIRED, "The " + column + " is empty."));
		}
		return value;
	}

	/** The value when empty or allowed; "?" after reporting a value outside the set. */
	private String oneOf(Row row, String column, Set<String> allowed) {
		String value = row.optional(column);
		if (value != null && !allowed.contains(value)) {
			problem(row.problem(column, ProblemCode.INVALID_VALUE, "'" + value + "' is not one of "
					+ String.join(", ", allowed.stream().sorted().toList()) + "."));
			return "?";
		}
		return value;
	}

	private boolean duplicate(Row row, String uri, boolean seen) {
		if (seen) {
			problem(row.problem("conceptUri", ProblemCode.DUPLICATE_ID, "The concept " + uri
					+ " is listed twice in this file."));
		}
		return seen;
	}

	/** ESCO separates alternative labels by line breaks inside one field. */
	private static List<String> labels(String field) {
		if (field == null || field.isBlank()) {
			return List.of();
		}
		return Arrays.stream(field.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}

	private void walk(EscoFile file, List<String> columns, Consumer<Row> handler) {
		Source source = sources.source(file).orElse(null);
		if (source == null) {
			return;
		}
		progress.begin("reading " + source.name(), -1);
		long lastLine = 1;
		try (InputStream input = source.open(); CSVParser parser = CSV.parse(utf8(input))) {
			List<String> header = parser.getHeaderNames();
			List<String> absent = columns.stream().filter(c -> !header.contains(c)).toList();
			if (!absent.isEmpty()) {
				problem(new Problem(location(source, 1, null), ProblemCode.REQUIRED, "The header lacks the column(s) "
						+ String.join(", ", absent) + "; it has " + String.join(", ", header) + "."));
				return;
			}
			lastLine = parser.getCurrentLineNumber();
			int rows = 0;
			for (CSVRecord record : parser) {
				Row row = new Row(source, lastLine + 1, record);
				lastLine = parser.getCurrentLineNumber();
				// ESCO leaves trailing empty fields out (skillsHierarchy_en.csv does); more fields than columns is wrong.
				if (record.size() > header.size()) {
					problem(new Problem(location(source, row.line(), null), ProblemCode.MALFORMED, "The line has "
							+ record.size() + " fields; the header has " + header.size() + "."));
				}
				else {
					handler.accept(row);
				}
				if (++rows == 1000) {
					progress.advance(rows);
					rows = 0;
				}
			}
			progress.advance(rows);
		}
		catch (UncheckedIOException | IOException | IllegalArgumentException | IllegalStateException ex) {
			// Commons CSV reports a broken quote as an exception; the record it could not finish starts after the last.
			problem(new Problem(location(source, lastLine + 1, null), ProblemCode.MALFORMED,
					"The file is not valid CSV from this line on (" + cause(ex) + ")."));
		}
	}

	private static String cause(Exception ex) {
		Throwable cause = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
		String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
		return message.replaceFirst("^\\((start)?line \\d+\\) ", "");
	}

	private static Reader utf8(InputStream input) throws IOException {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		BufferedReader reader = new BufferedReader(new InputStreamReader(input, decoder), 1 << 16);
		reader.mark(1);
		if (reader.read() != '\uFEFF') {
			reader.reset();
		}
		return reader;
	}

	private void problem(Problem problem) {
		if (problems.size() < MAX_PROBLEMS) {
			problems.add(problem);
		}
		else {
			unlistedProblems++;
		}
	}

	static String location(Source source, long line, String column) {
		return source.name() + ", line " + line + (column == null ? "" : ", column " + column);
	}

	private static String levelUri(int level) {
		return "Level " + level + " URI";
	}

	private static String levelTerm(int level) {
		return "Level " + level + " preferred term";
	}

	private static String levelCode(int level) {
		return "Level " + level + " code";
	}

	/** One CSV record with the line it starts on. */
	private record Row(Source source, long line, CSVRecord record) {

		String get(String column) {
			return record.isSet(column) ? record.get(column) : "";
		}

		/** The value with surrounding white space removed; null when empty or left out. */
		String optional(String column) {
			String value = get(column).strip();
			return value.isEmpty() ? null : value;
		}

		Problem problem(String column, ProblemCode code, String message) {
			return new Problem(location(source, line, column), code, message);
		}
	}
}
