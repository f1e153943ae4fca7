package org.abilitymap.alignment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.abilitymap.documents.JsonDocuments;
import org.abilitymap.imports.DocumentImport;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The small hand-made alignment fixture in {@code src/test/resources/documents/alignment/}, loaded through the
 * ordinary imports and the {@code approveSubmission} mutation (its figures are worked out in {@link AlignmentFixtureTest}).
 */
public final class AlignmentFixture {

	// Three jobs of one group; enterprises 1 and 2 submit for job A, all three for job B, enterprise 3 for job C.
	// Programme al-prg targets jobs A and B with four courses, one per block; al-prg-2 targets job B with one course.

	public static final String JOB_A = "al-job-a";

	public static final String JOB_B = "al-job-b";

	public static final String JOB_C = "al-job-c";

	public static final String JOB_GROUP = "al-battery-jobs";

	public static final String ENTERPRISE_1 = "al-ent-1";

	public static final String ENTERPRISE_2 = "al-ent-2";

	public static final String ENTERPRISE_3 = "al-ent-3";

	public static final String SCHOOL = "al-school";

	public static final String INDUSTRY_BODY = "al-ib";

	public static final String PROGRAMME = "al-prg";

	public static final String PROGRAMME_2 = "al-prg-2";

	public static final String CERTIFICATE = "al-cert";

	/** The six submissions, each enterprise's version 1 for one job. */
	public static final List<String> SUBMISSIONS = List.of("submission-ent1-job-a.json", "submission-ent2-job-a.json",
			"submission-ent1-job-b.json", "submission-ent2-job-b.json", "submission-ent3-job-b.json",
			"submission-ent3-job-c.json");

	private static final String APPROVE = """
			mutation approve($input: ApproveSubmissionInput!) {
			  approveSubmission(input: $input) { submission { id status } errors { path code message } }
			}
			""";

	private final DocumentImport imports;

	private final JsonDocuments json;

	private final GraphQlTester graphQl;

	public AlignmentFixture(DocumentImport imports, JsonDocuments json, GraphQlTester graphQl) {
		this.imports = imports;
		this.json = json;
		this.graphQl = graphQl;
	}

	/** Everything: catalogues, the six submissions, all of them approved, and both programmes. */
	public void loadAll() {
		loadCatalogues();
		SUBMISSIONS.forEach(this::importDocument);
		approve(submissionId(ENTERPRISE_1, JOB_A, 1), submissionId(ENTERPRISE_2, JOB_A, 1),
				submissionId(ENTERPRISE_1, JOB_B, 1), submissionId(ENTERPRISE_2, JOB_B, 1),
				submissionId(ENTERPRISE_3, JOB_B, 1), submissionId(ENTERPRISE_3, JOB_C, 1));
		importDocument("programme.json");
		importDocument("programme-2.json");
	}

	/** The job catalogue and the education catalogue (school, industry body, cluster, programme group). */
	public void loadCatalogues() {
		importDocument("catalog.json");
		importDocument("education-catalog.json");
	}

	/** Imports one fixture document of any kind. */
	public DocumentImport.Imported importDocument(String name) {
		return imports.importDocument(document(name));
	}

	/** Approves submissions on behalf of the fixture's industry body through GraphQL, checking each succeeded. */
	public void approve(String... submissionIds) {
		for (String submissionId : submissionIds) {
			graphQl.document(APPROVE)
				.variable("input", Map.of("submissionId", submissionId, "industryBodyId", INDUSTRY_BODY))
				.execute()
				.path("approveSubmission.errors").entityList(Object.class).hasSize(0)
				.path("approveSubmission.submission.status").entity(String.class).isEqualTo("APPROVED");
		}
	}

	/** A fresh, mutable copy of a fixture document. */
	@SuppressWarnings("unchecked")
	public Map<String, Object> document(String name) {
		try {
			return (Map<String, Object>) json.parse(new ClassPathResource("documents/alignment/" + name).getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The id the import gives an enterprise's submission version for a job. */
	public static String submissionId(String enterpriseId, String jobId, int version) {
		return "sub:" + enterpriseId + ":" + jobId + ":v" + version;
	}
}
