package org.abilitymap.alignment;

import java.util.List;
import java.util.Map;

import org.abilitymap.curriculum.Course;
import org.abilitymap.curriculum.ProgrammeDocument.CourseBlock;
import org.abilitymap.jobs.Job;
import org.abilitymap.points.Point;
import org.abilitymap.support.neo4j.Graph;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;

/**
 * The alignment figures, each computed in the database by one parameterised query over any number of requests
 * ({@code $requests}: {@code {key, programmeId, jobIds, certificateId}}). The rules are written out in the README.
 */
@Repository
class AlignmentRepository {

	/**
	 * The required set of a request, one row per (job, point): the target jobs' standards ({@code REQUIRES_POINT}),
	 * the programme's own target jobs when no jobs are given, or a certificate's assessed points.
	 */
	static final String REQUIRED = """
			CALL (req) {
			  WITH req WHERE req.certificateId IS NULL AND req.jobIds IS NULL
			  MATCH (:Programme {id: req.programmeId})-[:TARGETS]->(j:Job)-[r:REQUIRES_POINT]->(p)
			  RETURN j.id AS jobId, p, r.level AS level, r.importance AS importance
			  UNION ALL
			  WITH req WHERE req.certificateId IS NULL AND req.jobIds IS NOT NULL
			  UNWIND req.jobIds AS jobId
			  MATCH (:Job {id: jobId})-[r:REQUIRES_POINT]->(p)
			  RETURN jobId, p, r.level AS level, r.importance AS importance
			  UNION ALL
			  WITH req WHERE req.certificateId IS NOT NULL
			  MATCH (:Certificate {id: req.certificateId})-[r:ASSESSES]->(p)
			  RETURN null AS jobId, p, r.level AS level, coalesce(r.importance, 3) AS importance
			}
			""";

	/** Course fields as {@link Course#PROJECTION} has them, for a course bound to another variable. */
	private static final String COURSE_FIELDS = Course.PROJECTION.substring(Course.PROJECTION.indexOf('{'));

	/** Overall, per kind and per course block, for each request. */
	private static final String COVERAGE = """
			UNWIND $requests AS req
			%s
			WITH req.key AS key, req.programmeId AS programmeId, p, max(level) AS level, max(importance) AS importance
			OPTIONAL MATCH (:Programme {id: programmeId})-[:HAS_COURSE]->(c:Course)-[t:TEACHES]->(p)
			WITH key, p, level, importance, coalesce(max(t.level), 0) AS taught,
			     collect(DISTINCT CASE WHEN t.level >= level THEN c.block END) AS blocks
			WITH key, importance, taught >= level AS covered, p:SkillPoint AS skill, blocks
			RETURN key,
			  count(*) AS required, sum(CASE WHEN covered THEN 1 ELSE 0 END) AS covered,
			  sum(importance) AS requiredWeight, sum(CASE WHEN covered THEN importance ELSE 0 END) AS coveredWeight,
			  sum(CASE WHEN skill THEN 1 ELSE 0 END) AS skillRequired,
			  sum(CASE WHEN skill AND covered THEN 1 ELSE 0 END) AS skillCovered,
			  sum(CASE WHEN skill THEN importance ELSE 0 END) AS skillRequiredWeight,
			  sum(CASE WHEN skill AND covered THEN importance ELSE 0 END) AS skillCoveredWeight%s
			""".formatted(REQUIRED, blockColumns());

	/** Per target job, for each request naming jobs (not certificates). */
	private static final String COVERAGE_BY_JOB = """
			UNWIND $requests AS req
			%s
			WITH req.key AS key, req.programmeId AS programmeId, jobId, p, level, importance
			WHERE jobId IS NOT NULL
			OPTIONAL MATCH (:Programme {id: programmeId})-[:HAS_COURSE]->(:Course)-[t:TEACHES]->(p)
			WITH key, jobId, p, level, importance, coalesce(max(t.level), 0) AS taught
			WITH key, jobId, importance, taught >= level AS covered
			WITH key, jobId,
			  count(*) AS required, sum(CASE WHEN covered THEN 1 ELSE 0 END) AS covered,
			  sum(importance) AS requiredWeight, sum(CASE WHEN covered THEN importance ELSE 0 END) AS coveredWeight
			MATCH (j:Job {id: jobId})
			RETURN key, %s AS job, required, covered, requiredWeight, coveredWeight
			ORDER BY key, jobId
			""".formatted(REQUIRED, Job.PROJECTION);

	/**
	 * Required points not taught at the required level. The closest course of a point taught below its level is the
	 * one teaching it highest; of a point never taught, the course teaching most of the points required together
	 * with it in the same process steps of the target jobs' latest submissions.
	 */
	private static final String GAPS = """
			UNWIND $requests AS req
			%s
			WITH req.key AS key, req.programmeId AS programmeId, p, max(level) AS level, max(importance) AS importance,
			     [jobId IN collect(DISTINCT jobId) WHERE jobId IS NOT NULL] AS jobIds
			OPTIONAL MATCH (:Programme {id: programmeId})-[:HAS_COURSE]->(c:Course)-[t:TEACHES]->(p)
			WITH key, programmeId, p, level, importance, jobIds, c, t
			ORDER BY t.level DESC, coalesce(t.hours, 0) DESC, c.id
			WITH key, programmeId, p, level, importance, jobIds, coalesce(max(t.level), 0) AS taught,
			     head(collect(CASE WHEN c IS NULL THEN null ELSE {course: c {.id}, level: t.level} END)) AS teachingCourse
			WHERE taught < level
			OPTIONAL CALL (p, programmeId, jobIds, taught) {
			  WITH p, programmeId, jobIds, taught WHERE taught = 0
			  MATCH (p)<-[:REQUIRES_SKILL|REQUIRES_KNOWLEDGE]-(step:ProcessStep)-[:REQUIRES_SKILL|REQUIRES_KNOWLEDGE]->(q)
			  WHERE q <> p AND (size(jobIds) = 0 OR step.jobId IN jobIds)
			    AND EXISTS { (:Submission {id: step.submissionId, current: true}) }
			  WITH DISTINCT programmeId, q
			  MATCH (:Programme {id: programmeId})-[:HAS_COURSE]->(near:Course)-[:TEACHES]->(q)
			  WITH near, count(DISTINCT q) AS shared
			  RETURN near ORDER BY shared DESC, coalesce(near.hours, 0) DESC, near.id LIMIT 1
			}
			WITH key, p, level, taught, importance, jobIds, coalesce(teachingCourse.course.id, near.id) AS closestId
			OPTIONAL MATCH (closest:Course {id: closestId})
			RETURN key, %s AS point, level, taught, importance,
			       COLLECT { MATCH (j:Job) WHERE j.id IN jobIds RETURN %s ORDER BY j.id } AS jobs,
			       CASE WHEN closest IS NULL THEN null ELSE closest %s END AS closestCourse
			ORDER BY key, importance DESC, level - taught DESC, p.id
			""".formatted(REQUIRED, Point.PROJECTION, Job.PROJECTION, COURSE_FIELDS);

	/** Points the programme teaches that the target does not require, with the courses teaching them. */
	private static final String ORPHANS = """
			UNWIND $requests AS req
			OPTIONAL CALL (req) {
			  %3$s
			  RETURN collect(DISTINCT p.id) AS required
			}
			MATCH (:Programme {id: req.programmeId})-[:HAS_COURSE]->(c:Course)-[t:TEACHES]->(p)
			WHERE NOT p.id IN coalesce(required, [])
			WITH req.key AS key, p, c, t ORDER BY c.position
			WITH key, p, max(t.level) AS taught, collect({course: %2$s, level: t.level, hours: t.hours}) AS courses
			RETURN key, %1$s AS point, taught, courses
			ORDER BY key, p.name
			""".formatted(Point.PROJECTION, Course.PROJECTION, REQUIRED.replace("\n", "\n  "));

	/** The required level and importance of each point for the programme's own target jobs. */
	private static final String MATRIX_REQUIREMENTS = """
			WITH {key: 'matrix', programmeId: $programmeId, jobIds: null, certificateId: null} AS req
			%s
			RETURN %s AS point, max(level) AS level, max(importance) AS importance
			""".formatted(REQUIRED, Point.PROJECTION);

	private static final String MATRIX_COURSES = """
			MATCH (:Programme {id: $programmeId})-[:HAS_COURSE]->(c:Course)
			RETURN %s AS course ORDER BY c.position
			""".formatted(Course.PROJECTION);

	private static final String MATRIX_CELLS = """
			MATCH (:Programme {id: $programmeId})-[:HAS_COURSE]->(c:Course)-[t:TEACHES]->(p)
			RETURN c.id AS courseId, %s AS point, t.level AS level, t.hours AS hours
			ORDER BY c.position, t.position
			""".formatted(Point.PROJECTION);

	private final Graph graph;

	AlignmentRepository(Graph graph) {
		this.graph = graph;
	}

	List<Record> coverage(List<Map<String, Object>> requests) {
		return graph.read(tx -> tx.run(COVERAGE, Map.of("requests", requests)).list());
	}

	/** One count and one weight column per course block, named {@code covered_<BLOCK>} and {@code weight_<BLOCK>}. */
	private static String blockColumns() {
		StringBuilder columns = new StringBuilder();
		for (CourseBlock block : CourseBlock.values()) {
			columns.append(",\n  sum(CASE WHEN '").append(block.name()).append("' IN blocks THEN 1 ELSE 0 END) AS covered_")
				.append(block.name())
				.append(",\n  sum(CASE WHEN '").append(block.name()).append("' IN blocks THEN importance ELSE 0 END) AS weight_")
				.append(block.name());
		}
		return columns.toString();
	}

	List<Record> coverageByJob(List<Map<String, Object>> requests) {
		return graph.read(tx -> tx.run(COVERAGE_BY_JOB, Map.of("requests", requests)).list());
	}

	List<Record> gaps(List<Map<String, Object>> requests) {
		return graph.read(tx -> tx.run(GAPS, Map.of("requests", requests)).list());
	}

	List<Record> orphans(List<Map<String, Object>> requests) {
		return graph.read(tx -> tx.run(ORPHANS, Map.of("requests", requests)).list());
	}

	/** Required levels and the course × point cells of one programme, read in one transaction. */
	MatrixRows matrix(String programmeId) {
		return graph.read(tx -> new MatrixRows(
				tx.run(MATRIX_COURSES, Map.of("programmeId", programmeId)).list(),
				tx.run(MATRIX_REQUIREMENTS, Map.of("programmeId", programmeId)).list(),
				tx.run(MATRIX_CELLS, Map.of("programmeId", programmeId)).list()));
	}

	/** The raw rows of a curriculum matrix. */
	record MatrixRows(List<Record> courses, List<Record> requirements, List<Record> cells) {
	}
}
