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
 * The coverage and gap queries are public so that the benchmark ({@code bench}) can time them without GraphQL.
 */
@Repository
public class AlignmentRepository {

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

	/**
	 * The required set and the programme's teaching as one stream of rows, so that grouping them by point joins the
	 * two. Both are reached from the programme (its target jobs' standards, its courses' links), never from a point
	 * back into the rest of the graph, so the work grows with the programme, not with the province. The placeholders
	 * are the columns of the required rows and of the teaching rows (course {@code c}, link {@code t}).
	 */
	private static final String REQUIRED_AND_TAUGHT = """
			CALL (req) {
			  %s
			  RETURN %%s
			  UNION ALL
			  MATCH (:Programme {id: req.programmeId})-[:HAS_COURSE]->(c:Course)-[t:TEACHES]->(p)
			  RETURN %%s
			}
			""".formatted(REQUIRED.strip().replace("\n", "\n  "));

	/** Overall, per kind and per course block, for each request. */
	public static final String COVERAGE = """
			UNWIND $requests AS req
			%s
			WITH req.key AS key, p, max(level) AS level, max(importance) AS importance,
			     coalesce(max(taught), 0) AS taught, collect({block: block, level: taught}) AS teaching
			WHERE level IS NOT NULL
			WITH key, importance, taught >= level AS covered, p:SkillPoint AS skill,
			     [x IN teaching WHERE x.level >= level | x.block] AS blocks
			RETURN key,
			  count(*) AS required, sum(CASE WHEN covered THEN 1 ELSE 0 END) AS covered,
			  sum(importance) AS requiredWeight, sum(CASE WHEN covered THEN importance ELSE 0 END) AS coveredWeight,
			  sum(CASE WHEN skill THEN 1 ELSE 0 END) AS skillRequired,
			  sum(CASE WHEN skill AND covered THEN 1 ELSE 0 END) AS skillCovered,
			  sum(CASE WHEN skill THEN importance ELSE 0 END) AS skillRequiredWeight,
			  sum(CASE WHEN skill AND covered THEN importance ELSE 0 END) AS skillCoveredWeight%s
			""".formatted(REQUIRED_AND_TAUGHT.formatted("p, level, importance, null AS block, null AS taught",
			"p, null AS level, null AS importance, c.block AS block, t.level AS taught"), blockColumns());

	/** Per target job, for each request naming jobs (not certificates). */
	public static final String COVERAGE_BY_JOB = """
			UNWIND $requests AS req
			%s
			WITH req.key AS key, p, coalesce(max(taught), 0) AS taught,
			     collect(CASE WHEN jobId IS NOT NULL THEN {jobId: jobId, level: level, importance: importance} END) AS needs
			UNWIND needs AS need
			WITH DISTINCT key, need.jobId AS jobId, p, need.level AS level, need.importance AS importance, taught
			WITH key, jobId, importance, taught >= level AS covered
			WITH key, jobId,
			  count(*) AS required, sum(CASE WHEN covered THEN 1 ELSE 0 END) AS covered,
			  sum(importance) AS requiredWeight, sum(CASE WHEN covered THEN importance ELSE 0 END) AS coveredWeight
			MATCH (j:Job {id: jobId})
			RETURN key, %s AS job, required, covered, requiredWeight, coveredWeight
			ORDER BY key, jobId
			""".formatted(REQUIRED_AND_TAUGHT.formatted("jobId, p, level, importance, null AS taught",
			"null AS jobId, p, null AS level, null AS importance, t.level AS taught"), Job.PROJECTION);

	/**
	 * The gaps of a request ({@code gaps}, {@code taughtPoints}: every point the programme teaches), each with the
	 * closest course of a never-taught gap: the programme's course teaching most of the points required together
	 * with it in the same process steps of the target jobs' latest submissions. Those steps are found from the target
	 * jobs, once for all gaps (a step's {@code jobId} and {@code submissionId} are those of the submission it hangs
	 * under); only for a certificate, which has no jobs, from the point itself. Gap and steps, co-required point and
	 * courses, gap and closest course are joined by grouping one stream each, as above.
	 */
	private static final String GAPS_WITH_CLOSEST_COURSE = """
			CALL (req, gaps, taughtPoints) {
			  UNWIND gaps AS gap
			  RETURN gap.p AS p, gap, null AS courseId
			  UNION ALL
			  WITH gaps, taughtPoints, [gap IN gaps WHERE gap.taught = 0] AS untaught
			  CALL (untaught, taughtPoints) {
			    WITH untaught, taughtPoints, [gap IN untaught | gap.p] AS untaughtPoints
			    UNWIND untaught AS gap
			    UNWIND gap.jobIds AS jobId
			    WITH DISTINCT jobId, untaughtPoints, taughtPoints
			    MATCH (:Job {id: jobId})<-[:FOR_JOB]-(:Submission {published: true})-[:HAS_PROJECT]->()-[:HAS_TASK]->()
			          -[:HAS_STEP]->(step:ProcessStep)
			    WITH jobId, untaughtPoints, taughtPoints, [(step)-[:REQUIRES_SKILL|REQUIRES_KNOWLEDGE]->(x) | x] AS points
			    UNWIND [x IN points WHERE x IN untaughtPoints] AS p
			    RETURN p, jobId, [q IN points WHERE q IN taughtPoints] AS taughtTogether, null AS jobIds
			    UNION ALL
			    UNWIND untaught AS gap
			    WITH gap, taughtPoints WHERE size(gap.jobIds) = 0
			    WITH gap.p AS p, taughtPoints
			    MATCH (p)<-[:REQUIRES_SKILL|REQUIRES_KNOWLEDGE]-(step:ProcessStep)
			    WHERE EXISTS { (:Submission {id: step.submissionId, published: true}) }
			    RETURN p, step.jobId AS jobId,
			           [(step)-[:REQUIRES_SKILL|REQUIRES_KNOWLEDGE]->(q) WHERE q IN taughtPoints | q] AS taughtTogether,
			           null AS jobIds
			    UNION ALL
			    UNWIND untaught AS gap
			    RETURN gap.p AS p, null AS jobId, null AS taughtTogether, gap.jobIds AS jobIds
			  }
			  WITH p, head(collect(jobIds)) AS jobIds,
			       collect(CASE WHEN taughtTogether IS NOT NULL THEN {jobId: jobId, points: taughtTogether} END) AS steps
			  UNWIND steps AS step
			  WITH p, step WHERE size(jobIds) = 0 OR step.jobId IN jobIds
			  UNWIND step.points AS q
			  WITH DISTINCT p, q
			  WHERE q <> p
			  WITH collect({p: p, q: q}) AS pairs
			  CALL (req, pairs) {
			    UNWIND pairs AS pair
			    RETURN pair.q AS q, pair.p AS p, null AS near
			    UNION ALL
			    MATCH (:Programme {id: req.programmeId})-[:HAS_COURSE]->(near:Course)-[:TEACHES]->(q)
			    RETURN q, null AS p, near
			  }
			  WITH q, collect(DISTINCT p) AS ps, collect(DISTINCT near) AS nears
			  UNWIND ps AS p
			  UNWIND nears AS near
			  WITH p, near, count(*) AS shared
			  ORDER BY shared DESC, coalesce(near.hours, 0) DESC, near.id
			  WITH p, head(collect(near.id)) AS courseId
			  RETURN p, null AS gap, courseId
			}
			WITH req, p, head(collect(gap)) AS gap, head(collect(courseId)) AS nearestId
			""";

	/**
	 * Required points not taught at the required level. The closest course of a point taught below its level is the
	 * one teaching it highest; of a point never taught, the course teaching most of the points required together
	 * with it in the same process steps of the target jobs' latest submissions.
	 */
	public static final String GAPS = """
			UNWIND $requests AS req
			%s
			WITH req, jobId, p, level, importance, taught, courseId, hours
			ORDER BY taught DESC, hours DESC, courseId
			WITH req, p, max(level) AS level, max(importance) AS importance, collect(DISTINCT jobId) AS jobIds,
			     coalesce(max(taught), 0) AS taught, head(collect(courseId)) AS teachingCourseId
			WITH req, collect(CASE WHEN taught < level THEN {p: p, level: level, importance: importance, jobIds: jobIds,
			                  taught: taught, courseId: teachingCourseId} END) AS gaps,
			     collect(CASE WHEN taught > 0 THEN p END) AS taughtPoints
			%s
			WITH req.key AS key, p, gap.level AS level, gap.taught AS taught, gap.importance AS importance,
			     gap.jobIds AS jobIds, coalesce(gap.courseId, nearestId) AS closestId
			OPTIONAL MATCH (closest:Course {id: closestId})
			RETURN key, %s AS point, level, taught, importance,
			       COLLECT { MATCH (j:Job) WHERE j.id IN jobIds RETURN %s ORDER BY j.id } AS jobs,
			       CASE WHEN closest IS NULL THEN null ELSE closest %s END AS closestCourse
			ORDER BY key, importance DESC, level - taught DESC, p.id
			""".formatted(REQUIRED_AND_TAUGHT.formatted(
			"jobId, p, level, importance, null AS taught, null AS courseId, null AS hours",
			"null AS jobId, p, null AS level, null AS importance, t.level AS taught, c.id AS courseId, "
					+ "coalesce(t.hours, 0) AS hours"), GAPS_WITH_CLOSEST_COURSE, Point.PROJECTION, Job.PROJECTION,
			COURSE_FIELDS);

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
