package org.abilitymap.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;


import org.abilitymap.documents.JsonDocuments;
import org.abilitymap.imports.DocumentImport;
import org.abilitymap.standards.JobStandards;
import org.abilitymap.support.neo4j.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The demo dataset shipped in {@code demo/}: a job catalogue for three industry clusters, enterprises' work-task
 * submissions, an education catalogue and one programme per cluster, imported through the same code as any user's
 * documents. Each cluster's lead industry body approves its submissions, which gives every job a standard.
 */
@Component
public class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private static final String CATALOG = "classpath:demo/catalog.json";

	private static final String SUBMISSIONS = "classpath:demo/submissions/*.json";

	private static final String EDUCATION_CATALOG = "classpath:demo/education/education-catalog.json";

	private static final String PROGRAMMES = "classpath:demo/education/programme-*.json";

	/** Each submission is approved by the lead industry body of the cluster serving its job's industry. */
	private static final String REVIEWERS = """
			MATCH (s:Submission {status: 'SUBMITTED'})-[:FOR_JOB]->(:Job)-[:IN_GROUP]->(:JobGroup)
			      -[:SERVES_SEGMENT]->(segment:ChainSegment)
			MATCH (:Cluster {industryId: segment.industryId})-[:LED_BY {role: 'INDUSTRY_BODY'}]->(body:IndustryBody)
			RETURN DISTINCT s.id AS submissionId, body.id AS industryBodyId
			ORDER BY submissionId
			""";

	private final DocumentImport documents;

	private final JobStandards standards;

	private final JsonDocuments json;

	private final Graph graph;

	DemoData(DocumentImport documents, JobStandards standards, JsonDocuments json, Graph graph) {
		this.documents = documents;
		this.standards = standards;
		this.json = json;
		this.graph = graph;
	}

	private static final String MARK_LOADING = """
			MERGE (m:DemoLoadInProgress {id: 'demo'}) ON CREATE SET m.startedAt = datetime()
			""";

	private static final String INTERRUPTED_LOAD = """
			MATCH (m:DemoLoadInProgress) RETURN toString(m.startedAt) AS startedAt
			""";

	private static final String FINISH_LOADING = """
			MATCH (m:DemoLoadInProgress) DELETE m
			""";

	/** When a demo load began that never finished (the process was killed), if one did. */
	public java.util.Optional<String> interruptedLoad() {
		return graph.read(tx -> tx.run(INTERRUPTED_LOAD).list(r -> r.get("startedAt").asString())).stream().findFirst();
	}

	/** Marks a load as begun, before its first write: a start that finds the mark resumes the load. */
	public void markLoading() {
		graph.write(tx -> tx.run(MARK_LOADING).consume());
	}

	/** Marks the load as complete. */
	public void finishLoading() {
		graph.write(tx -> tx.run(FINISH_LOADING).consume());
	}

	/** Whether the graph has no jobs yet, i.e. this is a first start. */
	public boolean graphIsEmpty() {
		return graph.read(tx -> tx.run("MATCH (j:Job) RETURN count(j) = 0 AS empty").single().get("empty").asBoolean());
	}

	/**
	 * Imports the catalogues, every submission, the approvals and the programmes, logging progress; idempotent.
	 */
	public void load() {
		try {
			loadResources();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The demo documents shipped in the jar could not be read", ex);
		}
	}

	private void loadResources() throws IOException {
		var resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
		List<Resource> submissions = sorted(resolver.getResources(SUBMISSIONS));
		long started = System.nanoTime();
		importResource(resolver.getResource(CATALOG));
		importResource(resolver.getResource(EDUCATION_CATALOG));
		int done = 0;
		for (Resource submission : submissions) {
			importResource(submission);
			done++;
			if (done % 5 == 0 || done == submissions.size()) {
				log.info("Demo data: {}/{} submissions imported", done, submissions.size());
			}
		}
		var reviews = graph.query(REVIEWERS, java.util.Map.of(),
				r -> List.of(r.get("submissionId").asString(), r.get("industryBodyId").asString()));
		for (List<String> review : reviews) {
			standards.approveSubmission(review.get(0), review.get(1), "演示数据：行业组织审核通过 (demo approval)");
		}
		log.info("Demo data: {} submissions approved by their clusters' industry bodies", reviews.size());
		for (Resource programme : sorted(resolver.getResources(PROGRAMMES))) {
			importResource(programme);
		}
		log.info("Demo data loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private static List<Resource> sorted(Resource[] resources) {
		return Arrays.stream(resources).sorted(Comparator.comparing(Resource::getFilename)).toList();
	}

	private void importResource(Resource resource) throws IOException {
		try (InputStream input = resource.getInputStream()) {
			documents.importDocument(json.parse(input));
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Demo document " + resource.getFilename() + " was rejected: "
					+ ex.getMessage(), ex);
		}
	}

}
