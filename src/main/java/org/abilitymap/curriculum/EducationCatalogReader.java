package org.abilitymap.curriculum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abilitymap.curriculum.EducationCatalog.ClusterEntry;
import org.abilitymap.curriculum.EducationCatalog.Organisation;
import org.abilitymap.curriculum.EducationCatalog.ProgrammeGroupEntry;
import org.abilitymap.documents.DocumentObject;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;

/**
 * Turns a parsed education-catalogue document into an {@link EducationCatalog}, checking fields and ids unique in
 * the document; references are checked on import. Every problem is collected before the document is rejected.
 */
final class EducationCatalogReader {

	private final List<Problem> problems = new ArrayList<>();

	private EducationCatalogReader() {
	}

	/**
	 * A catalogue as far as it could be read, with the problems found in it; when there are problems the catalogue
	 * is partial (ids may be {@code null}), but its references can still be checked so that those problems are
	 * reported too.
	 */
	record Checked(EducationCatalog catalog, List<Problem> problems) {
	}

	/**
	 * Reads and checks a catalogue, collecting every problem; throws {@link InvalidDocumentException} only when the
	 * document is not a JSON object at all.
	 */
	static Checked check(Object document) {
		return new EducationCatalogReader().readCatalog(document);
	}

	private Checked readCatalog(Object document) {
		DocumentObject root = DocumentObject.root(document, problems);
		if (root == null) {
			throw new InvalidDocumentException(problems);
		}
		root.rejectUnknownFields(Set.of("schools", "industryBodies", "clusters", "programmeGroups"), Map.of());
		List<Organisation> schools = organisations(root.optionalList("schools"));
		List<Organisation> bodies = organisations(root.optionalList("industryBodies"));
		Map<String, String> seen = new HashMap<>();
		List<ClusterEntry> clusters = new ArrayList<>();
		for (DocumentObject cluster : root.optionalList("clusters")) {
			cluster.rejectUnknownFields(Set.of("id", "name", "nameEn", "industryId", "leadEnterpriseId", "leadSchoolId",
					"leadIndustryBodyId", "memberSchoolIds", "memberEnterpriseIds"), Map.of());
			clusters.add(new ClusterEntry(cluster.path(), unique(seen, cluster), cluster.requiredText("name"),
					cluster.optionalText("nameEn"), cluster.optionalId("industryId"), cluster.optionalId("leadEnterpriseId"),
					cluster.optionalId("leadSchoolId"), cluster.optionalId("leadIndustryBodyId"),
					cluster.optionalTextList("memberSchoolIds"), cluster.optionalTextList("memberEnterpriseIds")));
		}
		seen.clear();
		List<ProgrammeGroupEntry> groups = new ArrayList<>();
		for (DocumentObject group : root.optionalList("programmeGroups")) {
			group.rejectUnknownFields(Set.of("id", "name", "nameEn", "schoolId", "clusterId", "segmentIds", "jobGroupIds"),
					Map.of());
			groups.add(new ProgrammeGroupEntry(group.path(), unique(seen, group), group.requiredText("name"),
					group.optionalText("nameEn"), group.requiredId("schoolId"), group.optionalId("clusterId"),
					group.optionalTextList("segmentIds"), group.optionalTextList("jobGroupIds")));
		}
		if (schools.isEmpty() && bodies.isEmpty() && clusters.isEmpty() && groups.isEmpty() && problems.isEmpty()) {
			problems.add(new Problem("", ProblemCode.EMPTY, "The catalogue lists nothing: give at least one of schools, "
					+ "industryBodies, clusters or programmeGroups."));
		}
		return new Checked(new EducationCatalog(schools, bodies, clusters, groups), List.copyOf(problems));
	}

	private List<Organisation> organisations(List<DocumentObject> entries) {
		Map<String, String> seen = new HashMap<>();
		List<Organisation> organisations = new ArrayList<>();
		for (DocumentObject entry : entries) {
			entry.rejectUnknownFields(Set.of("id", "name", "nameEn"), Map.of());
			organisations.add(new Organisation(unique(seen, entry), entry.requiredText("name"), entry.optionalText("nameEn")));
		}
		return organisations;
	}

	private static String unique(Map<String, String> seen, DocumentObject entry) {
		String id = entry.requiredId("id");
		if (id != null) {
			String first = seen.putIfAbsent(id, entry.path());
			if (first != null) {
				entry.problem("id", ProblemCode.DUPLICATE_ID, "The id '" + id + "' is already used at " + first + ".");
			}
		}
		return id;
	}
}
