package org.abilitymap.alignment;

import java.util.List;
import java.util.Map;

import org.abilitymap.imports.DocumentImport;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.PatientGraphQl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.abilitymap.support.DocumentPaths.object;
import static org.assertj.core.api.Assertions.assertThat;

/** The coverage of a list of programmes is computed for the whole page at once: its cost does not grow with the list. */
class AlignmentBatchingTest extends GraphTestSupport {

	private static final String PROGRAMMES_WITH_COVERAGE = """
			query programmes($first: Int) {
			  programmes(first: $first) {
			    edges { node { id coverage { overall { ratio } byJob { share { ratio } } } } }
			  }
			}
			""";

	@Autowired
	private DocumentImport imports;

	/** The fixture's two programmes and a third like the second (all three by code, then id: al-prg-2, -3, al-prg). */
	@BeforeEach
	void threeProgrammes() {
		graphQlTester = PatientGraphQl.of(graphQlTester);
		AlignmentFixture fixture = new AlignmentFixture(imports, json, graphQlTester);
		fixture.loadAll();
		Map<String, Object> third = fixture.document("programme-2.json");
		object(third, "programme").put("id", "al-prg-3");
		object(third, "programme").put("name", "储能技术应用");
		object(third, "courses[0]").put("id", "al-c3-lab");
		imports.importDocument(third);
	}

	@Test
	void coverageOfThreeProgrammesCostsAsManyTransactionsAsOfOne() {
		long before = graph.transactionCount();
		GraphQlTester.Response one = graphQlTester.document(PROGRAMMES_WITH_COVERAGE).variable("first", 1).execute();
		long oneProgramme = graph.transactionCount() - before;

		before = graph.transactionCount();
		GraphQlTester.Response three = graphQlTester.document(PROGRAMMES_WITH_COVERAGE).variable("first", 3).execute();
		long threeProgrammes = graph.transactionCount() - before;

		before = graph.transactionCount();
		graphQlTester.document(PROGRAMMES_WITH_COVERAGE).variable("first", 3).execute();
		long threeStored = graph.transactionCount() - before;

		// the page, then one read of the stored snapshots for all programmes, and one transaction computing and
		// storing those that are missing (al-prg-2's snapshot was stored by the first request)
		assertThat(oneProgramme).isEqualTo(3);
		assertThat(threeProgrammes).isEqualTo(oneProgramme);
		assertThat(threeStored).isEqualTo(2);
		one.path("programmes.edges[*].node.id").entityList(String.class).containsExactly("al-prg-2");
		three.path("programmes.edges[*].node.id").entityList(String.class).containsExactly("al-prg-2", "al-prg-3", "al-prg");
		// al-prg-2 and al-prg-3 against job B: sk-e and kn-e of 5 points; al-prg against A and B: 6 of 11
		three.path("programmes.edges[*].node.coverage.overall.ratio").entityList(Double.class)
			.containsExactly(2.0 / 5, 2.0 / 5, 6.0 / 11);
		three.path("programmes.edges[2].node.coverage.byJob[*].share.ratio").entityList(Double.class)
			.containsExactly(5.0 / 8, 3.0 / 5);
		assertThat(three.path("programmes.edges[0].node.coverage.byJob[*].share.ratio").entityList(Double.class).get())
			.isEqualTo(List.of(2.0 / 5));
	}
}
