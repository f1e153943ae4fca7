package org.abilitymap.national;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.abilitymap.imports.Progress;
import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Imports the full shared national data when it is present next to the project (it is not committed: licence) and
 * checks the graph against counts taken from the files independently of the import's parsers.
 */
class NationalReferenceFullDataTest extends GraphTestSupport {

	private static final Path DATA = Path.of("../shared/data/cn-vocational");

	@Autowired
	NationalReferenceImport nationalImport;

	@Test
	void theFullNationalDataImportsWithCountsMatchingTheFiles() throws IOException {
		assumeTrue(NationalReferenceImport.looksLikeNationalData(DATA),
				"The national data is not at " + DATA.toAbsolutePath().normalize() + "; the full import is not tested.");

		NationalReferenceImport.Result result = nationalImport.importFrom(DATA, Progress.NONE);

		// Catalogue rows: tab-separated lines whose level column is a vocational level.
		Set<String> tableCodes = new HashSet<>();
		for (String line : lines(DATA.resolve("tsv/职业教育专业目录__全部专业.tsv"))) {
			String[] cells = line.split("\t", -1);
			if (cells.length >= 7 && Set.of("中职", "高职专科", "职教本科", "高职本科").contains(cells[6].strip())) {
				tableCodes.add(cells[4].strip());
			}
		}
		Set<String> profileCodes = new HashSet<>();
		Pattern codeLine = Pattern.compile("^专业代码\\s*(\\d{6}K?)\\s*$");
		int numberedLines = 0;
		for (Path file : files("moe_pdfs_md")) {
			for (String line : lines(file)) {
				Matcher m = codeLine.matcher(line.strip());
				if (m.matches()) {
					profileCodes.add(m.group(1));
				}
				if (line.strip().matches("^\\d+\\s*[.．、].*")) {
					numberedLines++;
				}
			}
		}
		Set<String> allProgrammes = new HashSet<>(tableCodes);
		allProgrammes.addAll(profileCodes);
		assertThat(count("CatalogueProgramme")).isEqualTo(allProgrammes.size()).isEqualTo(result.programmes());
		assertThat(graph.query("MATCH (p:CatalogueProgramme) WHERE p.inCatalogueTable RETURN count(p) AS c", java.util.Map.of(),
				r -> r.get("c").asInt())).containsExactly(tableCodes.size());
		assertThat(graph.query("MATCH (p:CatalogueProgramme) WHERE p.hasProfile RETURN count(p) AS c", java.util.Map.of(),
				r -> r.get("c").asInt())).containsExactly(profileCodes.size());

		// Occupations: "# 6-01-01-01 名称" headings of the 2022 edition, "### （一）2-02-32-02 名称" of the supplements.
		Set<String> dictionaryCodes = new HashSet<>();
		Pattern edition2022 = Pattern.compile("^#\\s*(\\d-\\d{2}-\\d{2}-\\d{2})\\s*[^\\s（].*$");
		Pattern supplement = Pattern.compile("^###\\s*（[一二三四五六七八九十]+）\\s*(\\d-\\d{2}-\\d{2}-\\d{2})\\s+\\S.*$");
		for (Path file : files("occupation_dictionary_split")) {
			for (String line : lines(file)) {
				Matcher m = edition2022.matcher(line.strip());
				Matcher s = supplement.matcher(line.strip());
				if (m.matches()) {
					dictionaryCodes.add(m.group(1));
				}
				else if (s.matches()) {
					dictionaryCodes.add(s.group(1));
				}
			}
		}
		// Crosswalk: distinct programme–occupation pairs of the vocational sheets whose programme was imported.
		Set<String> pairs = new HashSet<>();
		Set<String> crosswalkOccupations = new HashSet<>();
		for (Path file : files("tsv")) {
			String name = file.getFileName().toString();
			if (!name.startsWith("专业-职业对照表") || name.contains("普通本科")) {
				continue;
			}
			for (String line : lines(file)) {
				String[] cells = line.split("\t", -1);
				if (cells.length >= 4 && allProgrammes.contains(cells[1].strip())
						&& cells[3].strip().matches("\\d-\\d{2}-\\d{2}-\\d{2}")) {
					pairs.add(cells[1].strip() + " " + cells[3].strip());
					crosswalkOccupations.add(cells[3].strip());
				}
			}
		}
		Set<String> allOccupations = new HashSet<>(dictionaryCodes);
		allOccupations.addAll(crosswalkOccupations);
		assertThat(count("ReferenceOccupation")).isEqualTo(allOccupations.size()).isEqualTo(result.occupations());
		assertThat(graph.query("MATCH ()-[r:MAPS_TO_OCCUPATION]->() RETURN count(r) AS c", java.util.Map.of(),
				r -> r.get("c").asInt())).containsExactly(pairs.size());

		// Competency requirements: every numbered line is at most one, and nearly all are read.
		long requirements = count("CompetencyRequirement");
		assertThat(requirements).isEqualTo(result.competencyRequirements()).isPositive().isLessThanOrEqualTo(numberedLines);
		assertThat(result.warnings()).isNotEmpty().allSatisfy(w -> assertThat(w.line()).isPositive());
	}

	private static List<Path> files(String folder) throws IOException {
		try (Stream<Path> files = Files.list(DATA.resolve(folder))) {
			return files.filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".tsv")).sorted().toList();
		}
	}

	private static List<String> lines(Path file) throws IOException {
		return Files.readAllLines(file, StandardCharsets.UTF_8);
	}
}
