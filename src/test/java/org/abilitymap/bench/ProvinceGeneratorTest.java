package org.abilitymap.bench;

import java.util.List;
import java.util.Map;

import org.abilitymap.standards.JobStandards;
import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated province has the shape the imports write: its job standards are exactly what the standards'
 * derivation makes of its submissions, its counts are right, the same seed gives the same graph, and the alignment
 * API answers what the generator counted for the benchmarked programme.
 */
class ProvinceGeneratorTest extends GraphTestSupport {

	private static final String STANDARDS = """
			MATCH (j:Job)-[r:REQUIRES_POINT]->(p)
			RETURN j.id + ' ' + p.id + ' ' + r.level + ' ' + r.importance + ' ' + r.essential + ' ' + r.enterpriseCount
			       + ' ' + r.enterprises + ' ' + r.source AS line
			ORDER BY line
			""";

	@Autowired
	private JobStandards standards;

	@Test
	void generatedStandardsAreWhatTheDerivationMakesOfTheSubmissions() {
		ProvinceGenerator.Result province = generate(5);
		List<String> generated = lines(STANDARDS);

		standards.rebuildAll();

		assertThat(generated).hasSizeGreaterThan(1_000).isEqualTo(lines(STANDARDS));
		assertThat(province.nodes()).isEqualTo(count("Job") + count("Submission") + count("WorkProject") + count("Task")
				+ count("ProcessStep") + count("SkillPoint") + count("KnowledgePoint") + count("Enterprise")
				+ count("Industry") + count("ChainSegment") + count("JobGroup") + count("ReferenceOccupation")
				+ count("IndustryBody") + count("School") + count("Cluster") + count("ProgrammeGroup")
				+ count("Programme") + count("ProgrammeRevision") + count("Course") + count("Certificate")
				+ count("TrainingBase") + count("Textbook"));
		assertThat(province.relationships()).isEqualTo(single("MATCH (n)-[r]->() "
				+ "WHERE NOT any(label IN labels(n) WHERE label STARTS WITH '__Liquibase') RETURN count(r) AS c"));
		assertThat(single("MATCH (s:Submission {current: false}) RETURN count(s) AS c")).as("superseded versions")
			.isPositive();
	}

	@Test
	void theSameSeedGivesTheSameProvince() {
		generate(11);
		List<String> first = fingerprint();
		wipeGraph();
		generate(11);

		assertThat(fingerprint()).isEqualTo(first);
	}

	@Test
	void theAlignmentApiAnswersWhatTheGeneratorCountedForTheBenchmarkedProgramme() {
		ProvinceGenerator.Benchmark expected = generate(5).benchmark();

		var response = graphQlTester.document("""
				query($id: ID!) { coverage(programId: $id) { overall { required covered } byJob { job { id } } }
				                  gaps(programId: $id) { kind } }""")
			.variable("id", expected.programmeId())
			.execute();

		response.path("coverage.overall.required").entity(Integer.class).isEqualTo(expected.required());
		response.path("coverage.overall.covered").entity(Integer.class).isEqualTo(expected.covered());
		response.path("coverage.byJob").entityList(Object.class).hasSize(ProvinceShape.BENCHMARK_TARGET_JOBS);
		response.path("gaps").entityList(Object.class).hasSize(expected.gaps());
		List<String> kinds = response.path("gaps[*].kind").entityList(String.class).get();
		assertThat(kinds.stream().filter("BELOW_LEVEL"::equals).count()).isEqualTo(expected.belowLevel());
	}

	private ProvinceGenerator.Result generate(long seed) {
		return new ProvinceGenerator(graph, ProvinceShape.forNodes(6_000), seed, line -> { }).generate();
	}

	private long single(String cypher) {
		return graph.query(cypher, Map.of(), r -> r.get("c").asLong()).get(0);
	}

	private List<String> lines(String cypher) {
		return graph.query(cypher, Map.of(), r -> r.get("line").asString());
	}

}
