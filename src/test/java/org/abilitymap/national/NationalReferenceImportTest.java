package org.abilitymap.national;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.imports.ImportFormat;
import org.abilitymap.imports.Progress;
import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cn-vocational import on small fixtures in the formats of the national data, against the real graph. */
class NationalReferenceImportTest extends GraphTestSupport {

	@Autowired
	@Qualifier("cn-vocational")
	ImportFormat format;

	@Autowired
	NationalReferenceImport nationalImport;

	@TempDir
	Path temp;

	static Path fixture() throws URISyntaxException {
		return Path.of(NationalReferenceImportTest.class.getResource("/cn-vocational").toURI());
	}

	@Test
	void theFormatIsNamedAndRecognisesTheFolderByItsThreeParts() throws Exception {
		assertThat(format.name()).isEqualTo("cn-vocational");
		assertThat(format.recognises(fixture())).isTrue();
		assertThat(format.recognises(fixture().resolve("tsv"))).isFalse();
	}

	@Test
	void importsCatalogueOccupationsCrosswalkAndProfiles() throws Exception {
		NationalReferenceImport.Result result = nationalImport.importFrom(fixture(), Progress.NONE);

		assertThat(count("ProgrammeCategory")).isEqualTo(3).isEqualTo(result.categories());
		assertThat(count("ProgrammeClass")).isEqualTo(4).isEqualTo(result.classes());
		assertThat(count("CatalogueProgramme")).isEqualTo(7).isEqualTo(result.programmes());
		assertThat(count("ReferenceOccupation")).isEqualTo(5).isEqualTo(result.occupations());
		assertThat(count("CompetencyRequirement")).isEqualTo(6).isEqualTo(result.competencyRequirements());
		assertThat(relationships("MAPS_TO_OCCUPATION")).isEqualTo(5).isEqualTo(result.crosswalkLinks());
		assertThat(relationships("TARGETS_OCCUPATION")).isEqualTo(4).isEqualTo(result.targetLinks());

		Map<String, Object> programme = node("MATCH (p:CatalogueProgramme {code: '460701'}) RETURN properties(p) AS n");
		assertThat(programme).containsEntry("name", "汽车制造与试验技术").containsEntry("level", "HIGHER_VOCATIONAL")
			.containsEntry("duration", "三年").containsEntry("inCatalogueTable", true)
			.containsEntry("foundationCourses", List.of("汽车构造", "汽车机械制图", "汽车电工电子技术（含实训、仿真）", "车载网络技术"))
			.containsEntry("coreCourses", List.of("新能源汽车技术", "汽车装配与调试技术"))
			.containsEntry("exampleCertificates", List.of("新能源汽车装调与测试", "智能网联汽车测试装调"));
		assertThat(graph.query("""
				MATCH (:CatalogueProgramme {code: '460701'})-[:REQUIRES_COMPETENCY]->(c)
				RETURN c.number AS n, c.text AS text ORDER BY n
				""", Map.of(), r -> r.get("n").asInt() + " " + r.get("text").asString()))
			.containsExactly("1 具有汽车和总成样品试制试验、成品装配调试环节识读工艺卡作业的能力", "2 具有汽车总装生产线故障车辆维修的能力",
					"3 具有探究学习、终身学习和可持续发展的能力");
		assertThat(graph.query("""
				MATCH (:CatalogueProgramme {code: '460701'})-[:IN_CLASS]->(k:ProgrammeClass)-[:IN_CATEGORY]->(c)
				RETURN k.name + ' ' + c.name AS path
				""", Map.of(), r -> r.get("path").asString())).containsExactly("汽车制造类 装备制造大类");

		Map<String, Object> kMajor = node("MATCH (p:CatalogueProgramme {code: '520101K'}) RETURN properties(p) AS n");
		assertThat(kMajor).containsEntry("name", "临床医学").containsEntry("inCatalogueTable", false)
			.containsEntry("level", "HIGHER_VOCATIONAL");

		Map<String, Object> occupation = node("MATCH (o:ReferenceOccupation {id: 'cn-6-22-02-01'}) RETURN properties(o) AS n");
		assertThat(occupation).containsEntry("code", "6-22-02-01").containsEntry("name", "汽车装调工")
			.containsEntry("scheme", "CN_OCCUPATION_2022").containsEntry("definition", "使用工具和设备，进行汽车总成装配和调试的人员。")
			.containsEntry("mainTasks", List.of("识读图样，装配汽车零部件", "调试汽车总成，检测装配质量", "填写装配记录"))
			.containsEntry("workTypes", List.of("汽车装配工", "汽车调试工", "新能源汽车装调工", "智能座舱装调工"));
		assertThat(node("MATCH (o:ReferenceOccupation {id: 'cn-2-02-07-11'}) RETURN properties(o) AS n"))
			.containsEntry("name", "汽车工程技术人员").containsEntry("green", true).containsEntry("digital", true)
			.containsEntry("workTypes", List.of("汽车标定工程技术人员"))
			.containsEntry("definition", "从事汽车产品设计、制造、试验的工程技术人员。");
		assertThat(node("MATCH (o:ReferenceOccupation {id: 'cn-2-05-01-19'}) RETURN properties(o) AS n"))
			.containsEntry("mainTasks", List.of("诊治常见病、多发病", "开展健康管理"));
		assertThat(node("MATCH (o:ReferenceOccupation {id: 'cn-6-31-07-05'}) RETURN properties(o) AS n"))
			.containsEntry("edition", "supplement").containsEntry("workTypes", List.of("智能网联汽车装调工"))
			.containsEntry("name", "智能网联汽车装调运维员").containsEntry("digital", true).containsEntry("green", false)
			.containsEntry("mainTasks", List.of("装配智能网联汽车零部件", "调试智能网联汽车系统"));
		assertThat(node("MATCH (o:ReferenceOccupation {id: 'cn-4-12-01-01'}) RETURN properties(o) AS n"))
			.containsEntry("name", "汽车维修工").containsEntry("edition", "crosswalk");
		assertThat(result.crosswalkOnlyOccupations()).isEqualTo(1);
	}

	@Test
	void reportsWhatItCouldNotReadAsLocatedWarnings() throws Exception {
		List<String> warnings = nationalImport.importFrom(fixture(), Progress.NONE).warnings().stream()
			.map(ReadingWarning::toString)
			.toList();

		String profiles = "moe_pdfs_md/4607汽车制造类.md";
		int orphan = lineOf(profiles, "面向汽车维修工等职业。") - 2;
		assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("tsv/职业教育专业目录__全部专业.tsv:5: level '硕士'"))
			.anySatisfy(w -> assertThat(w).startsWith("tsv/专业-职业对照表__高职专业-专业职业对照.tsv:8: occupation code '6-22-02'"))
			.anySatisfy(w -> assertThat(w).startsWith("tsv/专业-职业对照表__高职专业-专业职业对照.tsv:7: programme 590101"))
			.anySatisfy(w -> assertThat(w).startsWith("tsv/专业-职业对照表__普通本科-专业职业对照.tsv:1: general undergraduate"))
			.anySatisfy(w -> assertThat(w).startsWith(profiles + ":" + orphan + ": a programme profile without its 专业代码 line"))
			.anySatisfy(w -> assertThat(w).startsWith(profiles + ":" + lineOf(profiles, "3. 具有新能源汽车故障诊断")
					+ ": 主要专业能力要求 of 460702 are numbered 3 where 2 was expected"))
			.anySatisfy(w -> assertThat(w).startsWith("moe_pdfs_md/5201临床医学类.md:" + lineOf("moe_pdfs_md/5201临床医学类.md",
					"专业代码 520102K") + ": programme 520102K has no profile sections (the text says （略）)"))
			.anySatisfy(w -> assertThat(w).startsWith("occupation_dictionary_split/class_6_生产制造及有关人员.md:"
					+ lineOf("occupation_dictionary_split/class_6_生产制造及有关人员.md", "# 6-22-02-02") + ": occupation 6-22-02-02 has no name"))
			.anySatisfy(w -> assertThat(w).contains("class_7_2025年新增职业.md:", "'装修管家' has no code yet"))
			.anySatisfy(w -> assertThat(w).startsWith("occupation_dictionary_split/class_7_2025年新增职业.md:"
					+ lineOf("occupation_dictionary_split/class_7_2025年新增职业.md", "| 3 | 消防员")
					+ ": new work types of '消防员' were skipped"));
	}

	@Test
	void importingTwiceChangesNothingTheSecondTime() throws Exception {
		format.importFrom(fixture(), Progress.NONE);
		List<String> before = fingerprint();

		format.importFrom(fixture(), Progress.NONE);

		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void aTableMissingColumnsOrATextThatIsNotUtf8IsRefusedAndNothingIsWritten() throws Exception {
		Path copy = copyOfFixture();
		Path catalogue = copy.resolve("tsv/职业教育专业目录__全部专业.tsv");
		List<String> lines = Files.readAllLines(catalogue);
		Files.writeString(catalogue, String.join("\n", Stream.concat(
				Stream.of("专业大类代码\t专业大类\t专业类代码\t专业类\t代码\t专业名称\t备注"), lines.stream().skip(1)).toList()));
		Files.write(copy.resolve("occupation_dictionary_split/class_6_生产制造及有关人员.md"),
				"# 6-22-02-01 汽车装调工\n\n".concat("使用工具").getBytes(java.nio.charset.Charset.forName("GB18030")));
		List<String> empty = fingerprint();

		assertThatThrownBy(() -> format.importFrom(copy, Progress.NONE)).isInstanceOf(InvalidDocumentException.class)
			.satisfies(ex -> assertThat(((InvalidDocumentException) ex).problems()).extracting(Problem::toString)
				.anySatisfy(p -> assertThat(p).startsWith("tsv/职业教育专业目录__全部专业.tsv:1: Missing columns 专业代码, 层次"))
				.anySatisfy(p -> assertThat(p).startsWith("occupation_dictionary_split/class_6_生产制造及有关人员.md:1: The file is not UTF-8")));
		assertThat(fingerprint()).isEqualTo(empty);
	}

	@Test
	void schoolProgrammesWithACatalogueCodeImplementTheCatalogueEntry() throws Exception {
		loadCatalog();
		jobDocuments.importDocument(document("submission-a.json"));
		jobDocuments.importDocument(document("search-programme.json"));

		NationalReferenceImport.Result result = nationalImport.importFrom(fixture(), Progress.NONE);

		assertThat(result.schoolProgrammesLinked()).isEqualTo(1);
		assertThat(graph.query("MATCH (p:Programme)-[:IMPLEMENTS]->(c:CatalogueProgramme) RETURN p.id + ' ' + c.code AS link",
				Map.of(), r -> r.get("link").asString())).containsExactly("t-prg-battery 460702");
	}

	@Test
	void graphQlReadsCatalogueProgrammesAndOccupations() throws Exception {
		nationalImport.importFrom(fixture(), Progress.NONE);

		graphQlTester.document("""
				{ catalogueProgramme(code: "460702") { code name level duration programmeClass { code name category { code name } }
				  competencyRequirements { number text } coreCourses exampleCertificates
				  occupations { code name } targetOccupations { code } } }
				""").execute()
			.path("catalogueProgramme.name").entity(String.class).isEqualTo("新能源汽车技术")
			.path("catalogueProgramme.level").entity(String.class).isEqualTo("HIGHER_VOCATIONAL")
			.path("catalogueProgramme.programmeClass.category.name").entity(String.class).isEqualTo("装备制造大类")
			.path("catalogueProgramme.competencyRequirements[*].number").entityList(Integer.class).containsExactly(1, 3)
			.path("catalogueProgramme.coreCourses").entityList(String.class).containsExactly("动力电池技术", "驱动电机技术")
			.path("catalogueProgramme.occupations[*].code").entityList(String.class).containsExactly("4-12-01-01", "6-22-02-01")
			.path("catalogueProgramme.targetOccupations[*].code").entityList(String.class).containsExactly("6-22-02-01");

		graphQlTester.document("""
				{ referenceOccupation(code: "6-22-02-01") { id name dictionary { definition mainTasks workTypes green digital edition }
				  catalogueProgrammes { code } } }
				""").execute()
			.path("referenceOccupation.id").entity(String.class).isEqualTo("cn-6-22-02-01")
			.path("referenceOccupation.dictionary.mainTasks").entityList(String.class).hasSize(3)
			.path("referenceOccupation.dictionary.edition").entity(String.class).isEqualTo("2022")
			.path("referenceOccupation.dictionary.green").entity(Boolean.class).isEqualTo(false)
			.path("referenceOccupation.catalogueProgrammes[*].code").entityList(String.class)
			.containsExactly("460701", "460702", "660701");
		graphQlTester.document("{ catalogueProgramme(code: \"000000\") { code } referenceOccupation(code: \"9-99-99-99\") { id } }")
			.execute()
			.path("catalogueProgramme").valueIsNull()
			.path("referenceOccupation").valueIsNull();
	}

	private long relationships(String type) {
		return graph.read(tx -> tx.run("MATCH ()-[r:" + type + "]->() RETURN count(r) AS c").single().get("c").asLong());
	}

	private Map<String, Object> node(String cypher) {
		return graph.queryOne(cypher, Map.of(), r -> r.get("n").asMap()).orElseThrow();
	}

	private static int lineOf(String file, String start) throws Exception {
		List<String> lines = Files.readAllLines(fixture().resolve(file), StandardCharsets.UTF_8);
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith(start)) {
				return i + 1;
			}
		}
		throw new AssertionError(start + " not in " + file);
	}

	private Path copyOfFixture() throws IOException, URISyntaxException {
		Path source = fixture();
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.toList()) {
				Path target = temp.resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		return temp;
	}
}
