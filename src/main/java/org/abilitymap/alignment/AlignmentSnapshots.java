package org.abilitymap.alignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.abilitymap.curriculum.Course;
import org.abilitymap.curriculum.ProgrammeDocument.CourseBlock;
import org.abilitymap.jobs.Job;
import org.abilitymap.points.Point;
import org.abilitymap.support.neo4j.Graph;
import org.abilitymap.support.neo4j.Rows;
import org.abilitymap.support.neo4j.StaleAlignments;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

/**
 * Stores each programme's coverage and gaps against its own target jobs, as the alignment queries computed them, so
 * that the most asked question is answered by reading one small subgraph. A snapshot hangs off its programme:
 * {@code (:Programme)-[:HAS_ALIGNMENT]->(:AlignmentSnapshot)-[:HAS_JOB_SHARE|HAS_GAP]->(…)}. It is computed on the
 * first ask and dropped by every write that changes what it was computed from
 * ({@link org.abilitymap.support.neo4j.StaleAlignments}).
 *
 * <p>A gap refers to its point and closest course by element id as well as by id, so that reading it back is a
 * direct lookup rather than an index seek per gap. Points are never deleted, and a course only when its programme is
 * saved again, which drops the snapshot in the same transaction; should element ids still not match (a database
 * restored elsewhere), the read notices the missing rows and the snapshot is computed again.
 */
@Repository
public class AlignmentSnapshots {

	/**
	 * Per programme: whether it exists, whether it has a snapshot, and the snapshot in the shape of the live queries'
	 * rows ({@code totals} as a {@code COVERAGE} row, {@code byJob} as {@code COVERAGE_BY_JOB} rows, {@code gaps} as
	 * {@code GAPS} rows but with the ids of their jobs, which are all among {@code byJob}'s), with names read from the
	 * points, jobs and courses themselves.
	 */
	public static final String READ = """
			UNWIND $programmeIds AS programmeId
			OPTIONAL MATCH (programme:Programme {id: programmeId})
			OPTIONAL MATCH (programme)-[:HAS_ALIGNMENT]->(a:AlignmentSnapshot)
			CALL (a) {
			  MATCH (a)-[:HAS_JOB_SHARE]->(s:AlignmentJobShare)
			  MATCH (j:Job {id: s.jobId})
			  WITH s, j ORDER BY s.jobId
			  RETURN collect({job: %s, required: s.required, covered: s.covered, requiredWeight: s.requiredWeight,
			                  coveredWeight: s.coveredWeight}) AS byJob
			}
			CALL (a) {
			  MATCH (a)-[:HAS_GAP]->(g:AlignmentGap)
			  CALL (g) {
			    MATCH (p) WHERE elementId(p) = g.pointElementId AND p.id = g.pointId
			    RETURN p
			  }
			  OPTIONAL CALL (g) {
			    MATCH (closest) WHERE elementId(closest) = g.closestCourseElementId AND closest.id = g.closestCourseId
			    RETURN closest
			  }
			  WITH g, p, closest ORDER BY g.rank
			  RETURN collect({point: %s, level: g.level, taught: g.taught, importance: g.importance, jobIds: g.jobIds,
			                  closestCourse: CASE WHEN closest IS NULL THEN null ELSE closest %s END}) AS gaps,
			         sum(CASE WHEN g.closestCourseId IS NOT NULL AND closest IS NULL THEN 1 ELSE 0 END) AS lostCourses
			}
			RETURN programmeId, programme IS NOT NULL AS known, a IS NOT NULL AS present,
			       a IS NOT NULL AND size(gaps) = a.gapCount AND lostCourses = 0 AS stored, properties(a) AS totals,
			       byJob, gaps
			""".formatted(Job.PROJECTION, Point.PROJECTION, Course.PROJECTION.substring(Course.PROJECTION.indexOf('{')));

	/** Locks the programmes (see {@code StaleAlignments}) and returns those that still have no snapshot. */
	private static final String LOCK_UNSTORED = """
			UNWIND $programmeIds AS programmeId
			MATCH (programme:Programme {id: programmeId})
			""" + StaleAlignments.LOCK_PROGRAMMES + """
			WHERE NOT EXISTS { (programme)-[:HAS_ALIGNMENT]->(:AlignmentSnapshot) }
			RETURN programme.id AS id
			""";

	private static final String STORE = """
			UNWIND $snapshots AS snapshot
			MATCH (programme:Programme {id: snapshot.programmeId})
			CREATE (programme)-[:HAS_ALIGNMENT]->(a:AlignmentSnapshot)
			SET a = snapshot.totals, a.programmeId = snapshot.programmeId, a.computedAt = datetime()
			WITH a, snapshot
			CALL (a, snapshot) {
			  UNWIND snapshot.byJob AS share
			  CREATE (a)-[:HAS_JOB_SHARE]->(s:AlignmentJobShare)
			  SET s = share
			}
			SET a.gapCount = size(snapshot.gaps)
			WITH a, snapshot
			CALL (a, snapshot) {
			  UNWIND snapshot.gaps AS gap
			  OPTIONAL MATCH (skill:SkillPoint {id: gap.pointId})
			  OPTIONAL MATCH (knowledge:KnowledgePoint {id: gap.pointId})
			  OPTIONAL MATCH (closest:Course {id: gap.closestCourseId})
			  CREATE (a)-[:HAS_GAP]->(g:AlignmentGap)
			  SET g = gap, g.pointElementId = elementId(coalesce(skill, knowledge)),
			      g.closestCourseElementId = elementId(closest)
			}
			""";

	/** The columns of a {@code COVERAGE} row that a snapshot keeps. */
	private static final List<String> TOTALS = totalColumns();

	private final Graph graph;

	AlignmentSnapshots(Graph graph) {
		this.graph = graph;
	}

	/** The snapshots of these programmes, one row each, in one read query. */
	List<Record> read(List<String> programmeIds) {
		return graph.query(READ, Map.of("programmeIds", programmeIds), r -> r);
	}

	/**
	 * Computes and stores the snapshots these programmes lack, with the live alignment queries, and returns all their
	 * snapshots as {@link #read} does, in one write transaction. Snapshots that could not be read back whole
	 * ({@code unreadable}: a point or course no longer at its element id, as after a restore into another database)
	 * are dropped and computed again.
	 */
	List<Record> computeAndRead(List<String> programmeIds, List<String> unreadable) {
		return graph.write(tx -> {
			if (!unreadable.isEmpty()) {
				StaleAlignments.dropForProgrammes(tx, unreadable);
			}
			List<String> unstored = tx.run(LOCK_UNSTORED, Map.of("programmeIds", programmeIds))
				.list(r -> r.get("id").asString());
			if (!unstored.isEmpty()) {
				store(tx, unstored);
			}
			return tx.run(READ, Map.of("programmeIds", programmeIds)).list();
		});
	}

	private static void store(TransactionContext tx, List<String> programmeIds) {
		List<Map<String, Object>> requests = new ArrayList<>();
		List<Pending> snapshots = new ArrayList<>();
		for (int i = 0; i < programmeIds.size(); i++) {
			requests.add(Rows.of("key", String.valueOf(i), "programmeId", programmeIds.get(i), "jobIds", null,
					"certificateId", null));
			snapshots.add(new Pending(programmeIds.get(i)));
		}
		Map<String, Object> parameters = Map.of("requests", requests);
		for (Record r : tx.run(AlignmentRepository.COVERAGE, parameters).list()) {
			Pending snapshot = snapshots.get(Integer.parseInt(r.get("key").asString()));
			TOTALS.forEach(column -> snapshot.totals().put(column, r.get(column).asLong()));
		}
		for (Record r : tx.run(AlignmentRepository.COVERAGE_BY_JOB, parameters).list()) {
			snapshots.get(Integer.parseInt(r.get("key").asString())).byJob().add(Map.of("jobId",
					r.get("job").get("id").asString(), "required", r.get("required").asLong(), "covered",
					r.get("covered").asLong(), "requiredWeight", r.get("requiredWeight").asLong(), "coveredWeight",
					r.get("coveredWeight").asLong()));
		}
		for (Record r : tx.run(AlignmentRepository.GAPS, parameters).list()) {
			List<Map<String, Object>> gaps = snapshots.get(Integer.parseInt(r.get("key").asString())).gaps();
			Value closest = r.get("closestCourse");
			gaps.add(Rows.of("rank", (long) gaps.size(), "pointId", r.get("point").get("id").asString(), "level",
					r.get("level").asLong(), "taught", r.get("taught").asLong(), "importance",
					r.get("importance").asLong(), "jobIds", r.get("jobs").asList(j -> j.get("id").asString()),
					"closestCourseId", closest.isNull() ? null : closest.get("id").asString()));
		}
		tx.run(STORE, Map.of("snapshots", snapshots.stream().map(Pending::row).toList())).consume();
	}

	/** A snapshot being computed: totals start at zero, as for a programme whose targets require nothing. */
	private record Pending(String programmeId, Map<String, Object> totals, List<Map<String, Object>> byJob,
			List<Map<String, Object>> gaps) {

		Pending(String programmeId) {
			this(programmeId, new HashMap<>(), new ArrayList<>(), new ArrayList<>());
			TOTALS.forEach(column -> totals.put(column, 0L));
		}

		Map<String, Object> row() {
			return Map.of("programmeId", programmeId, "totals", totals, "byJob", byJob, "gaps", gaps);
		}
	}

	private static List<String> totalColumns() {
		List<String> columns = new ArrayList<>(List.of("required", "covered", "requiredWeight", "coveredWeight",
				"skillRequired", "skillCovered", "skillRequiredWeight", "skillCoveredWeight"));
		for (CourseBlock block : CourseBlock.values()) {
			columns.add("covered_" + block.name());
			columns.add("weight_" + block.name());
		}
		return List.copyOf(columns);
	}
}
