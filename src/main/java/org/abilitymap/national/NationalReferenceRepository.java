package org.abilitymap.national;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Repository;

/** The Cypher that upserts the national reference data, run in batches inside the import's one transaction. */
@Repository
class NationalReferenceRepository {

	private static final String UPSERT_CATEGORIES = """
			UNWIND $rows AS row
			MERGE (c:ProgrammeCategory {code: row.code})
			SET c.id = row.code, c.name = row.name
			""";

	private static final String UPSERT_CLASSES = """
			UNWIND $rows AS row
			MERGE (k:ProgrammeClass {code: row.code})
			SET k.id = row.code, k.name = row.name
			WITH k, row
			MATCH (c:ProgrammeCategory {code: row.categoryCode})
			MERGE (k)-[:IN_CATEGORY]->(c)
			""";

	private static final String UPSERT_PROGRAMMES = """
			UNWIND $rows AS row
			MERGE (p:CatalogueProgramme {code: row.code})
			SET p.id = row.code, p.name = row.name, p.level = row.level, p.note = row.note,
			    p.inCatalogueTable = row.inCatalogueTable, p.hasProfile = row.hasProfile, p.duration = row.duration,
			    p.occupationalOrientation = row.orientation, p.trainingGoal = row.trainingGoal,
			    p.foundationCourses = row.foundationCourses, p.coreCourses = row.coreCourses,
			    p.practicalTraining = row.practicalTraining, p.exampleCertificates = row.exampleCertificates
			WITH p, row
			MATCH (k:ProgrammeClass {code: row.classCode})
			MERGE (p)-[:IN_CLASS]->(k)
			""";

	private static final String UPSERT_COMPETENCIES = """
			UNWIND $rows AS row
			MATCH (p:CatalogueProgramme {code: row.code})
			CALL (p, row) {
			  OPTIONAL MATCH (p)-[:REQUIRES_COMPETENCY]->(old:CompetencyRequirement)
			  WHERE NOT old.number IN [item IN row.items | item.number]
			  DETACH DELETE old
			}
			WITH p, row
			UNWIND row.items AS item
			MERGE (c:CompetencyRequirement {id: row.code + '#' + toString(item.number)})
			SET c.number = item.number, c.text = item.text, c.programmeCode = row.code
			MERGE (p)-[:REQUIRES_COMPETENCY]->(c)
			""";

	private static final String UPSERT_OCCUPATIONS = """
			UNWIND $rows AS row
			MERGE (o:ReferenceOccupation {id: row.id})
			SET o.scheme = 'CN_OCCUPATION_2022', o.code = row.code, o.name = row.name, o.definition = row.definition,
			    o.mainTasks = row.mainTasks, o.workTypes = row.workTypes, o.green = row.green, o.digital = row.digital,
			    o.edition = row.edition
			""";

	/** Occupations only the crosswalk names: created with its name, never overwriting a richer entry. */
	private static final String ADD_CROSSWALK_OCCUPATIONS = """
			UNWIND $rows AS row
			MERGE (o:ReferenceOccupation {id: row.id})
			ON CREATE SET o.scheme = 'CN_OCCUPATION_2022', o.code = row.code, o.name = row.name, o.edition = 'crosswalk'
			""";

	private static final String LINK_CROSSWALK = """
			UNWIND $rows AS row
			MATCH (p:CatalogueProgramme {code: row.code})
			CALL (p, row) {
			  OPTIONAL MATCH (p)-[old:MAPS_TO_OCCUPATION]->(o)
			  WHERE NOT o.id IN row.occupationIds
			  DELETE old
			}
			WITH p, row
			UNWIND row.occupationIds AS occupationId
			MATCH (o:ReferenceOccupation {id: occupationId})
			MERGE (p)-[:MAPS_TO_OCCUPATION]->(o)
			""";

	private static final String LINK_TARGETS = """
			UNWIND $rows AS row
			MATCH (p:CatalogueProgramme {code: row.code})
			CALL (p, row) {
			  OPTIONAL MATCH (p)-[old:TARGETS_OCCUPATION]->(o)
			  WHERE NOT o.id IN row.occupationIds
			  DELETE old
			}
			WITH p, row
			UNWIND row.occupationIds AS occupationId
			MATCH (o:ReferenceOccupation {id: occupationId})
			MERGE (p)-[:TARGETS_OCCUPATION]->(o)
			""";

	private static final String LINK_SCHOOL_PROGRAMMES = """
			MATCH (p:Programme) WHERE p.code IS NOT NULL
			MATCH (c:CatalogueProgramme {code: p.code})
			MERGE (p)-[:IMPLEMENTS]->(c)
			RETURN count(*) AS linked
			""";

	void upsertCategories(TransactionContext tx, List<Map<String, Object>> rows) {
		run(tx, UPSERT_CATEGORIES, rows);
	}

	void upsertClasses(TransactionContext tx, List<Map<String, Object>> rows) {
		run(tx, UPSERT_CLASSES, rows);
	}

	void upsertProgrammes(TransactionContext tx, List<Map<String, Object>> rows) {
		run(tx, UPSERT_PROGRAMMES, rows);
	}

	void upsertCompetencies(TransactionContext tx, List<Map<String, Object>> rows) {
		run(tx, UPSERT_COMPETENCIES, rows);
	}

	void upsertOccupations(TransactionContext tx, List<Map<String, Object>> rows) {
		run(tx, UPSERT_OCCUPATIONS, rows);
	}

	void addCrosswalkOccupations(TransactionContext tx, List<Map<String, Object>> rows) {
		run(tx, ADD_CROSSWALK_OCCUPATIONS, rows);
	}

	void linkCrosswalk(TransactionContext tx, List<Map<String, Object>> rows) {
		run(tx, LINK_CROSSWALK, rows);
	}

	void linkTargets(TransactionContext tx, List<Map<String, Object>> rows) {
		run(tx, LINK_TARGETS, rows);
	}

	/** Links every school programme to the catalogue entry of its code; returns how many are linked. */
	long linkSchoolProgrammes(TransactionContext tx) {
		return tx.run(LINK_SCHOOL_PROGRAMMES).single().get("linked").asLong();
	}

	private static void run(TransactionContext tx, String cypher, List<Map<String, Object>> rows) {
		tx.run(cypher, Map.of("rows", rows)).consume();
	}
}
