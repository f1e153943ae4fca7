package org.abilitymap;

import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Children are loaded one batch per level of the selection: a request's transaction count does not grow with the data. */
class BatchLoadingTest extends GraphTestSupport {

	/** One transaction for the page, then one each for group, referenceOccupations and enterprises. */
	private static final String JOBS_WITH_CHILDREN = """
			query jobs($first: Int) {
			  jobs(first: $first) {
			    edges { node { id group { id } referenceOccupations { id } enterprises { id } } }
			  }
			}
			""";

	/**
	 * One transaction each for the job, projects, tasks, steps, step skills, their knowledge, the skills' requiredBy,
	 * the knowledge's skills and the provenance enterprises.
	 */
	private static final String DEEP_ABILITY_MAP = """
			query map($jobId: ID!) {
			  abilityMap(jobId: $jobId) {
			    projects { id provenance { enterprise { name } }
			      tasks { id
			        steps { id
			          skills { level
			            skill { id requiredBy { steps { id } jobs { id } enterprises { id } } }
			            knowledge { id skills { id } } } } } } }
			}
			""";

	@BeforeEach
	void graphWithSubmissions() {
		loadCatalog();
		for (String fixture : new String[] { "submission-a.json", "submission-b-assembler.json", "submission-b.json",
				"submission-c.json" }) {
			jobDocuments.importDocument(document(fixture));
		}
		approveAllSubmissions();
	}

	@Test
	void aJobListCostsOneTransactionPerLevelWhateverItsLength() {
		long oneJob = transactions(graphQlTester.document(JOBS_WITH_CHILDREN).variable("first", 1), "jobs.edges", 1);
		long threeJobs = transactions(graphQlTester.document(JOBS_WITH_CHILDREN).variable("first", 3), "jobs.edges", 3);

		assertThat(oneJob).isEqualTo(4);
		assertThat(threeJobs).isEqualTo(oneJob);
	}

	@Test
	void aDeepAbilityMapCostsTheSameForOneOrManySubmissions() {
		// t-ev-technician: one submission, one project; t-battery-assembler: two submissions, three projects
		long oneSubmission = transactions(graphQlTester.document(DEEP_ABILITY_MAP).variable("jobId", "t-ev-technician"),
				"abilityMap.projects", 1);
		long twoSubmissions = transactions(graphQlTester.document(DEEP_ABILITY_MAP).variable("jobId", "t-battery-assembler"),
				"abilityMap.projects", 3);

		assertThat(oneSubmission).isEqualTo(9);
		assertThat(twoSubmissions).isEqualTo(oneSubmission);
	}

	@Test
	void aSubmissionTreeAcrossManySubmissionsCostsOneTransactionPerLevel() {
		String query = """
				query submissions($first: Int) {
				  submissions(first: $first) { edges { node { enterprise { id } job { id }
				    projects { tasks { steps { skills { knowledge { id } } } } } } } }
				}
				""";
		long one = transactions(graphQlTester.document(query).variable("first", 1), "submissions.edges", 1);
		long all = transactions(graphQlTester.document(query).variable("first", 4), "submissions.edges", 4);

		// the page, enterprise, job, projects, tasks, steps, skills, knowledge
		assertThat(one).isEqualTo(8);
		assertThat(all).isEqualTo(one);
	}

	/** Runs one request, checks that {@code listPath} has the expected size, and returns the transactions it cost. */
	private long transactions(GraphQlTester.Request<?> request, String listPath, int expectedSize) {
		long before = graph.transactionCount();
		GraphQlTester.Response response = request.execute();
		long after = graph.transactionCount();
		response.path(listPath).entityList(Object.class).hasSize(expectedSize);
		return after - before;
	}
}
