package org.abilitymap.esco;

import static org.abilitymap.esco.EscoFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.abilitymap.accounts.Rights;
import org.abilitymap.audit.AuditTrail;
import org.abilitymap.audit.AuditTrail.Source;
import org.abilitymap.cli.ImportCommand;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.esco.EscoRepository.LinkBatches;
import org.abilitymap.esco.EscoRepository.LinkType;
import org.abilitymap.imports.StagedImports;
import org.abilitymap.imports.Progress;
import org.abilitymap.points.PointNames;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.TestSystemActor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ESCO import on a small download in the official layout: concepts, hierarchy and relations with their
 * properties, catalogue occupations and same-named points taken over, idempotency, and bad files refused with their
 * file, line and column while nothing is written.
 */
class EscoImportTest extends GraphTestSupport {

	@Autowired
	private EscoImport esco;

	@Autowired
	private ImportCommand command;

	@Autowired
	private StagedImports staged;

	@Autowired
	private AuditTrail audit;

	@TempDir
	private Path folder;

	@Test
	void occupationsSkillsKnowledgeHierarchyAndRelationsLandWithTheirEscoProperties() throws IOException {
		EscoImport.Result result = esco.importEsco(EscoFixture.write(folder), Progress.NONE);

		assertThat(result).extracting(EscoImport.Result::version, EscoImport.Result::occupations,
				EscoImport.Result::skills, EscoImport.Result::knowledge, EscoImport.Result::skillGroups,
				EscoImport.Result::broader, EscoImport.Result::essential, EscoImport.Result::optional,
				EscoImport.Result::skippedRelations, EscoImport.Result::skippedBroader)
			.containsExactly("1.1.1", OCCUPATION_COUNT, SKILL_COUNT, KNOWLEDGE_COUNT, GROUP_COUNT, BROADER_COUNT, 3, 2, 1, 1);
		assertThat(count("ReferenceOccupation")).isEqualTo(OCCUPATION_COUNT);
		assertThat(count("SkillPoint")).isEqualTo(SKILL_COUNT);
		assertThat(count("KnowledgePoint")).isEqualTo(KNOWLEDGE_COUNT);
		assertThat(count("SkillGroup")).isEqualTo(GROUP_COUNT);

		Map<String, Object> assembler = node("ReferenceOccupation", ASSEMBLER);
		assertThat(assembler).containsEntry("id", "esco-occupation-0a1b2c3d-0000-4000-8000-000000000001")
			.containsEntry("scheme", "ESCO")
			.containsEntry("uri", ASSEMBLER)
			.containsEntry("name", "motor vehicle assembler")
			.containsEntry("preferredLabel", "motor vehicle assembler")
			.containsEntry("altLabels", List.of("car assembler", "vehicle assembly worker"))
			.containsEntry("iscoGroup", "8211")
			.containsEntry("escoCode", "8211.1")
			.containsEntry("description", "Motor vehicle assemblers assemble vehicles, \"by hand\" or by machine.");

		Map<String, Object> packs = node("SkillPoint", ASSEMBLE_PACKS);
		assertThat(packs).containsEntry("name", "assemble battery packs")
			.containsEntry("nameKey", PointNames.key("assemble battery packs"))
			.containsEntry("skillType", "skill/competence")
			.containsEntry("reuseLevel", "sector-specific")
			.containsEntry("altLabels", List.of("build battery packs", "put battery packs together"))
			.containsEntry("createdBy", "ESCO")
			.containsEntry("createdIn", "ESCO v1.1.1");
		assertThat(node("KnowledgePoint", EV_BATTERIES)).containsEntry("skillType", "knowledge")
			.containsEntry("description", "The chemistry, cells and packs of traction batteries.");
		assertThat(node("SkillPoint", ICT_SAFETY)).doesNotContainKey("skillType").doesNotContainKey("reuseLevel");
		assertThat(node("SkillGroup", POSITIONING)).containsEntry("name", "positioning tools or equipment")
			.containsEntry("code", "S6.1");

		assertThat(links("BROADER")).containsExactlyInAnyOrder(
				tuple(ASSEMBLING, SKILLS_ROOT, null), tuple(POSITIONING, ASSEMBLING, null),
				tuple(ASSEMBLE_PACKS, ASSEMBLING, null), tuple(POWER_TOOLS, ASSEMBLING, null),
				tuple(POWER_TOOLS, ASSEMBLE_PACKS, null), tuple(ICT_SAFETY, POSITIONING, null),
				tuple(EV_BATTERIES, ENGINEERING, null));
		assertThat(links("NEEDS_POINT")).containsExactlyInAnyOrder(
				tuple(ASSEMBLER, ASSEMBLE_PACKS, "essential"), tuple(ASSEMBLER, EV_BATTERIES, "essential"),
				tuple(ASSEMBLER, POWER_TOOLS, "optional"), tuple(TECHNICIAN, QUALITY_STANDARDS, "essential"),
				tuple(TECHNICIAN, ICT_SAFETY, "optional"));
	}

	@Test
	void aSecondImportChangesNothing() throws IOException {
		loadCatalog();
		Path zip = EscoFixture.write(folder);
		EscoImport.Result first = esco.importEsco(zip, Progress.NONE);
		List<String> before = fingerprint();

		EscoImport.Result second = esco.importEsco(zip, Progress.NONE);

		assertThat(fingerprint()).isEqualTo(before);
		assertThat(second.occupations()).isEqualTo(first.occupations());
		assertThat(second.adoptedOccupations()).isZero();
	}

	@Test
	void aCatalogueOccupationWithTheSameUriBecomesTheEscoOccupationAndKeepsItsJobs() throws IOException {
		loadCatalog();

		EscoImport.Result result = esco.importEsco(EscoFixture.write(folder), Progress.NONE);

		assertThat(result.adoptedOccupations()).isEqualTo(1);
		assertThat(count("ReferenceOccupation")).isEqualTo(OCCUPATION_COUNT + 1); // + the national occupation
		Map<String, Object> engineer = node("ReferenceOccupation", AUTOMOTIVE_ENGINEER);
		assertThat(engineer).containsEntry("id", "t-esco-automotive-engineer")
			.containsEntry("name", "汽车工程师")
			.containsEntry("nameEn", "automotive engineer")
			.containsEntry("iscoGroup", "2144");
		long jobs = graph.read(tx -> tx.run("""
				MATCH (:Job)-[:CLASSIFIED_AS]->(o:EscoConcept {escoUri: $uri}) RETURN count(*) AS c
				""", Map.of("uri", AUTOMOTIVE_ENGINEER)).single().get("c").asLong());
		assertThat(jobs).isEqualTo(1);
	}

	@Test
	void anExistingPointBecomesTheEscoConceptOnlyWhenKindAndNameKeyAreEqual() throws IOException {
		graph.write(tx -> tx.run("""
				CREATE (:SkillPoint {id: 'sk-ent-packs', name: 'Assemble  Battery Packs', nameKey: $skillKey,
				                     createdBy: 'ent-a'})
				CREATE (:KnowledgePoint {id: 'kn-ent-tools', name: 'use power tools', nameKey: $knowledgeKey,
				                         createdBy: 'ent-a'})
				""", Map.of("skillKey", PointNames.key("Assemble  Battery Packs"), "knowledgeKey",
				PointNames.key("use power tools"))).consume());

		EscoImport.Result result = esco.importEsco(EscoFixture.write(folder), Progress.NONE);

		assertThat(result.adoptedPoints()).isEqualTo(1);
		assertThat(node("SkillPoint", ASSEMBLE_PACKS)).containsEntry("id", "sk-ent-packs")
			.containsEntry("name", "Assemble  Battery Packs")
			.containsEntry("createdBy", "ent-a")
			.containsEntry("preferredLabel", "assemble battery packs");
		assertThat(node("SkillPoint", POWER_TOOLS)).containsEntry("id", "esco-skill-5a000000-0000-4000-8000-000000000002");
		Map<String, Object> knowledge = graph.read(tx -> tx.run(
				"MATCH (k:KnowledgePoint {id: 'kn-ent-tools'}) RETURN properties(k) AS p").single().get("p").asMap());
		assertThat(knowledge).doesNotContainKey("escoUri");
		assertThat(count("SkillPoint")).isEqualTo(SKILL_COUNT);
		assertThat(count("KnowledgePoint")).isEqualTo(KNOWLEDGE_COUNT + 1);
	}

	@Test
	void aFailureWhileWritingLinksRemovesTheConceptsAlreadyCommittedAndLeavesTheGraphAsItWas() throws IOException {
		loadCatalog();
		List<String> before = fingerprint();
		EscoImport broken = new EscoImport(graph, new EscoRepository() {
			@Override
			void writeLinks(TransactionContext tx, LinkBatches links, LongConsumer done) {
				if (links.type() == LinkType.OCCUPATION_SKILL) {
					throw new IllegalStateException("the link writer broke");
				}
				super.writeLinks(tx, links, done);
			}
		}, staged, 2);
		Path zip = EscoFixture.write(folder);

		assertThatThrownBy(() -> broken.importEsco(zip, Progress.NONE)).hasMessage("the link writer broke");

		assertThat(fingerprint()).isEqualTo(before);
		EscoImport.Result retried = esco.importEsco(zip, Progress.NONE);
		assertThat(retried.adoptedOccupations()).isEqualTo(1);
		assertThat(links("NEEDS_POINT")).hasSize(retried.essential() + retried.optional());
	}

	@Test
	void aFailureInTheLastTransactionWhichChangesWhatWasThereLeavesTheGraphAsItWas() throws IOException {
		loadCatalog();
		graph.write(tx -> tx.run("CREATE (:SkillPoint {id: 'sk-ent-packs', name: 'assemble battery packs', nameKey: $key})",
				Map.of("key", PointNames.key("assemble battery packs"))).consume());
		List<String> before = fingerprint();
		EscoImport broken = new EscoImport(graph, new EscoRepository() {
			@Override
			void adopt(TransactionContext tx, Map<String, String> nodesByUri) {
				super.adopt(tx, nodesByUri);
				if (nodesByUri.containsKey(ASSEMBLE_PACKS)) {
					throw new IllegalStateException("adoption broke after the catalogue occupation was adopted");
				}
			}
		}, staged, 2);

		assertThatThrownBy(() -> broken.importEsco(EscoFixture.write(folder), Progress.NONE))
			.hasMessageContaining("adoption broke");

		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void whileTheImportStagesReadersSeeNoneOfItAndOnceItPublishesTheySeeAllOfIt() throws Exception {
		loadCatalog();
		long occupations = count("ReferenceOccupation");
		long occupationLinks = number("MATCH (o:ReferenceOccupation)-[r]-() RETURN count(r) AS c");
		CountDownLatch publishing = new CountDownLatch(1);
		CountDownLatch proceed = new CountDownLatch(1);
		EscoImport paused = new EscoImport(graph, new EscoRepository() {
			@Override
			void publish(TransactionContext tx) {
				publishing.countDown();
				try {
					proceed.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				super.publish(tx);
			}
		}, staged, 2);
		Path zip = EscoFixture.write(folder);
		var running = CompletableFuture.supplyAsync(() -> Rights.runAs(TestSystemActor.SYSTEM,
				() -> audit.record(Source.CLI, "import esco.zip", () -> {
					try {
						return paused.importEsco(zip, Progress.NONE);
					}
					catch (IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				})));
		assertThat(publishing.await(30, TimeUnit.SECONDS)).isTrue();

		// everything new is committed by now, staged: 5 points, 2 new occupations, 4 groups, and the links among them
		assertThat(staged()).isEqualTo(SKILL_COUNT + KNOWLEDGE_COUNT + 2 + 4);
		assertThat(count("ImportRun")).isOne();
		// the import is recorded as done by the transaction that publishes it, not by its bookkeeping before
		assertThat(number("MATCH (e:AuditEntry {operation: 'import esco.zip'}) RETURN count(e) AS c")).isZero();
		assertThat(number("MATCH (a:EscoConcept)-[r]->(b:EscoConcept) RETURN count(r) AS c")).isPositive();
		assertThat(count("SkillPoint") + count("KnowledgePoint") + count("SkillGroup")).isZero();
		assertThat(number("MATCH (n:ReferenceOccupation:EscoConcept) RETURN count(n) AS c")).isZero();
		assertThat(count("ReferenceOccupation")).isEqualTo(occupations);
		assertThat(number("MATCH (o:ReferenceOccupation)-[r]-() RETURN count(r) AS c")).isEqualTo(occupationLinks);
		graphQlTester.document("{ search(text: \"power tools\") { id } }").execute().path("search").entityList(Object.class)
			.hasSize(0);
		// staged points are in the full-text index already (publishing then leaves it as it is), but never a hit
		assertThat(number("CALL db.index.fulltext.queryNodes('point_names', 'power tools') YIELD node RETURN count(node) AS c"))
			.isPositive();
		graphQlTester.document("{ searchPoints(text: \"power tools\") { totalCount } }").execute()
			.path("searchPoints.totalCount").entity(Integer.class).isEqualTo(0);

		proceed.countDown();
		EscoImport.Result result = running.get(60, TimeUnit.SECONDS);
		assertThat(staged() + count("ImportRun")).isZero();
		assertThat(number("MATCH (e:AuditEntry {operation: 'import esco.zip', outcome: 'DONE'}) RETURN count(e) AS c"))
			.isOne();
		assertThat(count("SkillPoint")).isEqualTo(result.skills());
		assertThat(links("NEEDS_POINT")).hasSize(result.essential() + result.optional());
		graphQlTester.document("{ search(text: \"power tools\") { id } }").execute().path("search").entityList(Object.class)
			.hasSizeGreaterThan(0);
		graphQlTester.document("{ searchPoints(text: \"power tools\") { totalCount } }").execute()
			.path("searchPoints.totalCount").entity(Integer.class).satisfies(total -> assertThat(total).isPositive());
	}

	@Test
	void whatAKilledImportStagedIsRemovedAtTheNextStartWhileARunStillAliveElsewhereIsLeftAndRefusesAnother()
			throws IOException {
		loadCatalog();
		List<String> before = fingerprint();
		graph.write(tx -> tx.run("""
				CREATE (:ImportRun {id: 'killed', format: 'ESCO', stagedLabels: ['StagedSkillPoint', 'StagedSkillGroup'],
				        source: 'esco.zip',
				        startedBy: 'os:someone', startedAt: datetime() - duration('PT6M'),
				        aliveAt: datetime() - duration('PT5M')})
				CREATE (:EscoConcept:StagedSkillPoint {id: 'sk-1', escoUri: 'u1'})
				       -[:BROADER]->(:EscoConcept:StagedSkillGroup {id: 'sg-1', escoUri: 'u2'})
				CREATE (:ImportRun {id: 'other', format: 'OTHER', stagedLabels: ['StagedOther'], source: 'other.zip',
				        startedBy: 'os:other', startedAt: datetime() - duration('PT1M'), aliveAt: datetime()})
				CREATE (:StagedOther {id: 'o-1'})
				""").consume());

		// another instance shares the database: only the run silent for five minutes goes
		assertThat(staged.removeUnfinished(false)).isEqualTo(1);
		assertThat(staged()).isEqualTo(1);
		assertThat(count("ImportRun")).isEqualTo(1);

		// a run of a format that is alive refuses a second one of that format, and writes nothing
		graph.write(tx -> tx.run("MATCH (r:ImportRun) SET r.format = 'ESCO'").consume());
		List<String> withAliveRun = fingerprint();
		Path zip = EscoFixture.write(folder);
		assertThatThrownBy(() -> esco.importEsco(zip, Progress.NONE))
			.isInstanceOfSatisfying(InvalidDocumentException.class, ex -> assertThat(ex.problems())
				.singleElement()
				.satisfies(p -> {
					assertThat(p.code()).isEqualTo(ProblemCode.CONFLICT);
					assertThat(p.message()).contains("begun at", "by os:other", "is still running");
				}));
		assertThat(fingerprint()).isEqualTo(withAliveRun);

		// the embedded database is this process's alone: every run in it was left by a process that stopped
		assertThat(staged.removeUnfinished(true)).isEqualTo(1);
		assertThat(fingerprint()).isEqualTo(before);
		List<Object> recorded = graph.read(tx -> tx.run("""
				MATCH (e:AuditEntry {operation: 'removeUnfinishedImport'}) UNWIND e.entityIds AS run RETURN collect(run) AS runs
				""").single().get("runs").asList());
		assertThat(recorded).containsExactlyInAnyOrder("killed", "other");
	}

	@Test
	void badRowsAreRefusedWithFileLineAndColumnAllAtOnceAndNothingIsWritten() throws IOException {
		loadCatalog();
		List<String> before = fingerprint();
		Map<String, String> classification = EscoFixture.classificationFiles();
		// The first data row of skills_en.csv spans lines 2–3, so the power tools row is on line 4.
		classification.put("skills_en.csv", SKILLS.replace("skill/competence,cross-sector,use power tools", "competence,cross-sector,use power tools"));
		Map<String, String> relations = EscoFixture.relationFiles();
		relations.put("occupationSkillRelations.csv", RELATIONS.replace("optional,skill/competence", "sometimes,skill/competence")
			.replace(TECHNICIAN + ",essential", "urn:not-esco,essential"));

		assertThatThrownBy(() -> esco.importEsco(EscoFixture.write(folder, classification, relations), Progress.NONE))
			.isInstanceOfSatisfying(InvalidDocumentException.class, ex -> assertThat(ex.problems())
				.extracting(Problem::path, Problem::code)
				.containsExactly(tuple("skills_en.csv, line 4, column skillType", ProblemCode.INVALID_VALUE),
						tuple("occupationSkillRelations.csv, line 4, column relationType", ProblemCode.INVALID_VALUE),
						tuple("occupationSkillRelations.csv, line 5, column occupationUri", ProblemCode.INVALID_VALUE)));

		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void problemsOnlyInTheRelationsFileRemoveTheConceptsStagedWhileItWasReadAndNothingIsWritten() throws IOException {
		loadCatalog();
		List<String> before = fingerprint();
		Map<String, String> relations = EscoFixture.relationFiles();
		relations.put("occupationSkillRelations.csv", RELATIONS.replace("optional,skill/competence",
				"sometimes,skill/competence"));

		assertThatThrownBy(() -> esco.importEsco(EscoFixture.write(folder, EscoFixture.classificationFiles(), relations),
				Progress.NONE))
			.isInstanceOfSatisfying(InvalidDocumentException.class, ex -> assertThat(ex.problems())
				.extracting(Problem::path, Problem::code)
				.containsExactly(tuple("occupationSkillRelations.csv, line 4, column relationType",
						ProblemCode.INVALID_VALUE)));

		// The concepts were staged while the relations were read: no staged node and no run is left.
		assertThat(fingerprint()).isEqualTo(before);
		assertThat(esco.importEsco(EscoFixture.write(folder), Progress.NONE).skills()).isPositive();
	}

	@Test
	void aBrokenQuoteAndAMissingColumnAreLocatedAndNothingIsWritten() throws IOException {
		Map<String, String> classification = EscoFixture.classificationFiles();
		classification.put("occupations_en.csv", OCCUPATIONS.replace("Automotive engineers design vehicles.",
				"\"Automotive engineers \"design\" vehicles."));
		classification.put("skillGroups_en.csv", SKILL_GROUPS.replace("preferredLabel,", "label,"));

		assertThatThrownBy(() -> esco.importEsco(EscoFixture.write(folder, classification, EscoFixture.relationFiles()),
				Progress.NONE))
			.isInstanceOfSatisfying(InvalidDocumentException.class, ex -> assertThat(ex.problems())
				.extracting(Problem::path, Problem::code)
				.containsExactly(tuple("occupations_en.csv, line 4", ProblemCode.MALFORMED),
						tuple("skillGroups_en.csv, line 1", ProblemCode.REQUIRED)));

		assertThat(fingerprint()).isEmpty();
	}

	@Test
	void theCommandLineImportsTheZipByFormatNameAndReportsTheFigures() throws IOException {
		Path zip = EscoFixture.write(folder);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exit = command.run(List.of("--format=esco", zip.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(exit).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("(esco): ESCO v1.1.1: 3 occupations, 3 skills, 2 knowledge,"
				+ " 4 skill groups, 7 broader links, 5 occupation–skill relations (3 essential, 2 optional)");
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("new concepts", "12/12", "new links",
				(BROADER_COUNT + 5) + "/" + (BROADER_COUNT + 5));
		assertThat(count("ReferenceOccupation")).isEqualTo(OCCUPATION_COUNT);
		// One entry for the import's many transactions, written by the first of them.
		List<String> entries = graph.read(tx -> tx.run("MATCH (e:AuditEntry) RETURN e.operation + ' ' + e.outcome AS e")
			.list(r -> r.get("e").asString()));
		assertThat(entries).containsExactly("import " + zip.getFileName() + " DONE");
	}

	@Test
	void withoutTheRelationsZipTheConceptsAndTheGroupHierarchyAreImportedAndTheMissingFilesNamed() throws IOException {
		Path zip = EscoFixture.zip(folder.resolve(CLASSIFICATION_ZIP), EscoFixture.classificationFiles());

		EscoImport.Result result = esco.importEsco(zip, Progress.NONE);

		assertThat(result.missingFiles()).containsExactly("broaderRelationsSkillPillar.csv", "occupationSkillRelations.csv");
		assertThat(result.summary()).endsWith("not found: broaderRelationsSkillPillar.csv, occupationSkillRelations.csv");
		assertThat(links("BROADER")).containsExactlyInAnyOrder(tuple(ASSEMBLING, SKILLS_ROOT, null),
				tuple(POSITIONING, ASSEMBLING, null));
		assertThat(count("SkillPoint")).isEqualTo(SKILL_COUNT);
	}

	@Test
	void aFolderOfExtractedCsvFilesIsRecognisedAndImported() throws IOException {
		for (var file : EscoFixture.classificationFiles().entrySet()) {
			Files.writeString(folder.resolve(file.getKey()), file.getValue());
		}
		for (var file : EscoFixture.relationFiles().entrySet()) {
			Files.writeString(folder.resolve(file.getKey()), file.getValue());
		}
		assertThat(esco.recognises(folder)).isTrue();

		EscoImport.Result result = esco.importEsco(folder, Progress.NONE);

		assertThat(result.essential() + result.optional()).isEqualTo(RELATION_COUNT);
		assertThat(links("NEEDS_POINT")).hasSize(RELATION_COUNT);
	}

	/** Nodes with a staging label. */
	private long staged() {
		return number("MATCH (n) WHERE any(label IN labels(n) WHERE label STARTS WITH 'Staged') RETURN count(n) AS c");
	}

	private long number(String cypher) {
		return graph.read(tx -> tx.run(cypher).single().get("c").asLong());
	}

	private Map<String, Object> node(String label, String uri) {
		return graph.read(tx -> tx.run("MATCH (n:" + label + ":EscoConcept {escoUri: $uri}) RETURN properties(n) AS p",
				Map.of("uri", uri)).single().get("p").asMap());
	}

	private List<org.assertj.core.groups.Tuple> links(String type) {
		return graph.read(tx -> tx.run("MATCH (a)-[r:" + type + "]->(b) RETURN a.escoUri AS from, b.escoUri AS to, "
				+ "r.relationType AS relationType").list((Record r) -> tuple(r.get("from").asString(),
						r.get("to").asString(), r.get("relationType").asString(null))));
	}
}
