package org.abilitymap.jobs;

import java.util.Map;
import java.util.Set;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.springframework.stereotype.Service;

/**
 * Imports a parsed job-side document of either kind, telling a work-task submission from a job catalogue by its
 * fields; the command line and the demo loader use it to take whole folders of documents.
 */
@Service
public class JobDocuments {

	private static final Set<String> CATALOG_FIELDS = Set.of("industries", "referenceOccupations", "jobGroups", "jobs",
			"enterprises");

	private final JobCatalogImport catalogs;

	private final WorkTaskSubmissions submissions;

	JobDocuments(JobCatalogImport catalogs, WorkTaskSubmissions submissions) {
		this.catalogs = catalogs;
		this.submissions = submissions;
	}

	/** The two kinds of job-side document. */
	public enum Kind {
		CATALOG, SUBMISSION
	}

	/** What importing one document did: exactly one of the two results is set. */
	public record Imported(Kind kind, JobCatalogImport.CatalogResult catalog, SubmissionResult submission) {

		/** One line for a person: what was written. */
		public String summary() {
			if (kind == Kind.CATALOG) {
				return "catalogue: " + catalog.industries() + " industries, " + catalog.segments() + " segments, "
						+ catalog.jobGroups() + " job groups, " + catalog.jobs() + " jobs, "
						+ catalog.referenceOccupations() + " reference occupations, " + catalog.enterprises()
						+ " enterprises";
			}
			return submission.outcome() + " " + submission.submissionId() + " (" + submission.matchedPoints().size()
					+ " points matched, " + submission.createdPoints().size() + " created)";
		}
	}

	/** Which kind a parsed document is; rejects a document that is neither. */
	public static Kind kindOf(Object document) {
		if (document instanceof Map<?, ?> map) {
			if (map.containsKey("projects") || map.containsKey("jobId")) {
				return Kind.SUBMISSION;
			}
			if (map.keySet().stream().anyMatch(CATALOG_FIELDS::contains)) {
				return Kind.CATALOG;
			}
		}
		throw new InvalidDocumentException(java.util.List.of(new Problem("", ProblemCode.WRONG_TYPE,
				"This is neither a work-task submission (with 'jobId' and 'projects') nor a job catalogue (with "
						+ "'industries', 'jobGroups', 'jobs', 'referenceOccupations' or 'enterprises').")));
	}

	/** Imports one parsed document in its own transaction. */
	public Imported importDocument(Object document) {
		Kind kind = kindOf(document);
		return kind == Kind.CATALOG ? new Imported(kind, catalogs.save(document), null)
				: new Imported(kind, null, submissions.submit(document));
	}
}
