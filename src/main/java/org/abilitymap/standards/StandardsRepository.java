package org.abilitymap.standards;

import java.util.List;
import java.util.Map;

import org.abilitymap.support.neo4j.StaleAlignments;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Repository;

/**
 * The Cypher behind job competency standards: approving submissions, explicit requirements set by industry bodies,
 * and deriving each job's {@code REQUIRES_POINT} links from its approved submissions.
 */
@Repository
class StandardsRepository {

	/**
	 * Records the decision as a review of the version and as its status; then the latest approved version of the
	 * enterprise's submissions for the job becomes the published one, the version every reader sees.
	 */
	private static final String REVIEW = """
			MATCH (s:Submission {id: $submissionId}), (b:IndustryBody {id: $industryBodyId})
			CREATE (r:Review {id: randomUUID(), submissionId: s.id, decision: $decision, comment: $comment,
			                  at: datetime(), reviewer: $reviewer, industryBodyId: b.id})-[:REVIEWS]->(s)
			SET s.status = $decision, s.reviewedAt = r.at, s.reviewedBy = $reviewer, s.reviewNote = $comment
			FOREACH (approval IN CASE WHEN $decision = 'APPROVED' THEN [1] ELSE [] END |
			  SET s.approvedBy = b.id, s.approvedAt = r.at
			  MERGE (b)-[:APPROVED]->(s))
			WITH s
			OPTIONAL MATCH (:IndustryBody)-[approval:APPROVED]->(s) WHERE $decision <> 'APPROVED'
			DELETE approval
			WITH DISTINCT s
			MATCH (version:Submission {enterpriseId: s.enterpriseId, jobId: s.jobId})
			WITH version ORDER BY version.version DESC
			WITH collect(version) AS versions
			WITH versions, [v IN versions WHERE v.status = 'APPROVED'][0] AS published
			UNWIND versions AS version
			SET version.published = (published IS NOT NULL AND version = published)
			""";

	private static final String SET_OVERRIDE = """
			MATCH (j:Job {id: $jobId}), (b:IndustryBody {id: $industryBodyId})
			OPTIONAL MATCH (s:SkillPoint {id: $pointId})
			OPTIONAL MATCH (k:KnowledgePoint {id: $pointId})
			WITH j, b, coalesce(s, k) AS p
			MERGE (j)-[o:REQUIREMENT_OVERRIDE]->(p)
			SET o.level = $level, o.importance = $importance, o.essential = $essential, o.setBy = b.id,
			    o.note = $note, o.setAt = datetime()
			""";

	/** Explicit requirements for the given points that the job has none for yet; an existing one is kept as it is. */
	private static final String ADD_MISSING_OVERRIDES = """
			MATCH (j:Job {id: $jobId})
			UNWIND $pointIds AS pointId
			OPTIONAL MATCH (s:SkillPoint {id: pointId})
			OPTIONAL MATCH (k:KnowledgePoint {id: pointId})
			WITH j, coalesce(s, k) AS p
			WHERE p IS NOT NULL AND NOT EXISTS { (j)-[:REQUIREMENT_OVERRIDE]->(p) }
			CREATE (j)-[:REQUIREMENT_OVERRIDE {level: $level, importance: $importance, essential: $essential,
			                                   setBy: $setBy, note: $note, setAt: datetime()}]->(p)
			RETURN p.id AS id
			""";

	private static final String REMOVE_OVERRIDE = """
			MATCH (j:Job {id: $jobId})-[o:REQUIREMENT_OVERRIDE]->(p {id: $pointId})
			DELETE o
			RETURN count(o) AS removed
			""";

	private static final String CLEAR_STANDARD = """
			MATCH (j:Job {id: $jobId})-[r:REQUIRES_POINT]->()
			DELETE r
			""";

	/**
	 * For each enterprise, its latest approved submission for the job; then every point those submissions require,
	 * with the highest level and task importance (3 when not rated) and how many enterprises need it. A knowledge
	 * point takes the level of the skill it is recorded under. Essential: needed by at least half the enterprises.
	 */
	private static final String DERIVE_STANDARD = """
			MATCH (s:Submission {jobId: $jobId, status: 'APPROVED'})
			WITH s ORDER BY s.version DESC
			WITH s.enterpriseId AS enterprise, head(collect(s)) AS s
			WITH collect(s) AS approved
			WITH approved, size(approved) AS enterprises
			UNWIND approved AS s
			CALL (s) {
			  MATCH (s)-[:HAS_PROJECT]->()-[task:HAS_TASK]->()-[:HAS_STEP]->()-[need:REQUIRES_SKILL]->(p:SkillPoint)
			  RETURN p, need.level AS level, coalesce(task.importance, 3) AS importance
			  UNION ALL
			  MATCH (s)-[:HAS_PROJECT]->()-[task:HAS_TASK]->()-[:HAS_STEP]->(step)-[need:REQUIRES_KNOWLEDGE]->(p:KnowledgePoint)
			  MATCH (step)-[skill:REQUIRES_SKILL]->(:SkillPoint {id: need.skillId})
			  RETURN p, skill.level AS level, coalesce(task.importance, 3) AS importance
			}
			WITH enterprises, p, max(level) AS level, max(importance) AS importance,
			     count(DISTINCT s.enterpriseId) AS needing
			MATCH (j:Job {id: $jobId})
			CREATE (j)-[:REQUIRES_POINT {level: level, importance: importance, essential: needing * 2 >= enterprises,
			                             enterpriseCount: needing, enterprises: enterprises, source: 'DERIVED'}]->(p)
			""";

	/**
	 * An explicit requirement replaces the derived values and keeps them beside its own, so it says what it overrode.
	 * Its {@code enterprises} is the job's number of approving enterprises, as on every other line, also for a point
	 * no submission names.
	 */
	private static final String APPLY_OVERRIDES = """
			MATCH (j:Job {id: $jobId})-[o:REQUIREMENT_OVERRIDE]->(p)
			OPTIONAL MATCH (j)-[derived:REQUIRES_POINT]->(p)
			WITH j, o, p, derived,
			     derived.level AS derivedLevel, derived.importance AS derivedImportance,
			     derived.essential AS derivedEssential, coalesce(derived.enterpriseCount, 0) AS needing,
			     size(COLLECT { MATCH (s:Submission {jobId: $jobId, status: 'APPROVED'})
			                    RETURN DISTINCT s.enterpriseId }) AS enterprises
			DELETE derived
			CREATE (j)-[:REQUIRES_POINT {level: o.level, importance: o.importance, essential: o.essential,
			                             enterpriseCount: needing, enterprises: enterprises, source: 'EXPLICIT',
			                             setBy: o.setBy, note: o.note, derivedLevel: derivedLevel,
			                             derivedImportance: derivedImportance, derivedEssential: derivedEssential}]->(p)
			""";

	private static final String SUBMISSION_STATE = """
			OPTIONAL MATCH (s:Submission {id: $submissionId})
			OPTIONAL MATCH (b:IndustryBody {id: $industryBodyId})
			RETURN s.jobId AS jobId, b IS NOT NULL AS body
			""";

	private static final String REQUIREMENT_REFS = """
			OPTIONAL MATCH (j:Job {id: $jobId})
			OPTIONAL MATCH (b:IndustryBody {id: $industryBodyId})
			OPTIONAL MATCH (s:SkillPoint {id: $pointId})
			OPTIONAL MATCH (k:KnowledgePoint {id: $pointId})
			RETURN j IS NOT NULL AS job, b IS NOT NULL AS body, (s IS NOT NULL OR k IS NOT NULL) AS point
			""";

	private static final String ALL_JOBS = "MATCH (j:Job) RETURN j.id AS id";

	Map<String, Object> submissionState(TransactionContext tx, String submissionId, String industryBodyId) {
		return tx.run(SUBMISSION_STATE, parameters("submissionId", submissionId, "industryBodyId", industryBodyId))
			.single()
			.asMap();
	}

	Map<String, Object> requirementReferences(TransactionContext tx, String jobId, String industryBodyId,
			String pointId) {
		return tx.run(REQUIREMENT_REFS, parameters("jobId", jobId, "industryBodyId", industryBodyId, "pointId", pointId))
			.single()
			.asMap();
	}

	void review(TransactionContext tx, String submissionId, String industryBodyId, ReviewDecision decision,
			String comment, String reviewer) {
		tx.run(REVIEW, parameters("submissionId", submissionId, "industryBodyId", industryBodyId, "decision",
				decision.name(), "comment", comment, "reviewer", reviewer)).consume();
	}

	void setOverride(TransactionContext tx, Map<String, Object> requirement) {
		tx.run(SET_OVERRIDE, requirement).consume();
	}

	List<String> addMissingOverrides(TransactionContext tx, Map<String, Object> requirements) {
		return tx.run(ADD_MISSING_OVERRIDES, requirements).list(r -> r.get("id").asString());
	}

	boolean removeOverride(TransactionContext tx, String jobId, String pointId) {
		return tx.run(REMOVE_OVERRIDE, Map.of("jobId", jobId, "pointId", pointId)).single().get("removed").asLong() > 0;
	}

	/** Rebuilds a job's standard from its approved submissions and explicit requirements. */
	void rebuildStandard(TransactionContext tx, String jobId) {
		Map<String, Object> job = Map.of("jobId", jobId);
		tx.run(CLEAR_STANDARD, job).consume();
		tx.run(DERIVE_STANDARD, job).consume();
		tx.run(APPLY_OVERRIDES, job).consume();
		StaleAlignments.dropForJobs(tx, List.of(jobId));
	}

	List<String> allJobIds(TransactionContext tx) {
		return tx.run(ALL_JOBS).list(r -> r.get("id").asString());
	}

	private static Map<String, Object> parameters(Object... keysAndValues) {
		return org.abilitymap.support.neo4j.Rows.of(keysAndValues);
	}
}
