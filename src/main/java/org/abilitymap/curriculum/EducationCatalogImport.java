package org.abilitymap.curriculum;

import org.abilitymap.accounts.Allowed;
import org.abilitymap.accounts.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.abilitymap.curriculum.EducationCatalog.ClusterEntry;
import org.abilitymap.curriculum.EducationCatalog.Organisation;
import org.abilitymap.curriculum.EducationCatalog.ProgrammeGroupEntry;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.JsonDocuments;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.support.neo4j.ExistingIds;
import org.abilitymap.support.neo4j.Graph;
import org.abilitymap.support.neo4j.Rows;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/**
 * Imports education-catalogue documents (schools, industry bodies, clusters, programme groups) in one transaction
 * each, after checking every reference; on any problem nothing is written.
 */
@Service
public class EducationCatalogImport {

	private final Graph graph;

	private final CurriculumRepository repository;

	private final JsonDocuments documents;

	EducationCatalogImport(Graph graph, CurriculumRepository repository, JsonDocuments documents) {
		this.graph = graph;
		this.repository = repository;
		this.documents = documents;
	}

	/** How many entries of each kind a catalogue import upserted. */
	public record EducationCatalogResult(int schools, int industryBodies, int clusters, int programmeGroups) {
	}

	/**
	 * Imports one parsed education catalogue.
	 *
	 * @throws InvalidDocumentException with every problem found; nothing is written then
	 */
	@Allowed(Operation.SAVE_EDUCATION_CATALOG)
	public EducationCatalogResult save(Object rawDocument) {
		documents.checkEntryCount(rawDocument);
		EducationCatalogReader.Checked checked = EducationCatalogReader.check(rawDocument);
		return graph.write(tx -> write(tx, checked.catalog(), checked.problems()));
	}

	/**
	 * Checks the catalogue's references, adding those problems to the ones already found in the document (so that
	 * all are reported at once), and writes the catalogue only when there are none.
	 */
	private EducationCatalogResult write(TransactionContext tx, EducationCatalog catalog, List<Problem> documentProblems) {
		List<Problem> problems = new ArrayList<>(documentProblems);
		Set<String> schools = known(tx, "School", ids(catalog.schools()), Stream.concat(
				catalog.clusters().stream().flatMap(c -> Stream.concat(Stream.ofNullable(c.leadSchoolId()),
						c.memberSchoolIds().stream())),
				catalog.programmeGroups().stream().map(ProgrammeGroupEntry::schoolId)).toList());
		Set<String> bodies = known(tx, "IndustryBody", ids(catalog.industryBodies()),
				catalog.clusters().stream().flatMap(c -> Stream.ofNullable(c.leadIndustryBodyId())).toList());
		Set<String> clusters = known(tx, "Cluster", catalog.clusters().stream().map(ClusterEntry::id).toList(),
				catalog.programmeGroups().stream().flatMap(g -> Stream.ofNullable(g.clusterId())).toList());
		Set<String> enterprises = ExistingIds.among(tx, "Enterprise", catalog.clusters().stream()
			.flatMap(c -> Stream.concat(Stream.ofNullable(c.leadEnterpriseId()), c.memberEnterpriseIds().stream())).toList());
		Set<String> industries = ExistingIds.among(tx, "Industry",
				catalog.clusters().stream().flatMap(c -> Stream.ofNullable(c.industryId())).toList());
		Set<String> segments = ExistingIds.among(tx, "ChainSegment",
				catalog.programmeGroups().stream().flatMap(g -> g.segmentIds().stream()).toList());
		Set<String> jobGroups = ExistingIds.among(tx, "JobGroup",
				catalog.programmeGroups().stream().flatMap(g -> g.jobGroupIds().stream()).toList());
		for (ClusterEntry c : catalog.clusters()) {
			check(problems, c.path() + ".industryId", c.industryId(), industries, "industry");
			check(problems, c.path() + ".leadEnterpriseId", c.leadEnterpriseId(), enterprises, "enterprise");
			check(problems, c.path() + ".leadSchoolId", c.leadSchoolId(), schools, "school");
			check(problems, c.path() + ".leadIndustryBodyId", c.leadIndustryBodyId(), bodies, "industry body");
			checkAll(problems, c.path() + ".memberSchoolIds", c.memberSchoolIds(), schools, "school");
			checkAll(problems, c.path() + ".memberEnterpriseIds", c.memberEnterpriseIds(), enterprises, "enterprise");
		}
		for (ProgrammeGroupEntry g : catalog.programmeGroups()) {
			check(problems, g.path() + ".schoolId", g.schoolId(), schools, "school");
			check(problems, g.path() + ".clusterId", g.clusterId(), clusters, "cluster");
			checkAll(problems, g.path() + ".segmentIds", g.segmentIds(), segments, "chain segment");
			checkAll(problems, g.path() + ".jobGroupIds", g.jobGroupIds(), jobGroups, "job group");
		}
		if (!problems.isEmpty()) {
			throw new InvalidDocumentException(problems);
		}
		repository.upsertSchools(tx, organisationRows(catalog.schools()));
		repository.upsertIndustryBodies(tx, organisationRows(catalog.industryBodies()));
		repository.upsertClusters(tx, catalog.clusters().stream().map(c -> Rows.of("id", c.id(), "name", c.name(),
				"nameEn", c.nameEn(), "industryId", c.industryId(), "leadEnterpriseId", c.leadEnterpriseId(),
				"leadSchoolId", c.leadSchoolId(), "leadIndustryBodyId", c.leadIndustryBodyId(), "memberSchoolIds",
				c.memberSchoolIds(), "memberEnterpriseIds", c.memberEnterpriseIds())).toList());
		repository.upsertProgrammeGroups(tx, catalog.programmeGroups().stream().map(g -> Rows.of("id", g.id(), "name",
				g.name(), "nameEn", g.nameEn(), "schoolId", g.schoolId(), "clusterId", g.clusterId(), "segmentIds",
				g.segmentIds(), "jobGroupIds", g.jobGroupIds())).toList());
		return new EducationCatalogResult(catalog.schools().size(), catalog.industryBodies().size(),
				catalog.clusters().size(), catalog.programmeGroups().size());
	}

	/** Ids defined in the document plus those of the referenced ids that already exist in the graph. */
	private static Set<String> known(TransactionContext tx, String label, List<String> defined, List<String> referenced) {
		Set<String> known = new HashSet<>(defined);
		known.addAll(ExistingIds.among(tx, label, referenced.stream()
			.filter(id -> id != null && !known.contains(id))
			.toList()));
		return known;
	}

	private static void check(List<Problem> problems, String path, String id, Set<String> known, String what) {
		if (id != null && !known.contains(id)) {
			problems.add(new Problem(path, ProblemCode.UNKNOWN_REFERENCE,
					"There is no " + what + " with id '" + id + "' in this document or the graph."));
		}
	}

	private static void checkAll(List<Problem> problems, String path, List<String> ids, Set<String> known, String what) {
		if (problems.stream().anyMatch(p -> p.path().startsWith(path + "["))) {
			return; // entries that are not texts were left out of ids, so its positions are not the document's
		}
		for (int i = 0; i < ids.size(); i++) {
			check(problems, path + "[" + i + "]", ids.get(i), known, what);
		}
	}

	private static List<String> ids(List<Organisation> organisations) {
		return organisations.stream().map(Organisation::id).toList();
	}

	private static List<Map<String, Object>> organisationRows(List<Organisation> organisations) {
		return organisations.stream().map(o -> Rows.of("id", o.id(), "name", o.name(), "nameEn", o.nameEn())).toList();
	}
}
