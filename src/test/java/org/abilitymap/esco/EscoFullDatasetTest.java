package org.abilitymap.esco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.abilitymap.imports.Progress;
import org.abilitymap.support.GraphTestSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole official ESCO v1.1.1 download from the shared data folder ({@code ../shared/data/esco-v1.1.1}), with
 * every figure counted here straight from the CSVs; skipped where that folder does not exist.
 */
class EscoFullDatasetTest extends GraphTestSupport {

	private static final Path FOLDER = Path.of("..", "shared", "data", "esco-v1.1.1");

	private static final Path CLASSIFICATION = FOLDER.resolve("ESCO dataset - v1.1.1 - classification - en - csv.zip");

	private static final Path RELATIONS = FOLDER.resolve("ESCO dataset - v1.1.1 - classification -  - csv.zip");

	@Autowired
	private EscoImport esco;

	@Test
	void theOfficialDownloadImportsWithEveryOccupationSkillAndRelation() throws IOException {
		assumeTrue(Files.isRegularFile(CLASSIFICATION) && Files.isRegularFile(RELATIONS),
				"The ESCO v1.1.1 download is not at " + FOLDER.toAbsolutePath().normalize() + "; skipped.");
		Set<String> occupations = new HashSet<>();
		each(CLASSIFICATION, "occupations_en.csv", r -> occupations.add(r.get("conceptUri")));
		Map<String, String> skillTypes = new HashMap<>();
		each(CLASSIFICATION, "skills_en.csv", r -> skillTypes.put(r.get("conceptUri"), r.get("skillType")));
		long knowledge = skillTypes.values().stream().filter("knowledge"::equals).count();
		long[] relations = new long[2];
		each(RELATIONS, "occupationSkillRelations.csv", r -> {
			if (occupations.contains(r.get("occupationUri")) && skillTypes.containsKey(r.get("skillUri"))) {
				relations[r.get("relationType").equals("essential") ? 0 : 1]++;
			}
		});

		EscoImport.Result result = esco.importEsco(CLASSIFICATION, Progress.NONE);

		assertThat(count("ReferenceOccupation")).isEqualTo(occupations.size()).isEqualTo(result.occupations());
		assertThat(count("SkillPoint")).isEqualTo(skillTypes.size() - knowledge).isEqualTo(result.skills());
		assertThat(count("KnowledgePoint")).isEqualTo(knowledge).isEqualTo(result.knowledge());
		assertThat(relationships("NEEDS_POINT", "essential")).isEqualTo(relations[0]);
		assertThat(relationships("NEEDS_POINT", "optional")).isEqualTo(relations[1]);
		assertThat(relationships("BROADER", null)).isEqualTo(result.broader()).isGreaterThan(skillTypes.size());
	}

	private long relationships(String type, String relationType) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("relationType", relationType);
		return graph.read(tx -> tx.run("MATCH ()-[r:" + type + "]->() WHERE $relationType IS NULL OR "
				+ "r.relationType = $relationType RETURN count(r) AS c", parameters).single().get("c").asLong());
	}

	private static void each(Path zipFile, String entry, Consumer<CSVRecord> action) throws IOException {
		try (ZipFile zip = new ZipFile(zipFile.toFile())) {
			ZipEntry found = zip.getEntry(entry);
			var format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
			try (var parser = format.parse(new InputStreamReader(zip.getInputStream(found), StandardCharsets.UTF_8))) {
				parser.forEach(action);
			}
		}
	}
}
