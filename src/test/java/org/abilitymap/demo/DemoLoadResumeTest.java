package org.abilitymap.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.abilitymap.audit.AuditTrail;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.neo4j.Neo4jProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;

/**
 * A start that finds the demo load of an earlier start unfinished (the process was killed) loads it again to the
 * end, although the graph already has jobs; a start after a finished load leaves the graph alone.
 */
class DemoLoadResumeTest extends GraphTestSupport {

	@Autowired
	private DemoData demoData;

	@Autowired
	private DemoAccounts demoAccounts;

	@Autowired
	private Neo4jProperties neo4j;

	@Autowired
	private Environment environment;

	@Autowired
	private AuditTrail audit;

	@Test
	void aStartAfterAKilledDemoLoadFinishesIt() throws IOException {
		// What a kill after the job catalogue left: the mark of the load, jobs, no submission, no programme.
		demoData.markLoading();
		@SuppressWarnings("unchecked")
		Map<String, Object> catalog = (Map<String, Object>) json.parse(new ClassPathResource("demo/catalog.json")
			.getInputStream());
		jobDocuments.importDocument(catalog);
		assertThat(demoData.graphIsEmpty()).isFalse();
		assertThat(count("Submission")).isZero();

		loader().run(null);

		assertThat(demoData.interruptedLoad()).isEmpty();
		assertThat(count("Submission")).isEqualTo(20);
		assertThat(count("Programme")).isEqualTo(3);
		assertThat(demoAccountCount()).isEqualTo(8);

		// The next start finds the load finished and the graph complete: it writes nothing.
		java.util.List<String> before = fingerprint();
		loader().run(null);
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void aStartAfterAKilledLoadThatHadCreatedSomeDemoAccountsCreatesTheRest() throws IOException {
		loader().run(null);
		graph.write(tx -> tx.run("""
				MATCH (a:Account {username: 'demo-lead'}) DETACH DELETE a
				""").consume());
		demoData.markLoading();

		loader().run(null);

		assertThat(demoData.interruptedLoad()).isEmpty();
		assertThat(demoAccountCount()).isEqualTo(8);
		assertThat(count("Submission")).isEqualTo(20);
	}

	private long demoAccountCount() {
		return graph.<Long>read(tx -> tx.run("MATCH (a:Account {demo: true}) RETURN count(a) AS c").single().get("c")
			.asLong());
	}

	private DemoDataLoader loader() {
		return new DemoDataLoader(demoData, neo4j, demoAccounts, environment, audit);
	}
}
