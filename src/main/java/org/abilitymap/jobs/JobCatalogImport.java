package org.abilitymap.jobs;

import org.abilitymap.accounts.Allowed;
import org.abilitymap.accounts.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.JsonDocuments;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.jobs.JobCatalog.EnterpriseEntry;
import org.abilitymap.jobs.JobCatalog.IndustryEntry;
import org.abilitymap.jobs.JobCatalog.JobEntry;
import org.abilitymap.jobs.JobCatalog.JobGroupEntry;
import org.abilitymap.jobs.JobCatalog.OccupationEntry;
import org.abilitymap.jobs.JobCatalog.SegmentEntry;
import org.abilitymap.support.neo4j.Graph;
import static org.abilitymap.support.neo4j.Rows.of;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/**
 * Imports job-catalogue documents (industries, segments, job groups, jobs, reference occupations, enterprises) in one
 * transaction each: every reference is checked first, and on any problem nothing is written.
 */
@Service
public class JobCatalogImport {

	private final Graph graph;

	private final CatalogRepository repository;

	private final JsonDocuments documents;

	JobCatalogImport(Graph graph, CatalogRepository repository, JsonDocuments documents) {
		this.graph = graph;
		this.repository = repository;
		this.documents = documents;
	}

	/** What a catalogue import upserted, by kind of entry. */
	public record CatalogResult(int industries, int segments, int referenceOccupations, int jobGroups, int jobs,
			int enterprises) {
	}

	/**
	 * Imports one parsed catalogue document.
	 *
	 * @throws InvalidDocumentException with every problem found; nothing is written then
	 */
	@Allowed(Operation.SAVE_JOB_CATALOG)
	public CatalogResult save(Object rawDocument) {
		documents.checkEntryCount(rawDocument);
		JobCatalogReader.Checked checked = JobCatalogReader.check(rawDocument);
		return graph.write(tx -> write(tx, checked.catalog(), checked.problems()));
	}

	/**
	 * Checks the catalogue's references, adding those problems to the ones already found in the document (so that
	 * all are reported at once), and writes the catalogue only when there are none.
	 */
	private CatalogResult write(TransactionContext tx, JobCatalog catalog, List<Problem> documentProblems) {
		List<Problem> problems = new ArrayList<>(documentProblems);
		Set<String> segments = known(tx, CatalogRepository.SEGMENT,
				catalog.industries().stream().flatMap(i -> i.segments().stream()).map(SegmentEntry::id).toList(),
				catalog.jobGroups().stream().flatMap(g -> g.segmentIds().stream()).toList());
		Set<String> groups = known(tx, CatalogRepository.JOB_GROUP, ids(catalog.jobGroups(), JobGroupEntry::id),
				catalog.jobs().stream().map(JobEntry::groupId).filter(java.util.Objects::nonNull).toList());
		Set<String> occupations = known(tx, CatalogRepository.OCCUPATION,
				ids(catalog.referenceOccupations(), OccupationEntry::id),
				catalog.jobs().stream().flatMap(j -> j.referenceOccupationIds().stream()).toList());
		Set<String> industries = known(tx, CatalogRepository.INDUSTRY, ids(catalog.industries(), IndustryEntry::id),
				catalog.enterprises().stream().flatMap(e -> e.industryIds().stream()).toList());
		for (int g = 0; g < catalog.jobGroups().size(); g++) {
			checkAll(problems, "jobGroups[" + g + "].segmentIds", catalog.jobGroups().get(g).segmentIds(), segments,
					"chain segment");
		}
		for (int j = 0; j < catalog.jobs().size(); j++) {
			JobEntry job = catalog.jobs().get(j);
			if (job.groupId() != null && !groups.contains(job.groupId())) {
				problems.add(new Problem("jobs[" + j + "].groupId", ProblemCode.UNKNOWN_REFERENCE,
						"There is no job group with id '" + job.groupId() + "' in this document or the graph."));
			}
			checkAll(problems, "jobs[" + j + "].referenceOccupationIds", job.referenceOccupationIds(), occupations,
					"reference occupation");
		}
		for (int e = 0; e < catalog.enterprises().size(); e++) {
			checkAll(problems, "enterprises[" + e + "].industryIds", catalog.enterprises().get(e).industryIds(),
					industries, "industry");
		}
		if (!problems.isEmpty()) {
			throw new InvalidDocumentException(problems);
		}
		repository.upsertIndustries(tx, catalog.industries().stream().map(JobCatalogImport::industryRow).toList());
		repository.upsertOccupations(tx, catalog.referenceOccupations().stream().map(JobCatalogImport::occupationRow).toList());
		repository.upsertJobGroups(tx, catalog.jobGroups().stream().map(JobCatalogImport::groupRow).toList());
		repository.upsertJobs(tx, catalog.jobs().stream().map(JobCatalogImport::jobRow).toList());
		repository.upsertEnterprises(tx, catalog.enterprises().stream().map(JobCatalogImport::enterpriseRow).toList());
		return new CatalogResult(catalog.industries().size(),
				catalog.industries().stream().mapToInt(i -> i.segments().size()).sum(),
				catalog.referenceOccupations().size(), catalog.jobGroups().size(), catalog.jobs().size(),
				catalog.enterprises().size());
	}

	/** Ids defined in the document plus those of the referenced ids that already exist in the graph. */
	private Set<String> known(TransactionContext tx, String label, List<String> defined, List<String> referenced) {
		Set<String> known = new HashSet<>(defined);
		List<String> lookup = referenced.stream().filter(id -> !known.contains(id)).distinct().toList();
		known.addAll(repository.existingIds(tx, label, lookup));
		return known;
	}

	private static void checkAll(List<Problem> problems, String path, List<String> ids, Set<String> known, String what) {
		if (problems.stream().anyMatch(p -> p.path().startsWith(path + "["))) {
			return; // entries that are not texts were left out of ids, so its positions are not the document's
		}
		for (int i = 0; i < ids.size(); i++) {
			if (!known.contains(ids.get(i))) {
				problems.add(new Problem(path + "[" + i + "]", ProblemCode.UNKNOWN_REFERENCE,
						"There is no " + what + " with id '" + ids.get(i) + "' in this document or the graph."));
			}
		}
	}

	private static <T> List<String> ids(List<T> entries, Function<T, String> id) {
		return entries.stream().map(id).toList();
	}

	private static Map<String, Object> industryRow(IndustryEntry industry) {
		return of("id", industry.id(), "name", industry.name(), "nameEn", industry.nameEn(), "segments",
				industry.segments().stream().map(s -> of("id", s.id(), "name", s.name(), "nameEn", s.nameEn(), "stage",
						s.stage() == null ? null : s.stage().name())).toList());
	}

	private static Map<String, Object> occupationRow(OccupationEntry o) {
		return of("id", o.id(), "scheme", o.scheme().name(), "code", o.code(), "uri", o.uri(), "name", o.name(),
				"nameEn", o.nameEn());
	}

	private static Map<String, Object> groupRow(JobGroupEntry g) {
		return of("id", g.id(), "name", g.name(), "nameEn", g.nameEn(), "segmentIds", g.segmentIds());
	}

	private static Map<String, Object> jobRow(JobEntry j) {
		return of("id", j.id(), "name", j.name(), "nameEn", j.nameEn(), "description", j.description(), "groupId",
				j.groupId(), "referenceOccupationIds", j.referenceOccupationIds());
	}

	private static Map<String, Object> enterpriseRow(EnterpriseEntry e) {
		return of("id", e.id(), "name", e.name(), "nameEn", e.nameEn(), "industryIds", e.industryIds());
	}
}
