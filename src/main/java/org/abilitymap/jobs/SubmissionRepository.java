package org.abilitymap.jobs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abilitymap.support.neo4j.Rows;
import org.abilitymap.support.neo4j.StaleAlignments;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Repository;

/** The Cypher that writes work-task submissions, run inside the importer's single transaction. */
@Repository
class SubmissionRepository {

	private static final String JOB_EXISTS = """
			MATCH (j:Job {id: $jobId}) RETURN count(j) > 0 AS exists
			""";

	/**
	 * Upserting the enterprise first also takes its write lock, which serialises its concurrent submissions. The lock
	 * is taken before the MERGE: a MERGE that matches takes a shared lock, which the SET then upgrades, and two
	 * submissions of one enterprise upgrading at once deadlock (seen under {@code bench load}).
	 */
	private static final String LOCK_ENTERPRISE = """
			OPTIONAL MATCH (existing:Enterprise {id: $id})
			SET existing._lock = true
			REMOVE existing._lock
			WITH count(*) AS locked
			MERGE (e:Enterprise {id: $id})
			ON CREATE SET e.name = $name
			SET e.name = $name, e.nameEn = coalesce($nameEn, e.nameEn)
			""";

	private static final String LATEST_VERSION = """
			MATCH (s:Submission {enterpriseId: $enterpriseId, jobId: $jobId})
			RETURN s.id AS id, s.version AS version, s.contentHash AS contentHash
			ORDER BY s.version DESC LIMIT 1
			""";

	private static final String CREATE_SUBMISSION = """
			MATCH (e:Enterprise {id: $enterpriseId}), (j:Job {id: $jobId})
			CREATE (s:Submission {id: $id, enterpriseId: $enterpriseId, jobId: $jobId, version: $version,
			                      contentHash: $contentHash, current: true, published: false, status: 'SUBMITTED',
			                      submittedAt: datetime()})
			SET s.shadowingStart = CASE WHEN $startDate IS NULL THEN null ELSE date($startDate) END,
			    s.shadowingEnd = CASE WHEN $endDate IS NULL THEN null ELSE date($endDate) END,
			    s.observers = $observers, s.method = $method, s.notes = $notes
			CREATE (e)-[:SUBMITTED]->(s)-[:FOR_JOB]->(j)
			WITH s
			OPTIONAL MATCH (previous:Submission {id: $previousId})
			FOREACH (p IN CASE WHEN previous IS NULL THEN [] ELSE [previous] END |
			  SET p.current = false
			  CREATE (s)-[:SUPERSEDES]->(p))
			""";

	private static final String CREATE_PROJECTS = """
			MATCH (s:Submission {id: $submissionId})
			UNWIND $rows AS row
			CREATE (n:WorkProject {id: row.id, name: row.name})
			SET n.localId = row.localId, n.nameEn = row.nameEn, n.description = row.description,
			    n.submissionId = s.id, n.enterpriseId = s.enterpriseId, n.jobId = s.jobId, n.version = s.version
			CREATE (s)-[:HAS_PROJECT {position: row.position}]->(n)
			""";

	private static final String CREATE_TASKS = """
			MATCH (s:Submission {id: $submissionId})
			UNWIND $rows AS row
			MATCH (parent:WorkProject {id: row.parentId})
			CREATE (n:Task {id: row.id, name: row.name})
			SET n.localId = row.localId, n.nameEn = row.nameEn, n.description = row.description,
			    n.submissionId = s.id, n.enterpriseId = s.enterpriseId, n.jobId = s.jobId, n.version = s.version
			CREATE (parent)-[:HAS_TASK {position: row.position, frequency: row.frequency,
			                            importance: row.importance, difficulty: row.difficulty}]->(n)
			""";

	private static final String CREATE_STEPS = """
			MATCH (s:Submission {id: $submissionId})
			UNWIND $rows AS row
			MATCH (parent:Task {id: row.parentId})
			CREATE (n:ProcessStep {id: row.id, name: row.name})
			SET n.localId = row.localId, n.nameEn = row.nameEn, n.description = row.description,
			    n.submissionId = s.id, n.enterpriseId = s.enterpriseId, n.jobId = s.jobId, n.version = s.version
			CREATE (parent)-[:HAS_STEP {position: row.position}]->(n)
			""";

	private static final String LINK_SKILLS = """
			UNWIND $rows AS row
			MATCH (step:ProcessStep {id: row.stepId}), (skill:SkillPoint {id: row.skillId})
			CREATE (step)-[:REQUIRES_SKILL {position: row.position, level: row.level}]->(skill)
			""";

	/** Knowledge hangs off the step, tagged with the skill it supports, so each version's tree is exact. */
	private static final String LINK_KNOWLEDGE = """
			UNWIND $rows AS row
			MATCH (step:ProcessStep {id: row.stepId}), (knowledge:KnowledgePoint {id: row.knowledgeId})
			CREATE (step)-[:REQUIRES_KNOWLEDGE {position: row.position, skillId: row.skillId}]->(knowledge)
			""";

	boolean jobExists(TransactionContext tx, String jobId) {
		return tx.run(JOB_EXISTS, Map.of("jobId", jobId)).single().get("exists").asBoolean();
	}

	void lockEnterprise(TransactionContext tx, WorkTaskDocument.EnterpriseEntry enterprise) {
		tx.run(LOCK_ENTERPRISE, Rows.of("id", enterprise.id(), "name", enterprise.name(), "nameEn", enterprise.nameEn()))
			.consume();
	}

	/** The latest version of this enterprise's submissions for this job. */
	Optional<StoredVersion> latestVersion(TransactionContext tx, String enterpriseId, String jobId) {
		var records = tx.run(LATEST_VERSION, Map.of("enterpriseId", enterpriseId, "jobId", jobId)).list();
		return records.stream()
			.findFirst()
			.map(r -> new StoredVersion(r.get("id").asString(), r.get("version").asInt(),
					r.get("contentHash").asString()));
	}

	void createSubmission(TransactionContext tx, Map<String, Object> submission) {
		tx.run(CREATE_SUBMISSION, submission).consume();
	}

	/**
	 * Locks the programmes targeting the job and drops their stored alignment. Called before the points are resolved:
	 * a submission that created or linked a point first and then waited for a programme deadlocked with one holding
	 * that programme and waiting for the point (seen under {@code bench load}).
	 */
	void dropAlignmentsOfJob(TransactionContext tx, String jobId) {
		StaleAlignments.dropForJobs(tx, List.of(jobId));
	}

	void createTree(TransactionContext tx, String submissionId, TreeRows rows) {
		run(tx, CREATE_PROJECTS, submissionId, rows.projects());
		run(tx, CREATE_TASKS, submissionId, rows.tasks());
		run(tx, CREATE_STEPS, submissionId, rows.steps());
		run(tx, LINK_SKILLS, submissionId, rows.skillLinks());
		run(tx, LINK_KNOWLEDGE, submissionId, rows.knowledgeLinks());
	}

	private static void run(TransactionContext tx, String cypher, String submissionId, List<Map<String, Object>> rows) {
		if (!rows.isEmpty()) {
			tx.run(cypher, Map.of("submissionId", submissionId, "rows", rows)).consume();
		}
	}

	/** Identity of a stored submission version. */
	record StoredVersion(String id, int version, String contentHash) {
	}

	/** The flattened tree, one list of parameter rows per level, each written with one UNWIND. */
	record TreeRows(List<Map<String, Object>> projects, List<Map<String, Object>> tasks,
			List<Map<String, Object>> steps, List<Map<String, Object>> skillLinks,
			List<Map<String, Object>> knowledgeLinks) {
	}
}
