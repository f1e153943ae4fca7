package org.abilitymap.curriculum;

import java.util.List;
import java.util.Map;

import org.abilitymap.support.neo4j.StaleAlignments;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Repository;

/** The Cypher that writes the education side, run inside the importing document's single transaction. */
@Repository
class CurriculumRepository {

	// ----- education catalogue

	private static final String UPSERT_SCHOOLS = """
			UNWIND $rows AS row
			MERGE (s:School {id: row.id})
			SET s.name = row.name, s.nameEn = row.nameEn
			""";

	private static final String UPSERT_INDUSTRY_BODIES = """
			UNWIND $rows AS row
			MERGE (b:IndustryBody {id: row.id})
			SET b.name = row.name, b.nameEn = row.nameEn
			""";

	private static final String UPSERT_CLUSTERS = """
			UNWIND $rows AS row
			MERGE (c:Cluster {id: row.id})
			SET c.name = row.name, c.nameEn = row.nameEn, c.industryId = row.industryId
			WITH c, row
			CALL (c, row) {
			  OPTIONAL MATCH (c)-[old:IN_INDUSTRY|LED_BY|HAS_MEMBER]->()
			  DELETE old
			  WITH DISTINCT c
			  OPTIONAL MATCH (i:Industry {id: row.industryId})
			  OPTIONAL MATCH (e:Enterprise {id: row.leadEnterpriseId})
			  OPTIONAL MATCH (s:School {id: row.leadSchoolId})
			  OPTIONAL MATCH (b:IndustryBody {id: row.leadIndustryBodyId})
			  FOREACH (x IN CASE WHEN i IS NULL THEN [] ELSE [i] END | MERGE (c)-[:IN_INDUSTRY]->(x))
			  FOREACH (x IN CASE WHEN e IS NULL THEN [] ELSE [e] END | MERGE (c)-[:LED_BY {role: 'ENTERPRISE'}]->(x))
			  FOREACH (x IN CASE WHEN s IS NULL THEN [] ELSE [s] END | MERGE (c)-[:LED_BY {role: 'SCHOOL'}]->(x))
			  FOREACH (x IN CASE WHEN b IS NULL THEN [] ELSE [b] END | MERGE (c)-[:LED_BY {role: 'INDUSTRY_BODY'}]->(x))
			  WITH DISTINCT c
			  CALL (c, row) {
			    UNWIND row.memberSchoolIds AS id
			    MATCH (m:School {id: id})
			    MERGE (c)-[:HAS_MEMBER]->(m)
			  }
			  CALL (c, row) {
			    UNWIND row.memberEnterpriseIds AS id
			    MATCH (m:Enterprise {id: id})
			    MERGE (c)-[:HAS_MEMBER]->(m)
			  }
			}
			""";

	private static final String UPSERT_PROGRAMME_GROUPS = """
			UNWIND $rows AS row
			MERGE (g:ProgrammeGroup {id: row.id})
			SET g.name = row.name, g.nameEn = row.nameEn, g.schoolId = row.schoolId, g.clusterId = row.clusterId
			WITH g, row
			CALL (g, row) {
			  OPTIONAL MATCH (g)-[old:ALIGNED_WITH|IN_CLUSTER]->()
			  DELETE old
			  WITH DISTINCT g
			  OPTIONAL MATCH (old:School)-[runs:RUNS]->(g)
			  DELETE runs
			  WITH DISTINCT g
			  MATCH (s:School {id: row.schoolId})
			  MERGE (s)-[:RUNS]->(g)
			  WITH DISTINCT g
			  OPTIONAL MATCH (c:Cluster {id: row.clusterId})
			  FOREACH (x IN CASE WHEN c IS NULL THEN [] ELSE [c] END | MERGE (g)-[:IN_CLUSTER]->(x))
			  WITH DISTINCT g
			  CALL (g, row) {
			    UNWIND row.segmentIds AS id
			    MATCH (x:ChainSegment {id: id})
			    MERGE (g)-[:ALIGNED_WITH]->(x)
			  }
			  CALL (g, row) {
			    UNWIND row.jobGroupIds AS id
			    MATCH (x:JobGroup {id: id})
			    MERGE (g)-[:ALIGNED_WITH]->(x)
			  }
			}
			""";

	// ----- programmes

	/** Upserting the programme first takes its write lock, which serialises concurrent saves of one programme. */
	private static final String LOCK_PROGRAMME = """
			// write locks first, school then programme: the shared lock a matching MERGE takes, upgraded by its SET,
			// deadlocks with another transaction upgrading the same node
			OPTIONAL MATCH (existingSchool:School {id: $schoolId})
			SET existingSchool._lock = true
			REMOVE existingSchool._lock
			WITH count(*) AS schoolLocked
			OPTIONAL MATCH (existingProgramme:Programme {id: $id})
			SET existingProgramme._lock = true
			REMOVE existingProgramme._lock
			WITH count(*) AS programmeLocked
			MERGE (s:School {id: $schoolId})
			SET s.name = $schoolName, s.nameEn = coalesce($schoolNameEn, s.nameEn)
			MERGE (p:Programme {id: $id})
			// setting a property to its own value takes the write lock without changing anything
			SET p.version = coalesce(p.version, 0)
			RETURN p.version AS version, p.contentHash AS contentHash, p.schoolId AS schoolId
			""";

	/** What an edit passes to {@link #LOCK_PROGRAMME}, so that it takes the same locks in the same order as a save. */
	private static final String SCHOOL_FOR_EDIT = """
			MATCH (p:Programme {id: $id})
			OPTIONAL MATCH (s:School {id: p.schoolId})
			RETURN p.schoolId AS schoolId, s.name AS schoolName, s.nameEn AS schoolNameEn
			""";

	/** Read after the lock, so that it is the document the last committed save wrote. */
	private static final String CURRENT_SOURCE = """
			MATCH (p:Programme {id: $id})-[:HAS_REVISION]->(r:ProgrammeRevision {version: p.version})
			RETURN r.source AS source
			""";

	private static final String SCHOOL_OF_PROGRAMME = "MATCH (p:Programme {id: $id}) RETURN p.schoolId AS schoolId";

	private static final String COURSES_OF_OTHER_PROGRAMMES = """
			UNWIND $ids AS id
			MATCH (c:Course {id: id})
			WHERE c.programmeId <> $programmeId
			RETURN c.id AS id, c.programmeId AS programmeId
			""";

	/** Replaces the programme's live graph: its courses go, with their links; shared entries stay. */
	private static final String CLEAR_PROGRAMME = """
			MATCH (p:Programme {id: $id})
			OPTIONAL MATCH (p)-[:HAS_COURSE]->(c:Course)
			DETACH DELETE c
			WITH DISTINCT p
			OPTIONAL MATCH (p)-[old:TARGETS|IN_GROUP|ALIGNS_WITH_CERTIFICATE|USES_BASE]->()
			DELETE old
			WITH DISTINCT p
			OPTIONAL MATCH (:School)-[offers:OFFERS]->(p)
			DELETE offers
			""";

	private static final String WRITE_PROGRAMME = """
			MATCH (p:Programme {id: $id}), (s:School {id: $schoolId})
			SET p.code = $code, p.name = $name, p.nameEn = $nameEn, p.level = $level, p.schoolId = $schoolId,
			    p.groupId = $groupId, p.version = $version, p.contentHash = $contentHash, p.savedAt = datetime()
			MERGE (s)-[:OFFERS]->(p)
			CREATE (r:ProgrammeRevision {id: $id + ':v' + $version, programmeId: $id, version: $version,
			                             contentHash: $contentHash, document: $document, source: $source,
			                             savedAt: datetime()})
			CREATE (p)-[:HAS_REVISION]->(r)
			WITH p
			OPTIONAL MATCH (g:ProgrammeGroup {id: $groupId})
			FOREACH (x IN CASE WHEN g IS NULL THEN [] ELSE [g] END | MERGE (p)-[:IN_GROUP]->(x))
			WITH DISTINCT p
			UNWIND $targetJobIds AS jobId
			MATCH (j:Job {id: jobId})
			MERGE (p)-[:TARGETS]->(j)
			""";

	private static final String CREATE_COURSES = """
			MATCH (p:Programme {id: $programmeId})
			UNWIND $rows AS row
			CREATE (c:Course {id: row.id, name: row.name, programmeId: $programmeId, block: row.block, position: row.position})
			SET c.nameEn = row.nameEn, c.hours = row.hours, c.credits = row.credits, c.semester = row.semester
			CREATE (p)-[:HAS_COURSE]->(c)
			WITH c, row
			OPTIONAL MATCH (w:WorkProject {id: row.convertedFromProjectId})
			FOREACH (x IN CASE WHEN w IS NULL THEN [] ELSE [w] END | CREATE (c)-[:CONVERTED_FROM]->(x))
			""";

	private static final String CREATE_TEACHING = """
			UNWIND $rows AS row
			MATCH (c:Course {id: row.courseId})
			OPTIONAL MATCH (s:SkillPoint {id: row.pointId})
			OPTIONAL MATCH (k:KnowledgePoint {id: row.pointId})
			WITH c, row, coalesce(s, k) AS point
			CREATE (c)-[:TEACHES {level: row.level, hours: row.hours, position: row.position}]->(point)
			""";

	private static final String UPSERT_TEXTBOOKS = """
			UNWIND $rows AS row
			MERGE (t:Textbook {id: row.id})
			SET t.title = row.title, t.form = row.form, t.editionDate = CASE WHEN row.editionDate IS NULL THEN null
			    ELSE date(row.editionDate) END, t.editorNames = row.editorNames,
			    t.editorAffiliations = row.editorAffiliations, t.editorOrganisations = row.editorOrganisations
			WITH t, row
			CALL (t, row) {
			  OPTIONAL MATCH (t)-[old:COVERS]->()
			  DELETE old
			  WITH DISTINCT t
			  UNWIND row.pointIds AS pointId
			  OPTIONAL MATCH (s:SkillPoint {id: pointId})
			  OPTIONAL MATCH (k:KnowledgePoint {id: pointId})
			  WITH t, coalesce(s, k) AS point
			  MERGE (t)-[:COVERS]->(point)
			}
			CALL (t, row) {
			  UNWIND row.courseIds AS courseId
			  MATCH (c:Course {id: courseId})
			  MERGE (t)-[:USED_IN]->(c)
			}
			""";

	private static final String UPSERT_CERTIFICATES = """
			MATCH (p:Programme {id: $programmeId})
			UNWIND $rows AS row
			MERGE (c:Certificate {id: row.id})
			SET c.name = row.name, c.nameEn = row.nameEn, c.type = row.type, c.issuer = row.issuer, c.level = row.level
			MERGE (p)-[:ALIGNS_WITH_CERTIFICATE]->(c)
			WITH c, row
			CALL (c, row) {
			  OPTIONAL MATCH (c)-[old:ASSESSES|QUALIFIES_FOR]->()
			  DELETE old
			  WITH DISTINCT c
			  UNWIND row.assesses AS item
			  OPTIONAL MATCH (s:SkillPoint {id: item.pointId})
			  OPTIONAL MATCH (k:KnowledgePoint {id: item.pointId})
			  WITH c, item, coalesce(s, k) AS point
			  MERGE (c)-[a:ASSESSES]->(point)
			  SET a.level = item.level, a.importance = item.importance
			}
			CALL (c, row) {
			  UNWIND row.jobIds AS jobId
			  MATCH (j:Job {id: jobId})
			  MERGE (c)-[:QUALIFIES_FOR]->(j)
			}
			""";

	private static final String UPSERT_TRAINING_BASES = """
			MATCH (p:Programme {id: $programmeId})
			UNWIND $rows AS row
			MERGE (b:TrainingBase {id: row.id})
			SET b.name = row.name, b.nameEn = row.nameEn, b.kind = row.kind
			MERGE (p)-[:USES_BASE]->(b)
			WITH b, row
			CALL (b, row) {
			  OPTIONAL MATCH (b)-[old:SUPPORTS]->()
			  DELETE old
			  WITH DISTINCT b
			  UNWIND row.pointIds AS pointId
			  OPTIONAL MATCH (s:SkillPoint {id: pointId})
			  OPTIONAL MATCH (k:KnowledgePoint {id: pointId})
			  WITH b, coalesce(s, k) AS point
			  MERGE (b)-[:SUPPORTS]->(point)
			}
			CALL (b, row) {
			  UNWIND row.courseIds AS courseId
			  MATCH (c:Course {id: courseId})
			  MERGE (b)-[:SERVES_COURSE]->(c)
			}
			""";

	void upsertSchools(TransactionContext tx, List<Map<String, Object>> rows) {
		run(tx, UPSERT_SCHOOLS, Map.of("rows", rows), rows);
	}

	void upsertIndustryBodies(TransactionContext tx, List<Map<String, Object>> rows) {
		run(tx, UPSERT_INDUSTRY_BODIES, Map.of("rows", rows), rows);
	}

	void upsertClusters(TransactionContext tx, List<Map<String, Object>> rows) {
		run(tx, UPSERT_CLUSTERS, Map.of("rows", rows), rows);
	}

	void upsertProgrammeGroups(TransactionContext tx, List<Map<String, Object>> rows) {
		run(tx, UPSERT_PROGRAMME_GROUPS, Map.of("rows", rows), rows);
	}

	/** Takes the programme's lock and returns its stored version and content hash (version 0 when new). */
	StoredProgramme lockProgramme(TransactionContext tx, Map<String, Object> parameters) {
		var record = tx.run(LOCK_PROGRAMME, parameters).single();
		return new StoredProgramme(record.get("version").asInt(), record.get("contentHash").asString(null),
				record.get("schoolId").asString(null));
	}

	/**
	 * Takes the locks of an existing programme and its school exactly as a save of its document does (the same
	 * statement, so the same order: a different order deadlocks with concurrent saves); {@code false} when there is
	 * no such programme, or it has no school yet.
	 */
	boolean lockForEdit(TransactionContext tx, String programmeId) {
		var records = tx.run(SCHOOL_FOR_EDIT, Map.of("id", programmeId)).list();
		if (records.isEmpty() || records.get(0).get("schoolId").isNull() || records.get(0).get("schoolName").isNull()) {
			return false;
		}
		var school = records.get(0);
		lockProgramme(tx, org.abilitymap.support.neo4j.Rows.of("id", programmeId, "schoolId",
				school.get("schoolId").asString(), "schoolName", school.get("schoolName").asString(), "schoolNameEn",
				school.get("schoolNameEn").asString(null)));
		return true;
	}

	/** The source of the programme's current document; {@code null} when it was saved before sources were kept. */
	String currentSource(TransactionContext tx, String programmeId) {
		var records = tx.run(CURRENT_SOURCE, Map.of("id", programmeId)).list();
		return records.isEmpty() ? null : records.get(0).get("source").asString(null);
	}

	/** The school an existing programme belongs to; {@code null} when there is no such programme yet. */
	String schoolOfProgramme(TransactionContext tx, String programmeId) {
		var records = tx.run(SCHOOL_OF_PROGRAMME, Map.of("id", programmeId)).list();
		return records.isEmpty() ? null : records.get(0).get("schoolId").asString(null);
	}

	/** Course ids of the document that already belong to another programme, with that programme. */
	Map<String, String> coursesOfOtherProgrammes(TransactionContext tx, String programmeId, List<String> courseIds) {
		Map<String, String> owners = new java.util.HashMap<>();
		tx.run(COURSES_OF_OTHER_PROGRAMMES, Map.of("programmeId", programmeId, "ids", courseIds))
			.forEachRemaining(r -> owners.put(r.get("id").asString(), r.get("programmeId").asString()));
		return owners;
	}

	void replaceProgramme(TransactionContext tx, Map<String, Object> programme, List<Map<String, Object>> courses,
			List<Map<String, Object>> teaching, List<Map<String, Object>> textbooks,
			List<Map<String, Object>> certificates, List<Map<String, Object>> trainingBases) {
		String id = (String) programme.get("id");
		StaleAlignments.dropForProgrammes(tx, List.of(id));
		tx.run(CLEAR_PROGRAMME, Map.of("id", id)).consume();
		tx.run(WRITE_PROGRAMME, programme).consume();
		run(tx, CREATE_COURSES, Map.of("programmeId", id, "rows", courses), courses);
		run(tx, CREATE_TEACHING, Map.of("rows", teaching), teaching);
		run(tx, UPSERT_TEXTBOOKS, Map.of("rows", textbooks), textbooks);
		run(tx, UPSERT_CERTIFICATES, Map.of("programmeId", id, "rows", certificates), certificates);
		run(tx, UPSERT_TRAINING_BASES, Map.of("programmeId", id, "rows", trainingBases), trainingBases);
	}

	private static void run(TransactionContext tx, String cypher, Map<String, Object> parameters, List<?> rows) {
		if (!rows.isEmpty()) {
			tx.run(cypher, parameters).consume();
		}
	}

	/** What the graph holds of a programme before a save. */
	record StoredProgramme(int version, String contentHash, String schoolId) {

	}
}
