package org.abilitymap.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;


import org.abilitymap.documents.JsonDocuments;
import org.abilitymap.jobs.JobDocuments;
import org.abilitymap.support.neo4j.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The demo dataset shipped in {@code demo/}: a job catalogue for three industry clusters and enterprises' work-task
 * submissions, imported through the same code as any user's documents.
 */
@Component
public class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private static final String CATALOG = "classpath:demo/catalog.json";

	private static final String SUBMISSIONS = "classpath:demo/submissions/*.json";

	private final JobDocuments documents;

	private final JsonDocuments json;

	private final Graph graph;

	DemoData(JobDocuments documents, JsonDocuments json, Graph graph) {
		this.documents = documents;
		this.json = json;
		this.graph = graph;
	}

	/** Whether the graph has no jobs yet, i.e. this is a first start. */
	public boolean graphIsEmpty() {
		return graph.read(tx -> tx.run("MATCH (j:Job) RETURN count(j) = 0 AS empty").single().get("empty").asBoolean());
	}

	/** Imports the catalogue and then every submission, logging progress; idempotent. */
	public void load() throws IOException {
		var resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
		List<Resource> submissions = Arrays.stream(resolver.getResources(SUBMISSIONS))
			.sorted(Comparator.comparing(Resource::getFilename))
			.toList();
		long started = System.nanoTime();
		importResource(resolver.getResource(CATALOG));
		int done = 0;
		for (Resource submission : submissions) {
			importResource(submission);
			done++;
			if (done % 5 == 0 || done == submissions.size()) {
				log.info("Demo data: {}/{} submissions imported", done, submissions.size());
			}
		}
		log.info("Demo data loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
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
