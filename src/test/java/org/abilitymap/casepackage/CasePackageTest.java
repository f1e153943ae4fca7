package org.abilitymap.casepackage;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.abilitymap.alignment.AlignmentFixture;
import org.abilitymap.cli.ExportCommand;
import org.abilitymap.cli.ImportCommand;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.imports.DocumentImport;
import org.abilitymap.imports.Progress;
import org.abilitymap.points.PointMatch;
import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static org.abilitymap.alignment.AlignmentFixture.ENTERPRISE_1;
import static org.abilitymap.alignment.AlignmentFixture.ENTERPRISE_2;
import static org.abilitymap.alignment.AlignmentFixture.JOB_A;
import static org.abilitymap.alignment.AlignmentFixture.submissionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CASE packages on a real graph: a job's standard and ability map survive export → import into an empty graph →
 * export with the same bytes and the same points and hierarchy; bad packages are refused with every problem
 * located and nothing written; importing twice changes nothing; points match by CASE identifier; the command line
 * reads and writes packages.
 */
class CasePackageTest extends GraphTestSupport {

	private static final String FOREIGN = "6a1f0c3e-2b4d-4e8f-9a17-3c5d7e9f1a2b";

	@Autowired
	private DocumentImport imports;

	@Autowired
	private CaseExport exports;

	@Autowired
	private CaseImport caseImport;

	@Autowired
	private ImportCommand importCommand;

	@Autowired
	private ExportCommand exportCommand;

	@TempDir
	private Path folder;

	private AlignmentFixture fixture;

	@BeforeEach
	void jobAWithTwoApprovedSubmissions() {
		fixture = new AlignmentFixture(imports, json, graphQlTester);
		fixture.loadCatalogues();
		fixture.importDocument("submission-ent1-job-a.json");
		fixture.importDocument("submission-ent2-job-a.json");
		fixture.approve(submissionId(ENTERPRISE_1, JOB_A, 1), submissionId(ENTERPRISE_2, JOB_A, 1));
	}

	// --- round trips ---------------------------------------------------------------------------------------

	@Test
	void theStandardSurvivesExportImportIntoAnEmptyGraphAndExportAgain() {
		String exported = exports.exportJob(JOB_A, CaseExportKind.STANDARD, Progress.NONE);
		assertThat(exports.exportJob(JOB_A, CaseExportKind.STANDARD, Progress.NONE)).isEqualTo(exported);
		Set<String> points = points();
		Set<String> lines = graph.query("""
				MATCH (:Job {id: $job})-[r:REQUIRES_POINT]->(p)
				RETURN p.id + ' ' + r.level + ' ' + r.importance + ' ' + r.essential AS line
				""", Map.of("job", JOB_A), r -> r.get("line").asString()).stream().collect(TreeSet::new, Set::add, Set::addAll);
		assertThat(lines).hasSize(8);

		wipeGraph();
		CaseImportResult result = caseImport.importPackage(json.parse(bytes(exported)), Progress.NONE);

		assertThat(result.outcome()).isEqualTo(CaseImportResult.Outcome.CREATED);
		assertThat(result.createdPoints()).hasSize(8);
		assertThat(exports.exportFramework(result.frameworkId())).isEqualTo(exported);
		assertThat(points()).isEqualTo(points);
		Set<String> imported = graph.query("""
				MATCH (p)-[r:IN_FRAMEWORK]->(f:Framework {id: $id}), (p)-[:PART_OF {frameworkId: $id}]->(f)
				RETURN p.id + ' ' + r.requiredLevel + ' ' + r.importance + ' ' + r.essential AS line
				""", Map.of("id", result.frameworkId()), r -> r.get("line").asString()).stream()
			.collect(TreeSet::new, Set::add, Set::addAll);
		assertThat(imported).isEqualTo(lines);
	}

	@Test
	void theAbilityMapSurvivesExportImportIntoAnEmptyGraphAndExportAgain() {
		String exported = exports.exportJob(JOB_A, CaseExportKind.ABILITY_MAP, Progress.NONE);
		Set<String> points = points();
		Set<String> tree = new TreeSet<>(graph.query("""
				MATCH (s:Submission {jobId: $job, current: true})-[:HAS_PROJECT]->(p)-[:HAS_TASK]->(t)-[:HAS_STEP]->(st)
				      -[:REQUIRES_SKILL]->(sk)
				OPTIONAL MATCH (st)-[k:REQUIRES_KNOWLEDGE {skillId: sk.id}]->(kn)
				RETURN [p.name + ' < job', t.name + ' < ' + p.name, st.name + ' < ' + t.name, sk.id + ' < ' + st.name]
				       + CASE WHEN kn IS NULL THEN [] ELSE [kn.id + ' < ' + sk.id] END AS edges
				""", Map.of("job", JOB_A), r -> r.get("edges").asList(v -> v.asString())).stream()
			.flatMap(List::stream).toList());

		wipeGraph();
		CaseImportResult result = caseImport.importPackage(json.parse(bytes(exported)), Progress.NONE);

		assertThat(exports.exportFramework(result.frameworkId())).isEqualTo(exported);
		assertThat(points()).isEqualTo(points);
		Set<String> importedTree = new TreeSet<>(graph.query("""
				MATCH (c)-[:PART_OF {frameworkId: $id}]->(p)
				RETURN CASE WHEN c:FrameworkItem THEN c.name ELSE c.id END + ' < '
				       + CASE WHEN p:Framework THEN 'job' WHEN p:FrameworkItem THEN p.name ELSE p.id END AS edge
				""", Map.of("id", result.frameworkId()), r -> r.get("edge").asString()));
		assertThat(importedTree).isEqualTo(tree);
		assertThat(result.groupingItems()).isEqualTo(count("FrameworkItem")).isPositive();
	}

	@Test
	void importingTheExportIntoTheOriginalGraphMatchesEveryPointByIdAndChangesNoExport() {
		String exported = exports.exportJob(JOB_A, CaseExportKind.ABILITY_MAP, Progress.NONE);
		long pointsBefore = count("SkillPoint") + count("KnowledgePoint");

		CaseImportResult result = caseImport.importPackage(json.parse(bytes(exported)), Progress.NONE);

		assertThat(result.createdPoints()).isEmpty();
		assertThat(result.matchedPoints()).isNotEmpty()
			.allSatisfy(m -> assertThat(m.matchedBy()).isEqualTo(PointMatch.MatchRule.ID));
		assertThat(count("SkillPoint") + count("KnowledgePoint")).isEqualTo(pointsBefore);
		assertThat(exports.exportJob(JOB_A, CaseExportKind.ABILITY_MAP, Progress.NONE)).isEqualTo(exported);
	}

	@Test
	void aJobWithoutApprovedSubmissionsExportsAnEmptyStandardWithTheFixedDate() {
		String exported = exports.exportJob(AlignmentFixture.JOB_C, CaseExportKind.STANDARD, Progress.NONE);

		@SuppressWarnings("unchecked")
		Map<String, Object> pkg = (Map<String, Object>) json.parse(bytes(exported));
		assertThat((List<?>) pkg.get("CFItems")).isEmpty();
		@SuppressWarnings("unchecked")
		Map<String, Object> document = (Map<String, Object>) pkg.get("CFDocument");
		assertThat(document).containsEntry("lastChangeDateTime", CaseExport.NO_DATE)
			.containsEntry("identifier", CaseIds.document(AlignmentFixture.JOB_C, CaseExportKind.STANDARD));
		assertThat(caseImport.importPackage(pkg, Progress.NONE).outcome()).isEqualTo(CaseImportResult.Outcome.CREATED);
		assertThat(exports.exportFramework(CaseIds.document(AlignmentFixture.JOB_C, CaseExportKind.STANDARD)))
			.isEqualTo(exported);
	}

	// --- idempotency and matching ---------------------------------------------------------------------------

	@Test
	void importingTheSamePackageTwiceChangesNothingTheSecondTime() {
		Object pkg = fixture(); // a fresh parse each time
		assertThat(caseImport.importPackage(pkg, Progress.NONE).outcome()).isEqualTo(CaseImportResult.Outcome.CREATED);
		List<String> before = fingerprint();

		CaseImportResult again = caseImport.importPackage(fixture(), Progress.NONE);

		assertThat(again.outcome()).isEqualTo(CaseImportResult.Outcome.UNCHANGED);
		assertThat(fingerprint()).isEqualTo(before);
		// the framework comes back out as it went in
		assertThat(json.parse(bytes(exports.exportFramework(FOREIGN)))).isEqualTo(fixture());
	}

	@Test
	void aForeignFrameworkLandsOnExistingPointsByNameJoinsExactMatchesAndIsLinkedFromTheJobExport() {
		CaseImportResult result = caseImport.importPackage(fixture(), Progress.NONE);

		assertThat(result.matchedPoints()).extracting(m -> m.point().id() + " " + m.matchedBy())
			.containsExactly("al-sk-a NAME");
		assertThat(result.createdPoints()).extracting(p -> p.name() + " " + p.kind())
			.containsExactly("Torque specifications for module bolts KNOWLEDGE"); // its exactMatchOf twin joins it
		assertThat(result.groupingItems()).isEqualTo(1);
		assertThat(graph.query("""
				MATCH (k:KnowledgePoint)-[r:IN_FRAMEWORK]->(:Framework {id: $id}) RETURN count(DISTINCT k) AS points,
				       count(r) AS items
				""", Map.of("id", FOREIGN), r -> r.get("points").asInt() + "/" + r.get("items").asInt()))
			.containsExactly("1/2");

		String standard = exports.exportJob(JOB_A, CaseExportKind.STANDARD, Progress.NONE);
		assertThat(standard).contains("\"associationType\" : \"exactMatchOf\"",
				"\"identifier\" : \"1c8f3b52-6d4e-4a7f-9bac-2d3e4f5a6b71\"");

		// renamed in a new version of the framework: the CASE identifier still finds the same point
		@SuppressWarnings("unchecked")
		Map<String, Object> changed = (Map<String, Object>) fixture();
		@SuppressWarnings("unchecked")
		Map<String, Object> skill = (Map<String, Object>) ((List<Object>) changed.get("CFItems")).get(1);
		skill.put("fullStatement", "Fasten modules to the pack frame");
		CaseImportResult updated = caseImport.importPackage(changed, Progress.NONE);

		assertThat(updated.outcome()).isEqualTo(CaseImportResult.Outcome.UPDATED);
		assertThat(updated.matchedPoints()).extracting(m -> m.point().id() + " " + m.matchedBy())
			.contains("al-sk-a CASE_IDENTIFIER");
		assertThat(updated.createdPoints()).isEmpty();
		assertThat(count("FrameworkItem")).isEqualTo(1);
	}

	// --- validation -----------------------------------------------------------------------------------------

	@Test
	void aBadPackageIsRefusedWithEveryProblemLocatedAndNothingWritten() {
		List<String> before = fingerprint();
		String bad = new String(bytes(exports.exportJob(JOB_A, CaseExportKind.ABILITY_MAP, Progress.NONE)),
				StandardCharsets.UTF_8);
		@SuppressWarnings("unchecked")
		Map<String, Object> pkg = (Map<String, Object>) json.parse(bytes(bad));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> items = (List<Map<String, Object>>) pkg.get("CFItems");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> associations = (List<Map<String, Object>>) pkg.get("CFAssociations");
		items.get(1).remove("CFItemType");
		items.get(1).remove("CFItemTypeURI");
		items.get(2).put("identifier", "not-a-uuid");
		items.get(3).put("identifier", items.get(0).get("identifier"));
		items.get(4).put("lastChangeDateTime", "yesterday");
		items.get(5).put("extensions", Map.of("requiredLevel", "EXPERT"));
		associations.get(0).put("associationType", "isParentOf");
		@SuppressWarnings("unchecked")
		Map<String, Object> origin = (Map<String, Object>) associations.get(1).get("originNodeURI");
		origin.put("identifier", "00000000-0000-4000-8000-00000000dead");
		// the last parent becomes a child of its own child: a cycle
		Map<String, Object> last = associations.get(associations.size() - 1);
		Map<String, Object> cycle = new java.util.LinkedHashMap<>(last);
		cycle.put("identifier", "00000000-0000-4000-8000-00000000c0c0");
		cycle.put("originNodeURI", last.get("destinationNodeURI"));
		cycle.put("destinationNodeURI", last.get("originNodeURI"));
		int cycleIndex = associations.size();
		associations.add(cycle);

		assertThatThrownBy(() -> caseImport.importPackage(pkg, Progress.NONE))
			.isInstanceOfSatisfying(InvalidDocumentException.class, ex -> {
				assertThat(ex.problems()).extracting(Problem::path)
					.contains("CFItems[1].CFItemType", "CFItems[2].identifier", "CFItems[3].identifier",
							"CFItems[4].lastChangeDateTime", "CFItems[5].extensions.requiredLevel",
							"CFAssociations[0].associationType", "CFAssociations[1].originNodeURI.identifier");
				assertThat(ex.problems()).filteredOn(p -> p.message().contains("cycle")).extracting(Problem::path)
					.containsExactly("CFAssociations[" + cycleIndex + "]"); // the cycle's last link in the package
			});
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void aForeignPackageWithWrongLinksIsRefusedAtEachLinkAndNothingIsWritten() {
		List<String> before = fingerprint();
		@SuppressWarnings("unchecked")
		Map<String, Object> pkg = (Map<String, Object>) fixture();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> items = (List<Map<String, Object>>) pkg.get("CFItems");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> associations = (List<Map<String, Object>>) pkg.get("CFAssociations");
		String strand = (String) items.get(0).get("identifier");
		String skill = (String) items.get(1).get("identifier");
		items.get(3).put("CFItemType", 7);
		// the strand under its own skill: a cycle of two
		associations.get(0).put("destinationNodeURI", Map.of("identifier", skill, "uri", "urn:x"));
		associations.get(2).put("destinationNodeURI", Map.of("identifier", "c0000000-0000-4000-8000-000000000000",
				"uri", "urn:x"));
		associations.get(3).put("destinationNodeURI", Map.of("identifier", skill, "uri", "urn:x"));
		associations.get(4).put("originNodeURI", Map.of("identifier", strand));

		assertThatThrownBy(() -> caseImport.importPackage(pkg, Progress.NONE))
			.isInstanceOfSatisfying(InvalidDocumentException.class, ex -> assertThat(ex.problems())
				.extracting(p -> p.path() + " " + p.code())
				.containsExactlyInAnyOrder("CFItems[3].CFItemType WRONG_TYPE",
						"CFAssociations[2].destinationNodeURI.identifier UNKNOWN_REFERENCE",
						"CFAssociations[3] INVALID_VALUE", // exactMatchOf between a knowledge and a skill point
						"CFAssociations[4].originNodeURI.uri REQUIRED",
						"CFAssociations[1] INVALID_VALUE")); // the isChildOf closing the cycle
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void malformedAndOversizedInputIsRefusedThroughGraphQl() {
		List<String> before = fingerprint();
		graphQlTester.document("""
				mutation { importCasePackage(input: {document: "{\\"CFItems\\": 3}"}) { outcome errors { path code } } }
				""")
			.execute()
			.path("importCasePackage.outcome").valueIsNull()
			.path("importCasePackage.errors[*].path").entityList(String.class).contains("CFDocument", "CFItems");
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void graphQlExportsAndImports() {
		String exported = graphQlTester.document("query { caseExport(jobId: \"" + JOB_A + "\", what: STANDARD) }")
			.execute().path("caseExport").entity(String.class).get();
		assertThat(exported).isEqualTo(exports.exportJob(JOB_A, CaseExportKind.STANDARD, Progress.NONE));
		graphQlTester.document("query { caseExport(jobId: \"no-such-job\", what: STANDARD) }")
			.execute().path("caseExport").valueIsNull();

		graphQlTester.document("""
				mutation imp($input: ImportCasePackageInput!) {
				  importCasePackage(input: $input) { outcome frameworkId itemCount matchedPoints { matchedBy point { id } }
				                                     createdPoints { id } errors { path } }
				}
				""")
			.variable("input", Map.of("document", exported))
			.execute()
			.path("importCasePackage.outcome").entity(String.class).isEqualTo("CREATED")
			.path("importCasePackage.itemCount").entity(Integer.class).isEqualTo(8)
			.path("importCasePackage.createdPoints").entityList(Object.class).hasSize(0)
			.path("importCasePackage.errors").entityList(Object.class).hasSize(0);
	}

	// --- command line ---------------------------------------------------------------------------------------

	@Test
	void theCommandLineExportsAPackageAndImportsItRecognisingTheFile() throws Exception {
		Path file = folder.resolve("job-a.case.json");
		Run export = run(exportCommand::run, "--format=case", "--job=" + JOB_A, "--what=ability-map", "--out=" + file);
		assertThat(export.exitCode()).as(export.err()).isZero();
		assertThat(Files.readString(file)).isEqualTo(exports.exportJob(JOB_A, CaseExportKind.ABILITY_MAP, Progress.NONE));

		Run first = run(importCommand::run, file.toString());
		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(first.out()).contains("(case): CREATED framework");
		List<String> before = fingerprint();
		Run second = run(importCommand::run, file.toString());
		assertThat(second.out()).contains("(case): UNCHANGED framework");
		assertThat(fingerprint()).isEqualTo(before);

		Path packages = Files.createDirectory(folder.resolve("packages"));
		Files.writeString(packages.resolve("a-foreign.json"), documentText("case/foreign-framework.json"));
		Files.copy(file, packages.resolve("b-job-a.json"));
		Files.writeString(packages.resolve("notes.txt"), "not a package");
		Run named = run(importCommand::run, "--format=case", packages.toString());
		assertThat(named.exitCode()).as(named.err()).isZero();
		assertThat(named.out()).contains("a-foreign.json: CREATED framework " + FOREIGN,
				"b-job-a.json: UNCHANGED framework");

		Run bad = run(exportCommand::run, "--format=case", "--job=no-such-job");
		assertThat(bad.exitCode()).isEqualTo(1);
		assertThat(bad.err()).contains("--jobId: There is no job with id 'no-such-job'.");
	}

	// --- helpers --------------------------------------------------------------------------------------------

	private interface Command {
		int run(List<String> arguments, PrintStream out, PrintStream err);
	}

	private record Run(int exitCode, String out, String err) {
	}

	private static Run run(Command command, String... arguments) {
		var out = new ByteArrayOutputStream();
		var err = new ByteArrayOutputStream();
		int code = command.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private Object fixture() {
		return document("case/foreign-framework.json");
	}

	private Set<String> points() {
		return new TreeSet<>(graph.query("""
				MATCH (p) WHERE p:SkillPoint OR p:KnowledgePoint
				RETURN labels(p)[0] + ' ' + p.id + ' ' + p.name + ' ' + coalesce(p.nameEn, '-') AS point
				""", Map.of(), r -> r.get("point").asString()));
	}


	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
