package org.abilitymap.alignment;

import java.util.Map;
import java.util.Optional;

import org.abilitymap.accounts.Rights;
import org.abilitymap.curriculum.Certificate;
import org.abilitymap.curriculum.Course;
import org.abilitymap.curriculum.Textbook;
import org.abilitymap.curriculum.TrainingBase;
import org.abilitymap.jobs.Enterprise;
import org.abilitymap.jobs.Job;
import org.abilitymap.jobs.ProcessStep;
import org.abilitymap.jobs.Task;
import org.abilitymap.jobs.WorkProject;
import org.abilitymap.points.Point;
import org.abilitymap.standards.JobRequirement;
import org.abilitymap.support.neo4j.Graph;
import org.abilitymap.support.neo4j.Rows;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

/** One query that traces a point up to work and standards and across to what teaches and assesses it. */
@Repository
class TraceRepository {

	/** Steps of the published (latest approved) submissions that need the point; the other levels hang off them. */
	private static final String CURRENT_STEPS = """
			(p)<-[:REQUIRES_SKILL|REQUIRES_KNOWLEDGE]-(st:ProcessStep)
			      WHERE EXISTS { (:Submission {id: st.submissionId, published: true}) }""";

	private static final String TRACE = """
			OPTIONAL MATCH (skill:SkillPoint {id: $id})
			OPTIONAL MATCH (knowledge:KnowledgePoint {id: $id})
			WITH coalesce(skill, knowledge) AS p
			WHERE p IS NOT NULL AND %13$s
			OPTIONAL MATCH (programme:Programme {id: $programmeId})
			RETURN %1$s AS point,
			  COLLECT { MATCH %2$s
			            WITH DISTINCT st AS n RETURN %3$s } AS steps,
			  COLLECT { MATCH %2$s
			            MATCH (st)<-[:HAS_STEP]-(n:Task)<-[link:HAS_TASK]-()
			            WITH DISTINCT n, link RETURN %4$s } AS tasks,
			  COLLECT { MATCH %2$s
			            MATCH (st)<-[:HAS_STEP]-(:Task)<-[:HAS_TASK]-(n:WorkProject)
			            WITH DISTINCT n RETURN %5$s } AS projects,
			  COLLECT { MATCH %2$s
			            MATCH (j:Job {id: st.jobId})
			            WITH DISTINCT j ORDER BY j.id RETURN %6$s } AS jobs,
			  COLLECT { MATCH %2$s
			            MATCH (e:Enterprise {id: st.enterpriseId})
			            WITH DISTINCT e ORDER BY e.id RETURN %7$s } AS enterprises,
			  COLLECT { MATCH (j:Job)-[r:REQUIRES_POINT]->(p)
			            WHERE programme IS NULL OR EXISTS { (programme)-[:TARGETS]->(j) }
			            WITH j, r, p ORDER BY j.id RETURN %8$s } AS requirements,
			  COLLECT { MATCH (c:Course)-[t:TEACHES]->(p)
			            WHERE programme IS NULL OR c.programmeId = programme.id
			            MATCH (owner:Programme {id: c.programmeId})
			            WITH c, t, owner ORDER BY owner.id, c.position
			            RETURN {course: %9$s, programmeName: owner.name, level: t.level, hours: t.hours} } AS courses,
			  COLLECT { MATCH (t:Textbook)-[:COVERS]->(p) WITH t ORDER BY t.id RETURN %10$s } AS textbooks,
			  COLLECT { MATCH (ce:Certificate)-[a:ASSESSES]->(p) WITH ce, a ORDER BY ce.id
			            RETURN {certificate: %11$s, level: a.level} } AS certificates,
			  COLLECT { MATCH (tb:TrainingBase)-[:SUPPORTS]->(p) WITH tb ORDER BY tb.id RETURN %12$s } AS trainingBases
			""".formatted(Point.PROJECTION, CURRENT_STEPS, ProcessStep.PROJECTION, Task.PROJECTION, WorkProject.PROJECTION,
			Job.PROJECTION, Enterprise.PROJECTION, JobRequirement.PROJECTION, Course.PROJECTION, Textbook.PROJECTION,
			Certificate.PROJECTION, TrainingBase.PROJECTION, Point.VISIBLE);

	private final Graph graph;

	TraceRepository(Graph graph) {
		this.graph = graph;
	}

	Optional<Trace> trace(String pointId, String programmeId) {
		Map<String, Object> parameters = Rows.of("id", pointId, "programmeId", programmeId, "viewer", Rights.viewer());
		return graph.queryOne(TRACE, parameters, r -> new Trace(
				Point.of(r.get("point")), programmeId, r.get("steps").asList(ProcessStep::of),
				r.get("tasks").asList(Task::of), r.get("projects").asList(WorkProject::of), r.get("jobs").asList(Job::of),
				r.get("enterprises").asList(Enterprise::of), r.get("requirements").asList(JobRequirement::of),
				r.get("courses").asList((Value v) -> new Trace.CourseTeaching(Course.of(v.get("course")),
						v.get("programmeName").asString(), v.get("level").asInt(),
						v.get("hours").isNull() ? null : v.get("hours").asDouble())),
				r.get("textbooks").asList(Textbook::of),
				r.get("certificates").asList((Value v) -> new Trace.CertificateAssessment(
						Certificate.of(v.get("certificate")), v.get("level").asInt())),
				r.get("trainingBases").asList(TrainingBase::of)));
	}
}
