package org.abilitymap.jobs;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abilitymap.support.neo4j.ExistingIds;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Repository;

/** The Cypher that upserts job-catalogue entries, run inside the catalogue import's single transaction. */
@Repository
class CatalogRepository {

	private static final String UPSERT_INDUSTRIES = """
			UNWIND $rows AS row
			MERGE (i:Industry {id: row.id})
			SET i.name = row.name, i.nameEn = row.nameEn
			WITH i, row
			UNWIND row.segments AS segment
			MERGE (s:ChainSegment {id: segment.id})
			SET s.name = segment.name, s.nameEn = segment.nameEn, s.stage = segment.stage, s.industryId = i.id
			MERGE (i)-[:HAS_SEGMENT]->(s)
			""";

	private static final String UPSERT_OCCUPATIONS = """
			UNWIND $rows AS row
			MERGE (o:ReferenceOccupation {id: row.id})
			SET o.scheme = row.scheme, o.code = row.code, o.uri = row.uri, o.name = row.name, o.nameEn = row.nameEn
			""";

	private static final String UPSERT_JOB_GROUPS = """
			UNWIND $rows AS row
			MERGE (g:JobGroup {id: row.id})
			SET g.name = row.name, g.nameEn = row.nameEn
			WITH g, row
			CALL (g, row) {
			  OPTIONAL MATCH (g)-[old:SERVES_SEGMENT]->()
			  DELETE old
			  WITH DISTINCT g
			  UNWIND row.segmentIds AS segmentId
			  MATCH (s:ChainSegment {id: segmentId})
			  MERGE (g)-[:SERVES_SEGMENT]->(s)
			}
			""";

	private static final String UPSERT_JOBS = """
			UNWIND $rows AS row
			MERGE (j:Job {id: row.id})
			SET j.name = row.name, j.nameEn = row.nameEn, j.description = row.description, j.groupId = row.groupId
			WITH j, row
			CALL (j, row) {
			  // A classification made by classifyJob (it has classifiedAt) is not the catalogue's to remove.
			  OPTIONAL MATCH (j)-[old:IN_GROUP|CLASSIFIED_AS]->() WHERE old.classifiedAt IS NULL
			  DELETE old
			  WITH DISTINCT j
			  OPTIONAL MATCH (g:JobGroup {id: row.groupId})
			  FOREACH (group IN CASE WHEN g IS NULL THEN [] ELSE [g] END | MERGE (j)-[:IN_GROUP]->(group))
			  WITH DISTINCT j
			  UNWIND row.referenceOccupationIds AS occupationId
			  MATCH (o:ReferenceOccupation {id: occupationId})
			  MERGE (j)-[:CLASSIFIED_AS]->(o)
			}
			""";

	private static final String UPSERT_ENTERPRISES = """
			UNWIND $rows AS row
			MERGE (e:Enterprise {id: row.id})
			SET e.name = row.name, e.nameEn = row.nameEn
			WITH e, row
			CALL (e, row) {
			  OPTIONAL MATCH (e)-[old:IN_INDUSTRY]->()
			  DELETE old
			  WITH DISTINCT e
			  UNWIND row.industryIds AS industryId
			  MATCH (i:Industry {id: industryId})
			  MERGE (e)-[:IN_INDUSTRY]->(i)
			}
			""";

	static final String INDUSTRY = "Industry";

	static final String SEGMENT = "ChainSegment";

	static final String JOB_GROUP = "JobGroup";

	static final String OCCUPATION = "ReferenceOccupation";

	Set<String> existingIds(TransactionContext tx, String label, Collection<String> ids) {
		return ExistingIds.among(tx, label, ids);
	}

	void upsertIndustries(TransactionContext tx, List<Map<String, Object>> rows) {
		run(tx, UPSERT_INDUSTRIES, rows);
	}

	void upsertOccupations(TransactionContext tx, List<Map<String, Object>> rows) {
		run(tx, UPSERT_OCCUPATIONS, rows);
	}

	void upsertJobGroups(TransactionContext tx, List<Map<String, Object>> rows) {
		run(tx, UPSERT_JOB_GROUPS, rows);
	}

	void upsertJobs(TransactionContext tx, List<Map<String, Object>> rows) {
		run(tx, UPSERT_JOBS, rows);
	}

	void upsertEnterprises(TransactionContext tx, List<Map<String, Object>> rows) {
		run(tx, UPSERT_ENTERPRISES, rows);
	}

	private static void run(TransactionContext tx, String cypher, List<Map<String, Object>> rows) {
		if (!rows.isEmpty()) {
			tx.run(cypher, Map.of("rows", rows)).consume();
		}
	}
}
