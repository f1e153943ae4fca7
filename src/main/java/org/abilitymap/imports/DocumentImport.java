package org.abilitymap.imports;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abilitymap.curriculum.EducationCatalogImport;
import org.abilitymap.curriculum.ProgrammeImport;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.jobs.JobCatalogImport;
import org.abilitymap.jobs.WorkTaskSubmissions;
import org.springframework.stereotype.Service;

/**
 * Imports a parsed document of any of the four kinds, telling them apart by their fields; the command line and the
 * demo loader use it to take whole folders, in the order their references need.
 */
@Service
public class DocumentImport {

	private final JobCatalogImport jobCatalogs;

	private final WorkTaskSubmissions submissions;

	private final EducationCatalogImport educationCatalogs;

	private final ProgrammeImport programmes;

	DocumentImport(JobCatalogImport jobCatalogs, WorkTaskSubmissions submissions,
			EducationCatalogImport educationCatalogs, ProgrammeImport programmes) {
		this.jobCatalogs = jobCatalogs;
		this.submissions = submissions;
		this.educationCatalogs = educationCatalogs;
		this.programmes = programmes;
	}

	/** The kinds of document, in the order a folder of them is imported (later kinds refer to earlier ones). */
	public enum Kind {
		/** Industries, job groups, jobs, occupations, enterprises. */
		JOB_CATALOG(Set.of("industries", "referenceOccupations", "jobGroups", "jobs", "enterprises")),
		/** Schools, industry bodies, clusters, programme groups. */
		EDUCATION_CATALOG(Set.of("schools", "industryBodies", "clusters", "programmeGroups")),
		/** An enterprise's work tasks for a job. */
		SUBMISSION(Set.of("jobId", "projects")),
		/** A programme with its courses, textbooks, certificates and training bases. */
		PROGRAMME(Set.of("programme", "courses"));

		private final Set<String> fields;

		Kind(Set<String> fields) {
			this.fields = fields;
		}
	}

	/** What importing one document did, as one line for a person. */
	public record Imported(Kind kind, Object result, String summary) {
	}

	/** Which kind a parsed document is; rejects a document that is none of them. */
	public static Kind kindOf(Object document) {
		if (document instanceof Map<?, ?> map) {
			for (Kind kind : List.of(Kind.SUBMISSION, Kind.PROGRAMME, Kind.EDUCATION_CATALOG, Kind.JOB_CATALOG)) {
				if (map.keySet().stream().anyMatch(kind.fields::contains)) {
					return kind;
				}
			}
		}
		throw new InvalidDocumentException(List.of(new Problem("", ProblemCode.WRONG_TYPE, "This is none of the "
				+ "document kinds: a work-task submission has 'jobId' and 'projects', a programme 'programme' and "
				+ "'courses', a job catalogue 'industries', 'jobGroups', 'jobs', 'referenceOccupations' or "
				+ "'enterprises', an education catalogue 'schools', 'industryBodies', 'clusters' or 'programmeGroups'.")));
	}

	/** Imports one parsed document in its own transaction. */
	public Imported importDocument(Object document) {
		Kind kind = kindOf(document);
		switch (kind) {
			case JOB_CATALOG -> {
				var r = jobCatalogs.save(document);
				return new Imported(kind, r, "job catalogue: " + r.industries() + " industries, " + r.segments()
						+ " segments, " + r.jobGroups() + " job groups, " + r.jobs() + " jobs, "
						+ r.referenceOccupations() + " reference occupations, " + r.enterprises() + " enterprises");
			}
			case EDUCATION_CATALOG -> {
				var r = educationCatalogs.save(document);
				return new Imported(kind, r, "education catalogue: " + r.schools() + " schools, " + r.industryBodies()
						+ " industry bodies, " + r.clusters() + " clusters, " + r.programmeGroups() + " programme groups");
			}
			case SUBMISSION -> {
				var r = submissions.submit(document);
				return new Imported(kind, r, r.outcome() + " " + r.submissionId() + " (" + r.matchedPoints().size()
						+ " points matched, " + r.createdPoints().size() + " created)");
			}
			default -> {
				var r = programmes.save(document);
				return new Imported(kind, r, r.outcome() + " programme " + r.programmeId() + " v" + r.version() + " ("
						+ r.courses() + " courses, " + r.matchedPoints().size() + " points matched, "
						+ r.createdPoints().size() + " created)");
			}
		}
	}
}
