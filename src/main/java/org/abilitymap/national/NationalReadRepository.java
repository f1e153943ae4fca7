package org.abilitymap.national;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abilitymap.curriculum.Programme;
import org.abilitymap.jobs.ReferenceOccupation;
import org.abilitymap.national.CatalogueParts.CompetencyRequirement;
import org.abilitymap.national.CatalogueParts.OccupationDictionaryEntry;
import org.abilitymap.national.CatalogueParts.ProgrammeCategory;
import org.abilitymap.national.CatalogueParts.ProgrammeClass;
import org.abilitymap.support.neo4j.Graph;
import org.springframework.stereotype.Repository;

/** Reads catalogue programmes and national occupations, one query per GraphQL level. */
@Repository
class NationalReadRepository {

	private static final String PROGRAMME_BY_CODE = """
			MATCH (p:CatalogueProgramme {code: $code})
			RETURN %s AS item
			""".formatted(CatalogueProgramme.PROJECTION);

	private static final String OCCUPATION_BY_CODE = """
			MATCH (o:ReferenceOccupation {id: $id})
			RETURN %s AS item
			""".formatted(ReferenceOccupation.PROJECTION);

	private static final String CLASSES_OF_PROGRAMMES = """
			UNWIND $codes AS key
			MATCH (:CatalogueProgramme {code: key})-[:IN_CLASS]->(k:ProgrammeClass)
			RETURN key, k {.code, .name} AS item
			""";

	private static final String CATEGORIES_OF_CLASSES = """
			UNWIND $codes AS key
			MATCH (:ProgrammeClass {code: key})-[:IN_CATEGORY]->(c:ProgrammeCategory)
			RETURN key, c {.code, .name} AS item
			""";

	private static final String COMPETENCIES_OF_PROGRAMMES = """
			UNWIND $codes AS key
			MATCH (:CatalogueProgramme {code: key})-[:REQUIRES_COMPETENCY]->(c:CompetencyRequirement)
			WITH key, c ORDER BY c.number
			RETURN key, collect(c {.number, .text}) AS items
			""";

	private static final String CROSSWALK_OCCUPATIONS = """
			UNWIND $codes AS key
			MATCH (:CatalogueProgramme {code: key})-[:MAPS_TO_OCCUPATION]->(o:ReferenceOccupation)
			WITH key, o ORDER BY o.code
			RETURN key, collect(%s) AS items
			""".formatted(ReferenceOccupation.PROJECTION);

	private static final String TARGET_OCCUPATIONS = """
			UNWIND $codes AS key
			MATCH (:CatalogueProgramme {code: key})-[:TARGETS_OCCUPATION]->(o:ReferenceOccupation)
			WITH key, o ORDER BY o.code
			RETURN key, collect(%s) AS items
			""".formatted(ReferenceOccupation.PROJECTION);

	private static final String IMPLEMENTING_PROGRAMMES = """
			UNWIND $codes AS key
			MATCH (p:Programme)-[:IMPLEMENTS]->(:CatalogueProgramme {code: key})
			WITH key, p ORDER BY p.id
			RETURN key, collect(%s) AS items
			""".formatted(Programme.PROJECTION);

	private static final String DICTIONARY_ENTRIES = """
			UNWIND $ids AS key
			MATCH (o:ReferenceOccupation {id: key}) WHERE o.edition IS NOT NULL
			RETURN key, o {.definition, .mainTasks, .workTypes, .green, .digital, .edition} AS item
			""";

	private static final String PROGRAMMES_OF_OCCUPATIONS = """
			UNWIND $ids AS key
			MATCH (p:CatalogueProgramme)-[:MAPS_TO_OCCUPATION|TARGETS_OCCUPATION]->(:ReferenceOccupation {id: key})
			WITH DISTINCT key, p ORDER BY p.code
			RETURN key, collect(%s) AS items
			""".formatted(CatalogueProgramme.PROJECTION);

	private final Graph graph;

	NationalReadRepository(Graph graph) {
		this.graph = graph;
	}

	Optional<CatalogueProgramme> programme(String code) {
		return graph.queryOne(PROGRAMME_BY_CODE, Map.of("code", code), r -> CatalogueProgramme.of(r.get("item")));
	}

	Optional<ReferenceOccupation> occupation(String code) {
		return graph.queryOne(OCCUPATION_BY_CODE, Map.of("id", NationalReferenceImport.occupationId(code)),
				r -> ReferenceOccupation.of(r.get("item")));
	}

	Map<String, ProgrammeClass> classes(List<String> programmeCodes) {
		return graph.queryKeyed(CLASSES_OF_PROGRAMMES, Map.of("codes", programmeCodes), ProgrammeClass::of);
	}

	Map<String, ProgrammeCategory> categories(List<String> classCodes) {
		return graph.queryKeyed(CATEGORIES_OF_CLASSES, Map.of("codes", classCodes), ProgrammeCategory::of);
	}

	Map<String, List<CompetencyRequirement>> competencies(List<String> programmeCodes) {
		return graph.queryGrouped(COMPETENCIES_OF_PROGRAMMES, Map.of("codes", programmeCodes), CompetencyRequirement::of);
	}

	Map<String, List<ReferenceOccupation>> crosswalkOccupations(List<String> programmeCodes) {
		return graph.queryGrouped(CROSSWALK_OCCUPATIONS, Map.of("codes", programmeCodes), ReferenceOccupation::of);
	}

	Map<String, List<ReferenceOccupation>> targetOccupations(List<String> programmeCodes) {
		return graph.queryGrouped(TARGET_OCCUPATIONS, Map.of("codes", programmeCodes), ReferenceOccupation::of);
	}

	Map<String, List<Programme>> implementingProgrammes(List<String> programmeCodes) {
		return graph.queryGrouped(IMPLEMENTING_PROGRAMMES, Map.of("codes", programmeCodes), Programme::of);
	}

	Map<String, OccupationDictionaryEntry> dictionaryEntries(List<String> occupationIds) {
		return graph.queryKeyed(DICTIONARY_ENTRIES, Map.of("ids", occupationIds), OccupationDictionaryEntry::of);
	}

	Map<String, List<CatalogueProgramme>> programmesOfOccupations(List<String> occupationIds) {
		return graph.queryGrouped(PROGRAMMES_OF_OCCUPATIONS, Map.of("ids", occupationIds), CatalogueProgramme::of);
	}
}
