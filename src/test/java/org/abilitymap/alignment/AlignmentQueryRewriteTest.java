package org.abilitymap.alignment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.abilitymap.bench.ProvinceGenerator;
import org.abilitymap.bench.ProvinceShape;
import org.abilitymap.curriculum.Course;
import org.abilitymap.demo.DemoData;
import org.abilitymap.jobs.Job;
import org.abilitymap.points.Point;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.neo4j.Rows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coverage and gap queries were rewritten to start from the programme instead of from each point (so that they
 * cost the same in a large province as in a small one); they must answer exactly as the first versions, kept here,
 * for every kind of target, on the demo data and on a generated province.
 */
class AlignmentQueryRewriteTest extends GraphTestSupport {

	private static final String COURSE_FIELDS = Course.PROJECTION.substring(Course.PROJECTION.indexOf('{'));

	private static final String ORIGINAL_COVERAGE = """
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
			  sum(CASE WHEN skill AND covered THEN importance ELSE 0 END) AS skillCoveredWeight,
			  sum(CASE WHEN 'PUBLIC_FOUNDATION' IN blocks THEN 1 ELSE 0 END) AS covered_PUBLIC_FOUNDATION,
			  sum(CASE WHEN 'PUBLIC_FOUNDATION' IN blocks THEN importance ELSE 0 END) AS weight_PUBLIC_FOUNDATION,
			  sum(CASE WHEN 'PROFESSIONAL_CORE' IN blocks THEN 1 ELSE 0 END) AS covered_PROFESSIONAL_CORE,
			  sum(CASE WHEN 'PROFESSIONAL_CORE' IN blocks THEN importance ELSE 0 END) AS weight_PROFESSIONAL_CORE,
			  sum(CASE WHEN 'INDUSTRY_FEATURE' IN blocks THEN 1 ELSE 0 END) AS covered_INDUSTRY_FEATURE,
			  sum(CASE WHEN 'INDUSTRY_FEATURE' IN blocks THEN importance ELSE 0 END) AS weight_INDUSTRY_FEATURE,
			  sum(CASE WHEN 'PRACTICE_TRAINING' IN blocks THEN 1 ELSE 0 END) AS covered_PRACTICE_TRAINING,
			  sum(CASE WHEN 'PRACTICE_TRAINING' IN blocks THEN importance ELSE 0 END) AS weight_PRACTICE_TRAINING
			""".formatted(AlignmentRepository.REQUIRED);

	private static final String ORIGINAL_COVERAGE_BY_JOB = """
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
			""".formatted(AlignmentRepository.REQUIRED, Job.PROJECTION);

	private static final String ORIGINAL_GAPS = """
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
			    AND EXISTS { (:Submission {id: step.submissionId, published: true}) }
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
			""".formatted(AlignmentRepository.REQUIRED, Point.PROJECTION, Job.PROJECTION, COURSE_FIELDS);

	@Autowired
	private DemoData demoData;

	@Test
	void theRewrittenQueriesAnswerExactlyAsTheOriginalOnes() throws IOException {
		demoData.load();
		new ProvinceGenerator(graph, ProvinceShape.forNodes(12_000), 7, line -> { }).generate();
		List<Map<String, Object>> requests = requests();
		assertThat(requests).hasSizeGreaterThan(40);

		assertThat(rows(AlignmentRepository.COVERAGE, requests)).isEqualTo(rows(ORIGINAL_COVERAGE, requests));
		assertThat(rows(AlignmentRepository.COVERAGE_BY_JOB, requests))
			.isEqualTo(rows(ORIGINAL_COVERAGE_BY_JOB, requests));
		assertThat(rows(AlignmentRepository.GAPS, requests)).isEqualTo(rows(ORIGINAL_GAPS, requests));
		int untaughtWithCourse = 0;
		for (Map<String, Object> request : requests) {
			List<Map<String, Object>> gaps = rows(AlignmentRepository.GAPS, List.of(request));
			assertThat(gaps).as("gaps of %s", request).isEqualTo(rows(ORIGINAL_GAPS, List.of(request)));
			untaughtWithCourse += (int) gaps.stream()
				.filter(g -> ((Number) g.get("taught")).intValue() == 0 && g.get("closestCourse") != null)
				.count();
		}
		assertThat(untaughtWithCourse).as("never-taught gaps with a closest course").isGreaterThan(50);
	}

	/**
	 * Every programme against its own jobs, against jobs given (with a repeated one and one it does not target),
	 * against a job group's jobs and against a certificate; and one programme that does not exist.
	 */
	private List<Map<String, Object>> requests() {
		List<String> programmes = ids("MATCH (p:Programme) RETURN p.id AS id ORDER BY id");
		List<String> jobs = ids("MATCH (j:Job) RETURN j.id AS id ORDER BY id");
		List<String> certificates = ids("MATCH (c:Certificate) RETURN c.id AS id ORDER BY id");
		List<List<String>> groups = graph.query("MATCH (g:JobGroup)<-[:IN_GROUP]-(j:Job) WITH g, j ORDER BY j.id "
				+ "RETURN g.id AS group, collect(j.id) AS jobs ORDER BY group", Map.of(), r -> r.get("jobs").asList(v -> v.asString()));
		List<Map<String, Object>> requests = new ArrayList<>();
		for (int i = 0; i < programmes.size(); i++) {
			String programme = programmes.get(i);
			String job = jobs.get(i % jobs.size());
			requests.add(request(requests.size(), programme, null, null));
			requests.add(request(requests.size(), programme, List.of(job, job, jobs.get((i + 7) % jobs.size())), null));
			requests.add(request(requests.size(), programme, groups.get(i % groups.size()), null));
			requests.add(request(requests.size(), programme, null, certificates.get(i % certificates.size())));
		}
		requests.add(request(requests.size(), "no-such-programme", List.of(jobs.get(0)), null));
		return requests;
	}

	private static Map<String, Object> request(int key, String programmeId, List<String> jobIds, String certificateId) {
		return Rows.of("key", String.valueOf(key), "programmeId", programmeId, "jobIds", jobIds, "certificateId",
				certificateId);
	}

	private List<String> ids(String cypher) {
		return graph.query(cypher, Map.of(), r -> r.get("id").asString());
	}

	/** The rows of a query; rows that come without an order are sorted by key. */
	private List<Map<String, Object>> rows(String cypher, List<Map<String, Object>> requests) {
		List<Map<String, Object>> rows = new ArrayList<>(graph.query(cypher, Map.of("requests", requests),
				r -> r.asMap()));
		if (!cypher.contains("ORDER BY key")) {
			rows.sort(Comparator.comparing(r -> Integer.parseInt((String) r.get("key"))));
		}
		return rows;
	}
}
