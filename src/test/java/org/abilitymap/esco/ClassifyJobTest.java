package org.abilitymap.esco;

import static org.abilitymap.esco.EscoFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.abilitymap.imports.Progress;
import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code classifyJob}: a job classified under an ESCO occupation takes its essential skills and knowledge as explicit
 * requirements, keeps the explicit requirements it had, and unknown references are typed errors that write nothing.
 */
class ClassifyJobTest extends GraphTestSupport {

	private static final String JOB = "al-job-a";

	private static final String CLASSIFY = """
			mutation classify($input: ClassifyJobInput!) {
			  classifyJob(input: $input) {
			    job { id } occupation { id uri }
			    adoptedRequirements { point { id kind } level importance essential source setBy note }
			    keptRequirements { point { id } level importance source setBy }
			    errors { path code message }
			  }
			}
			""";

	private static final String SET = """
			mutation set($input: SetJobRequirementInput!) {
			  setJobRequirement(input: $input) { errors { path code message } }
			}
			""";

	@Autowired
	private EscoImport esco;

	@TempDir
	private Path folder;

	@BeforeEach
	void catalogueAndEsco() throws IOException {
		jobDocuments.importDocument(document("alignment/catalog.json"));
		jobDocuments.importDocument(document("alignment/education-catalog.json"));
		esco.importEsco(EscoFixture.write(folder), Progress.NONE);
	}

	@Test
	void theEssentialsBecomeExplicitRequirementsAndAnExistingExplicitOneIsKept() {
		graphQlTester.document(SET)
			.variable("input", Map.of("jobId", JOB, "pointId", pointId(ASSEMBLE_PACKS), "level", "MASTERED",
					"importance", 5, "essential", true, "industryBodyId", "al-ib", "note", "set by hand"))
			.execute()
			.path("setJobRequirement.errors").entityList(Object.class).hasSize(0);

		var response = graphQlTester.document(CLASSIFY)
			.variable("input", Map.of("jobId", JOB, "occupationUri", ASSEMBLER, "adoptEssentialSkills", true))
			.execute();

		response.path("classifyJob.errors").entityList(Object.class).hasSize(0);
		response.path("classifyJob.occupation.uri").entity(String.class).isEqualTo(ASSEMBLER);
		response.path("classifyJob.adoptedRequirements").entityList(Line.class).satisfies(lines -> assertThat(lines)
			.extracting(l -> l.point().id(), l -> l.point().kind(), Line::level, Line::importance, Line::essential,
					Line::source, Line::setBy)
			.containsExactly(tuple(pointId(EV_BATTERIES), "KNOWLEDGE", "PRACTISED", 3, true, "EXPLICIT", "ESCO")));
		response.path("classifyJob.adoptedRequirements[0].note").entity(String.class)
			.isEqualTo("Essential for the ESCO occupation 'motor vehicle assembler' (" + ASSEMBLER + ")");
		response.path("classifyJob.keptRequirements").entityList(Line.class).satisfies(lines -> assertThat(lines)
			.extracting(l -> l.point().id(), Line::level, Line::importance, Line::setBy)
			.containsExactly(tuple(pointId(ASSEMBLE_PACKS), "MASTERED", 5, "al-ib")));
		assertThat(classifications()).containsExactly(ASSEMBLER);
		// The optional skill of the occupation is not adopted.
		long requirements = graph.read(tx -> tx.run("MATCH (:Job {id: $job})-[r:REQUIRES_POINT]->() RETURN count(r) AS c",
				Map.of("job", JOB)).single().get("c").asLong());
		assertThat(requirements).isEqualTo(2);
	}

	@Test
	void classifyingAgainChangesNothingAndWithoutAdoptingOnlyTheLinkIsMade() {
		Map<String, Object> input = Map.of("jobId", JOB, "occupationUri", TECHNICIAN, "adoptEssentialSkills", true,
				"industryBodyId", "al-ib");
		graphQlTester.document(CLASSIFY).variable("input", input).execute()
			.path("classifyJob.adoptedRequirements[*].setBy").entityList(String.class).containsExactly("al-ib");
		List<String> before = fingerprint();

		graphQlTester.document(CLASSIFY).variable("input", input).execute()
			.path("classifyJob.adoptedRequirements").entityList(Object.class).hasSize(0);
		assertThat(fingerprint()).isEqualTo(before);

		graphQlTester.document(CLASSIFY)
			.variable("input", Map.of("jobId", "al-job-b", "occupationUri", ASSEMBLER))
			.execute()
			.path("classifyJob.adoptedRequirements").entityList(Object.class).hasSize(0);
		long standardOfB = graph.read(tx -> tx.run("MATCH (:Job {id: 'al-job-b'})-[r:REQUIRES_POINT]->() RETURN count(r) AS c")
			.single().get("c").asLong());
		assertThat(standardOfB).isZero();
	}

	@Test
	void reimportingTheCatalogueKeepsAClassificationMadeByTheMutation() {
		graphQlTester.document(CLASSIFY)
			.variable("input", Map.of("jobId", JOB, "occupationUri", ASSEMBLER))
			.execute()
			.path("classifyJob.errors").entityList(Object.class).hasSize(0);

		jobDocuments.importDocument(document("alignment/catalog.json"));

		assertThat(classifications()).containsExactly(ASSEMBLER);
	}

	@Test
	void anUnknownJobOccupationAndIndustryBodyAreTypedErrorsAndNothingIsWritten() {
		List<String> before = fingerprint();

		var response = graphQlTester.document(CLASSIFY)
			.variable("input", Map.of("jobId", "no-such-job", "occupationUri", MISSING_OCCUPATION,
					"adoptEssentialSkills", true, "industryBodyId", "ib-nowhere"))
			.execute();

		response.path("classifyJob.job").valueIsNull();
		response.path("classifyJob.errors[*].path").entityList(String.class)
			.containsExactly("jobId", "occupationUri", "industryBodyId");
		response.path("classifyJob.errors[*].code").entityList(String.class)
			.containsExactly("UNKNOWN_REFERENCE", "UNKNOWN_REFERENCE", "UNKNOWN_REFERENCE");
		assertThat(fingerprint()).isEqualTo(before);
	}

	private List<String> classifications() {
		return graph.read(tx -> tx.run("MATCH (:Job {id: $job})-[:CLASSIFIED_AS]->(o) RETURN o.escoUri AS uri",
				Map.of("job", JOB)).list(r -> r.get("uri").asString()));
	}

	private String pointId(String uri) {
		return graph.read(tx -> tx.run("MATCH (p:EscoConcept {escoUri: $uri}) RETURN p.id AS id", Map.of("uri", uri))
			.single().get("id").asString());
	}

	record PointView(String id, String kind) {
	}

	record Line(PointView point, String level, int importance, Boolean essential, String source, String setBy,
			String note) {
	}
}
