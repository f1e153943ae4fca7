package org.abilitymap.national;

import org.abilitymap.accounts.Allowed;
import org.abilitymap.accounts.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.imports.Progress;
import org.abilitymap.national.NationalData.CatalogueEntry;
import org.abilitymap.national.NationalData.CrosswalkLink;
import org.abilitymap.national.NationalData.DictionaryOccupation;
import org.abilitymap.national.NationalData.ProgrammeProfile;
import org.abilitymap.support.neo4j.Graph;
import org.abilitymap.support.neo4j.Rows;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/**
 * Imports the national reference data folder (职业教育专业目录, 专业-职业对照表, 职业教育专业简介, 职业分类大典) in one
 * transaction: catalogue programmes by code, occupations by code, their links and the profiles' competency
 * requirements; idempotent, and nothing is written when a file cannot be read at all.
 */
@Service
public class NationalReferenceImport {

	static final String TSV = "tsv";

	static final String PROFILES = "moe_pdfs_md";

	static final String DICTIONARY = "occupation_dictionary_split";

	private static final int BATCH = 500;

	private final Graph graph;

	private final NationalReferenceRepository repository;

	NationalReferenceImport(Graph graph, NationalReferenceRepository repository) {
		this.graph = graph;
		this.repository = repository;
	}

	/** What an import wrote, and what it could not read. */
	public record Result(int categories, int classes, int programmes, int programmesWithProfile,
			int competencyRequirements, int occupations, int crosswalkOnlyOccupations, int crosswalkLinks,
			int targetLinks, long schoolProgrammesLinked, List<ReadingWarning> warnings) {

		/** One paragraph for a person: the counts, then every warning on its own line. */
		public String summary() {
			StringBuilder text = new StringBuilder().append(categories).append(" programme categories, ").append(classes)
				.append(" classes, ").append(programmes).append(" catalogue programmes (").append(programmesWithProfile)
				.append(" with a profile, ").append(competencyRequirements).append(" competency requirements), ")
				.append(occupations).append(" occupations (").append(crosswalkOnlyOccupations)
				.append(" known only from the crosswalk), ").append(crosswalkLinks).append(" programme–occupation links, ")
				.append(targetLinks).append(" target occupations from 职业面向, ").append(schoolProgrammesLinked)
				.append(" school programmes linked; ").append(warnings.size()).append(warnings.size() == 1 ? " warning" : " warnings");
			warnings.forEach(w -> text.append(System.lineSeparator()).append("  warning ").append(w));
			return text.toString();
		}
	}

	/** Whether the folder has the three parts of the national data. */
	public static boolean looksLikeNationalData(Path folder) {
		return Files.isDirectory(folder.resolve(TSV)) && Files.isDirectory(folder.resolve(PROFILES))
				&& Files.isDirectory(folder.resolve(DICTIONARY));
	}

	/**
	 * Reads the folder and writes it.
	 *
	 * @throws InvalidDocumentException with every located problem when a part is missing or unreadable
	 */
	@Allowed(Operation.IMPORT_REFERENCE_DATA)
	public Result importFrom(Path folder, Progress progress) throws IOException {
		NationalData data = read(folder, progress);
		return graph.write(tx -> write(tx, data, progress));
	}

	NationalData read(Path folder, Progress progress) throws IOException {
		List<Problem> problems = new ArrayList<>();
		List<ReadingWarning> warnings = new ArrayList<>();
		if (!Files.isDirectory(folder)) {
			throw new InvalidDocumentException(List.of(new Problem(folder.toString(), ProblemCode.INVALID_VALUE,
					"Not a folder: give the folder that holds tsv/, moe_pdfs_md/ and occupation_dictionary_split/.")));
		}
		for (String part : List.of(TSV, PROFILES, DICTIONARY)) {
			if (!Files.isDirectory(folder.resolve(part))) {
				problems.add(new Problem(part + "/", ProblemCode.REQUIRED, "The folder " + part + "/ is missing."));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidDocumentException(problems);
		}
		SourceFiles files = new SourceFiles(folder);
		List<Path> tsvFiles = files.list(TSV, ".tsv");
		List<Path> profileFiles = files.list(PROFILES, ".md");
		List<Path> dictionaryFiles = files.list(DICTIONARY, ".md");
		progress.begin("reading files", tsvFiles.size() + profileFiles.size() + dictionaryFiles.size());

		CatalogueTables tables = new CatalogueTables(files, problems, warnings);
		List<CatalogueEntry> catalogue = tables.catalogue(tsvFiles);
		List<CrosswalkLink> crosswalk = tables.crosswalk(tsvFiles);
		progress.advance(tsvFiles.size());

		OccupationDictionary dictionary = new OccupationDictionary(warnings);
		Map<String, DictionaryOccupation> occupations = new LinkedHashMap<>();
		Map<String, String> firstSeen = new HashMap<>();
		for (Path file : dictionaryFiles) {
			List<String> lines = files.lines(file, problems);
			if (lines != null) {
				for (DictionaryOccupation occupation : dictionary.read(files.name(file), lines)) {
					if (occupations.containsKey(occupation.code())) {
						warnings.add(new ReadingWarning(files.name(file), occupation.line(), "occupation " + occupation.code()
								+ " was already read from " + firstSeen.get(occupation.code()) + "; this entry was skipped"));
					}
					else {
						occupations.put(occupation.code(), occupation);
						firstSeen.put(occupation.code(), files.name(file));
					}
				}
			}
			progress.advance(1);
		}
		addWorkTypes(dictionary.workTypeAdditions(), occupations, warnings);
		if (dictionaryFiles.isEmpty()) {
			problems.add(new Problem(DICTIONARY + "/", ProblemCode.EMPTY, "No occupation dictionary files (*.md)."));
		}

		ProgrammeProfiles reader = new ProgrammeProfiles(warnings);
		Map<String, ProgrammeProfile> profiles = new LinkedHashMap<>();
		for (Path file : profileFiles) {
			List<String> lines = files.lines(file, problems);
			if (lines != null) {
				for (ProgrammeProfile profile : reader.read(files.name(file), lines)) {
					ProgrammeProfile earlier = profiles.putIfAbsent(profile.code(), profile);
					if (earlier != null) {
						warnings.add(new ReadingWarning(profile.file(), profile.line(), "programme " + profile.code()
								+ " already has a profile at " + earlier.file() + ":" + earlier.line() + "; this one was skipped"));
					}
				}
			}
			progress.advance(1);
		}
		if (!problems.isEmpty()) {
			throw new InvalidDocumentException(problems);
		}
		return new NationalData(catalogue, crosswalk, List.copyOf(occupations.values()), List.copyOf(profiles.values()),
				warnings);
	}

	private Result write(TransactionContext tx, NationalData data, Progress progress) {
		List<ReadingWarning> warnings = new ArrayList<>(data.warnings());

		// Catalogue programmes: the catalogue table, plus profiled programmes it leaves out (the K majors).
		Map<String, Map<String, Object>> programmes = new LinkedHashMap<>();
		Map<String, String> categories = new TreeMap<>();
		Map<String, Map<String, Object>> classes = new TreeMap<>();
		for (CatalogueEntry entry : data.catalogue()) {
			categories.put(entry.categoryCode(), entry.categoryName());
			classes.put(entry.classCode(), Rows.of("code", entry.classCode(), "name", entry.className(), "categoryCode",
					entry.categoryCode()));
			programmes.put(entry.code(), Rows.of("code", entry.code(), "name", entry.name(), "level", entry.level(),
					"note", entry.note(), "classCode", entry.classCode(), "inCatalogueTable", true));
		}
		Map<String, ProgrammeProfile> profiles = new HashMap<>();
		for (ProgrammeProfile profile : data.profiles()) {
			Map<String, Object> row = programmes.get(profile.code());
			if (row == null) {
				String level = levelOfCode(profile.code());
				String categoryCode = profile.code().substring(0, 2);
				if (profile.name() == null || profile.name().isEmpty()) {
					warnings.add(new ReadingWarning(profile.file(), profile.line(), "programme " + profile.code()
							+ " is not in the catalogue and its profile has no 专业名称; it was skipped"));
					continue;
				}
				if (level == null || !categories.containsKey(categoryCode)) {
					warnings.add(new ReadingWarning(profile.file(), profile.line(), "programme " + profile.code()
							+ " is not in the catalogue and its category " + categoryCode + " is unknown; it was skipped"));
					continue;
				}
				classes.putIfAbsent(profile.classCode(), Rows.of("code", profile.classCode(), "name",
						profile.className(), "categoryCode", categoryCode));
				row = Rows.of("code", profile.code(), "name", profile.name(), "level", level, "note", null,
						"classCode", profile.classCode(), "inCatalogueTable", false);
				programmes.put(profile.code(), row);
			}
			profiles.put(profile.code(), profile);
		}
		for (Map<String, Object> row : programmes.values()) {
			ProgrammeProfile profile = profiles.get((String) row.get("code"));
			row.put("hasProfile", profile != null);
			row.put("duration", profile == null ? null : profile.duration());
			row.put("orientation", profile == null ? null : profile.orientation());
			row.put("trainingGoal", profile == null ? null : profile.trainingGoal());
			row.put("foundationCourses", profile == null ? List.of() : profile.foundationCourses());
			row.put("coreCourses", profile == null ? List.of() : profile.coreCourses());
			row.put("practicalTraining", profile == null ? null : profile.practicalTraining());
			row.put("exampleCertificates", profile == null ? List.of() : profile.exampleCertificates());
		}

		progress.begin("programme catalogue", categories.size() + classes.size() + programmes.size());
		List<Map<String, Object>> categoryRows = categories.entrySet().stream()
			.map(e -> Rows.of("code", e.getKey(), "name", e.getValue()))
			.toList();
		batches(tx, categoryRows, repository::upsertCategories, progress);
		batches(tx, List.copyOf(classes.values()), repository::upsertClasses, progress);
		batches(tx, List.copyOf(programmes.values()), repository::upsertProgrammes, progress);

		progress.begin("occupations", data.occupations().size());
		List<Map<String, Object>> occupationRows = data.occupations().stream()
			.map(o -> Rows.of("id", occupationId(o.code()), "code", o.code(), "name", o.name(), "definition",
					o.definition(), "mainTasks", o.mainTasks(), "workTypes", o.workTypes(), "green", o.green(), "digital",
					o.digital(), "edition", o.edition()))
			.toList();
		batches(tx, occupationRows, repository::upsertOccupations, progress);

		// Crosswalk: one row per catalogue programme with all its occupations; unknown programmes are warned once.
		Set<String> dictionaryCodes = new LinkedHashSet<>();
		data.occupations().forEach(o -> dictionaryCodes.add(o.code()));
		Map<String, Map<String, Object>> crosswalkOnly = new LinkedHashMap<>();
		Map<String, Set<String>> occupationsByProgramme = new LinkedHashMap<>();
		programmes.keySet().forEach(code -> occupationsByProgramme.put(code, new LinkedHashSet<>()));
		Map<String, List<CrosswalkLink>> unknownProgrammes = new LinkedHashMap<>();
		for (CrosswalkLink link : data.crosswalk()) {
			Set<String> linked = occupationsByProgramme.get(link.programmeCode());
			if (linked == null) {
				unknownProgrammes.computeIfAbsent(link.programmeCode(), c -> new ArrayList<>()).add(link);
				continue;
			}
			linked.add(occupationId(link.occupationCode()));
			if (!dictionaryCodes.contains(link.occupationCode())) {
				crosswalkOnly.putIfAbsent(link.occupationCode(), Rows.of("id", occupationId(link.occupationCode()),
						"code", link.occupationCode(), "name", link.occupationName()));
			}
		}
		unknownProgrammes.forEach((code, links) -> warnings.add(new ReadingWarning(links.get(0).file(),
				links.get(0).line(), "programme " + code + " " + links.get(0).programmeName()
						+ " is neither in the catalogue nor profiled; its " + links.size() + " occupation rows were skipped")));
		List<Map<String, Object>> crosswalkRows = occupationsByProgramme.entrySet().stream()
			.map(e -> Rows.of("code", e.getKey(), "occupationIds", List.copyOf(e.getValue())))
			.toList();
		progress.begin("programme–occupation crosswalk", crosswalkOnly.size() + crosswalkRows.size());
		batches(tx, List.copyOf(crosswalkOnly.values()), repository::addCrosswalkOccupations, progress);
		batches(tx, crosswalkRows, repository::linkCrosswalk, progress);

		// Profiles: competency requirements, and the occupations 职业面向 names exactly.
		Map<String, String> occupationByName = occupationsByName(data.occupations());
		List<Map<String, Object>> competencyRows = new ArrayList<>();
		List<Map<String, Object>> targetRows = new ArrayList<>();
		int competencies = 0;
		int targets = 0;
		for (String code : programmes.keySet()) {
			ProgrammeProfile profile = profiles.get(code);
			List<Map<String, Object>> items = profile == null ? List.of()
					: profile.competencies().stream().map(c -> Rows.of("number", c.number(), "text", c.text())).toList();
			competencies += items.size();
			competencyRows.add(Rows.of("code", code, "items", items));
			List<String> targetIds = profile == null ? List.of() : OccupationNames.named(profile.orientation(), occupationByName)
				.stream().map(NationalReferenceImport::occupationId).toList();
			targets += targetIds.size();
			targetRows.add(Rows.of("code", code, "occupationIds", targetIds));
		}
		progress.begin("programme profiles", competencyRows.size() + targetRows.size());
		batches(tx, competencyRows, repository::upsertCompetencies, progress);
		batches(tx, targetRows, repository::linkTargets, progress);

		progress.begin("school programmes", -1);
		long schoolProgrammes = repository.linkSchoolProgrammes(tx);
		int crosswalkLinks = occupationsByProgramme.values().stream().mapToInt(Set::size).sum();
		return new Result(categories.size(), classes.size(), programmes.size(), profiles.size(), competencies,
				data.occupations().size() + crosswalkOnly.size(), crosswalkOnly.size(), crosswalkLinks, targets,
				schoolProgrammes, List.copyOf(warnings));
	}

	/** Adds the supplements' new work types (工种) to their occupations, found by code or else by unique name. */
	private static void addWorkTypes(List<OccupationDictionary.WorkTypeAddition> additions,
			Map<String, DictionaryOccupation> occupations, List<ReadingWarning> warnings) {
		Map<String, String> byName = occupationsByName(List.copyOf(occupations.values()));
		for (OccupationDictionary.WorkTypeAddition addition : additions) {
			String code = addition.code() != null ? addition.code() : byName.get(addition.name());
			DictionaryOccupation occupation = code == null ? null : occupations.get(code);
			if (occupation == null) {
				warnings.add(new ReadingWarning(addition.file(), addition.line(), "new work types of '" + addition.name()
						+ "'" + (addition.code() == null ? "" : " (" + addition.code() + ")")
						+ " were skipped: no single occupation of that " + (addition.code() == null ? "name" : "code")));
				continue;
			}
			List<String> workTypes = new ArrayList<>(occupation.workTypes());
			addition.workTypes().stream().filter(t -> !workTypes.contains(t)).forEach(workTypes::add);
			occupations.put(code, new DictionaryOccupation(occupation.code(), occupation.name(), occupation.definition(),
					occupation.mainTasks(), List.copyOf(workTypes), occupation.green(), occupation.digital(), occupation.edition(),
					occupation.line()));
		}
	}

	/** The id of a national occupation, as the job catalogue names it too ({@code cn-6-22-02-01}). */
	static String occupationId(String code) {
		return "cn-" + code;
	}

	/** The level a programme code stands for in the 2021 catalogue: 2x/3x 本科, 4x/5x 专科, 6x/7x 中职. */
	static String levelOfCode(String code) {
		return switch (code.charAt(0)) {
			case '2', '3' -> "UNDERGRADUATE_VOCATIONAL";
			case '4', '5' -> "HIGHER_VOCATIONAL";
			case '6', '7' -> "SECONDARY";
			default -> null;
		};
	}

	private static Map<String, String> occupationsByName(List<DictionaryOccupation> occupations) {
		Map<String, String> byName = new HashMap<>();
		Set<String> ambiguous = new LinkedHashSet<>();
		for (DictionaryOccupation occupation : occupations) {
			if (byName.putIfAbsent(occupation.name(), occupation.code()) != null) {
				ambiguous.add(occupation.name());
			}
		}
		ambiguous.forEach(byName::remove);
		return byName;
	}

	private static void batches(TransactionContext tx, List<Map<String, Object>> rows,
			BatchWrite write, Progress progress) {
		for (int from = 0; from < rows.size(); from += BATCH) {
			List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
			write.accept(tx, batch);
			progress.advance(batch.size());
		}
	}

	/** A repository method writing one batch. */
	private interface BatchWrite extends BiConsumer<TransactionContext, List<Map<String, Object>>> {
	}
}
