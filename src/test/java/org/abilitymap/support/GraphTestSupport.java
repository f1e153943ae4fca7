package org.abilitymap.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.abilitymap.AbilitymapApplication;
import org.abilitymap.standards.JobStandards;
import org.abilitymap.standards.ReviewDecision;
import org.abilitymap.documents.JsonDocuments;
import org.abilitymap.imports.DocumentImport;
import org.abilitymap.support.neo4j.Graph;
import org.abilitymap.support.neo4j.Neo4jEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * Base of the integration tests: points the application at the test's Neo4j, empties the graph before each test
 * (keeping the migration history, so schema stays, and the server secrets the running application signs with), and offers fixture loading and a graph fingerprint for
 * "nothing was written" assertions.
 */
@IntegrationTest
public abstract class GraphTestSupport {

	private static Neo4jContainer container;

	@Autowired
	protected Graph graph;

	/** The application's GraphQL tester, waiting up to a minute: first queries on a busy two-core machine are slow. */
	protected HttpGraphQlTester graphQlTester;

	@Autowired
	protected JsonDocuments json;

	@Autowired
	protected DocumentImport jobDocuments;

	@Autowired
	private JobStandards standards;

	@Autowired
	private Neo4jEndpoint endpoint;

	@Autowired
	void graphQlTester(HttpGraphQlTester tester) {
		this.graphQlTester = PatientGraphQl.of(tester);
	}

	@DynamicPropertySource
	static void neo4j(DynamicPropertyRegistry registry) throws IOException {
		if (Neo4jTarget.testcontainers()) {
			if (container == null) {
				container = new Neo4jContainer("neo4j:5.26").withAdminPassword("abilitymap-test");
				container.start();
			}
			registry.add("abilitymap.neo4j.uri", container::getBoltUrl);
			registry.add("abilitymap.neo4j.username", () -> "neo4j");
			registry.add("abilitymap.neo4j.password", container::getAdminPassword);
		}
		else {
			Path dataDir = Files.createTempDirectory("abilitymap-test-neo4j");
			registry.add("abilitymap.neo4j.uri", () -> "");
			registry.add("abilitymap.neo4j.embedded.data-dir", dataDir::toString);
			registry.add("abilitymap.neo4j.embedded.delete-on-close", () -> "true");
		}
	}

	/** Fixtures loaded by calling services directly act as the system, as the command line does. */
	@BeforeEach
	void actAsTheSystem() {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(TestSystemActor.SYSTEM, null,
				List.of()));
		SecurityContextHolder.setContext(context);
	}

	@AfterEach
	void stopActing() {
		SecurityContextHolder.clearContext();
	}

	@BeforeEach
	void emptyGraph() {
		wipeGraph();
	}

	/**
	 * Deletes every node but the migration history and the server secrets: an instance started earlier keeps signing
	 * its remember-me cookies with the key it read at start, which must stay the one every instance reads.
	 */
	protected void wipeGraph() {
		graph.write(tx -> tx.run("""
				MATCH (n) WHERE NOT any(label IN labels(n) WHERE label STARTS WITH '__Liquibase' OR label = 'ServerSecret')
				DETACH DELETE n
				""").consume());
	}

	/** Reads a JSON document from {@code src/test/resources/documents/}. */
	@SuppressWarnings("unchecked")
	protected Map<String, Object> document(String name) {
		try {
			return (Map<String, Object>) json.parse(new ClassPathResource("documents/" + name).getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The text of a JSON document from {@code src/test/resources/documents/}. */
	protected String documentText(String name) {
		try {
			return new String(new ClassPathResource("documents/" + name).getInputStream().readAllBytes(),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Imports the small test catalogue (two industries, three jobs, occupations, enterprises). */
	protected void loadCatalog() {
		jobDocuments.importDocument(document("catalog.json"));
	}

	/**
	 * A fingerprint of every node and relationship with all their properties, except the migration history, the
	 * stored alignment snapshots (derived data, computed on the first ask) and the audit trail (which records refusals
	 * too): equal fingerprints mean the graph is unchanged.
	 */
	protected List<String> fingerprint() {
		return graph.read(tx -> {
			List<String> nodes = tx.run("""
					MATCH (n) WHERE NOT any(label IN labels(n) WHERE label STARTS WITH '__Liquibase' OR label STARTS WITH 'Alignment'
					  OR label = 'AuditEntry' OR label = 'ServerSecret')
					WITH n ORDER BY n.id
					RETURN labels(n) AS labels, properties(n) AS properties
					""").list(r -> r.get("labels").asList() + " " + new java.util.TreeMap<>(r.get("properties").asMap()));
			List<String> relationships = tx.run("""
					MATCH (a)-[r]->(b) WHERE NOT any(label IN labels(a) + labels(b)
					  WHERE label STARTS WITH '__Liquibase' OR label STARTS WITH 'Alignment')
					RETURN a.id AS from, type(r) AS type, properties(r) AS properties, b.id AS to
					ORDER BY from, type, to
					""").list(r -> r.get("from").asString() + " " + r.get("type").asString() + " "
							+ new java.util.TreeMap<>(r.get("properties").asMap()) + " " + r.get("to").asString());
			var all = new java.util.ArrayList<>(nodes.stream().sorted().toList());
			all.addAll(relationships.stream().sorted().toList());
			return all;
		});
	}

	/**
	 * Approves every submission still awaiting review, through the review workflow, as the test industry body
	 * {@code ib-test} (created when missing): what others see (ability maps, trace, search, alignment) rests on
	 * approved versions only.
	 */
	protected void approveAllSubmissions() {
		graph.write(tx -> tx.run("MERGE (b:IndustryBody {id: 'ib-test'}) ON CREATE SET b.name = '测试行业组织'").consume());
		List<String> waiting = graph.read(tx -> tx.run(
				"MATCH (s:Submission) WHERE s.status = 'SUBMITTED' RETURN s.id AS id ORDER BY s.version, id")
			.list(r -> r.get("id").asString()));
		waiting.forEach(id -> standards.review(id, ReviewDecision.APPROVED, "测试夹具 (test fixture)", "ib-test"));
	}

	/**
	 * Starts another instance of the application on this test's database, on a port of its own, without demo data;
	 * {@code properties} ({@code --name=value}) are command-line arguments, which outrank application.yml. The caller
	 * closes it.
	 */
	protected ConfigurableApplicationContext anotherInstance(String... properties) {
		List<String> arguments = new java.util.ArrayList<>(List.of("--abilitymap.neo4j.uri=" + endpoint.uri(),
				"--abilitymap.neo4j.username=" + endpoint.username(), "--abilitymap.neo4j.password="
						+ endpoint.password(), "--server.port=0", "--abilitymap.demo.load=false",
				"--logging.level.root=warn"));
		arguments.addAll(List.of(properties));
		return new SpringApplicationBuilder(AbilitymapApplication.class).run(arguments.toArray(String[]::new));
	}

	/** The HTTP port of an instance started by {@link #anotherInstance}. */
	protected static int portOf(ConfigurableApplicationContext instance) {
		return instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/** Counts nodes with a label. */
	protected long count(String label) {
		return graph.read(tx -> tx.run("MATCH (n:" + label + ") RETURN count(n) AS c").single().get("c").asLong());
	}

	protected static Map<String, Object> variables(Object... keysAndValues) {
		return org.abilitymap.support.neo4j.Rows.of(keysAndValues);
	}
}
