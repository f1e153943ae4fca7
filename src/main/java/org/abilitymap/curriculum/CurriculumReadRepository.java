package org.abilitymap.curriculum;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.abilitymap.jobs.Job;
import org.abilitymap.jobs.ProficiencyLevel;
import org.abilitymap.points.Point;
import org.abilitymap.support.graphql.Connection;
import org.abilitymap.support.graphql.PageRequest;
import org.abilitymap.support.graphql.Pages;
import org.abilitymap.support.neo4j.Graph;
import org.abilitymap.support.neo4j.Rows;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

/** Read queries of the education side: one named query per intent, batch queries keyed by parent id. */
@Repository
class CurriculumReadRepository {

	private static final String PROGRAMMES_MATCH = """
			MATCH (p:Programme)
			WHERE ($schoolId IS NULL OR p.schoolId = $schoolId)
			  AND ($groupId IS NULL OR p.groupId = $groupId)
			  AND ($code IS NULL OR p.code = $code)
			  AND ($jobId IS NULL OR EXISTS { (p)-[:TARGETS]->(:Job {id: $jobId}) })
			  AND ($text IS NULL OR toLower(p.name) CONTAINS $text OR toLower(coalesce(p.nameEn, '')) CONTAINS $text)
			""";

	private static final String SCHOOLS_MATCH = "MATCH (s:School)\n";

	private static final String CLUSTERS_MATCH = "MATCH (cl:Cluster)\n";

	private static final String CERTIFICATES_MATCH = """
			MATCH (ce:Certificate)
			WHERE $jobId IS NULL OR EXISTS { (ce)-[:QUALIFIES_FOR]->(:Job {id: $jobId}) }
			""";

	private static final String PROGRAMME_BY_ID = "MATCH (p:Programme {id: $id}) RETURN " + Programme.PROJECTION
			+ " AS item";

	private static final String CERTIFICATE_BY_ID = "MATCH (ce:Certificate {id: $id}) RETURN " + Certificate.PROJECTION
			+ " AS item";

	private static final String COURSE_BY_ID = "MATCH (c:Course {id: $id}) RETURN " + Course.PROJECTION + " AS item";

	private static final String SCHOOLS_BY_ID = "UNWIND $ids AS key MATCH (s:School {id: key}) RETURN key, "
			+ School.PROJECTION + " AS item";

	private static final String GROUPS_BY_ID = "UNWIND $ids AS key MATCH (g:ProgrammeGroup {id: key}) RETURN key, "
			+ ProgrammeGroup.PROJECTION + " AS item";

	private static final String TARGET_JOBS = """
			UNWIND $ids AS key
			MATCH (:Programme {id: key})-[:TARGETS]->(j:Job)
			WITH key, j ORDER BY j.id
			RETURN key, collect(%s) AS items
			""".formatted(Job.PROJECTION);

	private static final String COURSES_OF_PROGRAMMES = """
			UNWIND $ids AS key
			MATCH (:Programme {id: key})-[:HAS_COURSE]->(c:Course)
			WITH key, c ORDER BY c.position
			RETURN key, collect(%s) AS items
			""".formatted(Course.PROJECTION);

	private static final String CERTIFICATES_OF_PROGRAMMES = """
			UNWIND $ids AS key
			MATCH (:Programme {id: key})-[:ALIGNS_WITH_CERTIFICATE]->(ce:Certificate)
			WITH key, ce ORDER BY ce.id
			RETURN key, collect(%s) AS items
			""".formatted(Certificate.PROJECTION);

	private static final String BASES_OF_PROGRAMMES = """
			UNWIND $ids AS key
			MATCH (:Programme {id: key})-[:USES_BASE]->(tb:TrainingBase)
			WITH key, tb ORDER BY tb.id
			RETURN key, collect(%s) AS items
			""".formatted(TrainingBase.PROJECTION);

	private static final String REVISIONS_OF_PROGRAMMES = """
			UNWIND $ids AS key
			MATCH (:Programme {id: key})-[:HAS_REVISION]->(r:ProgrammeRevision)
			WITH key, r ORDER BY r.version
			RETURN key, collect(%s) AS items
			""".formatted(ProgrammeRevision.PROJECTION);

	private static final String TEACHING_OF_COURSES = """
			UNWIND $ids AS key
			MATCH (:Course {id: key})-[t:TEACHES]->(p)
			WITH key, p, t ORDER BY t.position
			RETURN key, collect({level: t.level, hours: t.hours, point: %s}) AS items
			""".formatted(Point.PROJECTION);

	private static final String TEXTBOOKS_OF_COURSES = """
			UNWIND $ids AS key
			MATCH (:Course {id: key})<-[:USED_IN]-(t:Textbook)
			WITH key, t ORDER BY t.id
			RETURN key, collect(%s) AS items
			""".formatted(Textbook.PROJECTION);

	private static final String COURSES_OF_TEXTBOOKS = """
			UNWIND $ids AS key
			MATCH (:Textbook {id: key})-[:USED_IN]->(c:Course)
			WITH key, c ORDER BY c.id
			RETURN key, collect(%s) AS items
			""".formatted(Course.PROJECTION);

	private static final String POINTS_OF_TEXTBOOKS = """
			UNWIND $ids AS key
			MATCH (:Textbook {id: key})-[:COVERS]->(p)
			WITH key, p ORDER BY p.name
			RETURN key, collect(%s) AS items
			""".formatted(Point.PROJECTION);

	private static final String ASSESSMENTS_OF_CERTIFICATES = """
			UNWIND $ids AS key
			MATCH (:Certificate {id: key})-[a:ASSESSES]->(p)
			WITH key, p, a ORDER BY p.name
			RETURN key, collect({level: a.level, importance: a.importance, point: %s}) AS items
			""".formatted(Point.PROJECTION);

	private static final String JOBS_OF_CERTIFICATES = """
			UNWIND $ids AS key
			MATCH (:Certificate {id: key})-[:QUALIFIES_FOR]->(j:Job)
			WITH key, j ORDER BY j.id
			RETURN key, collect(%s) AS items
			""".formatted(Job.PROJECTION);

	private static final String POINTS_OF_BASES = """
			UNWIND $ids AS key
			MATCH (:TrainingBase {id: key})-[:SUPPORTS]->(p)
			WITH key, p ORDER BY p.name
			RETURN key, collect(%s) AS items
			""".formatted(Point.PROJECTION);

	private static final String COURSES_OF_BASES = """
			UNWIND $ids AS key
			MATCH (:TrainingBase {id: key})-[:SERVES_COURSE]->(c:Course)
			WITH key, c ORDER BY c.id
			RETURN key, collect(%s) AS items
			""".formatted(Course.PROJECTION);

	private static final String PROGRAMMES_OF_SCHOOLS = """
			UNWIND $ids AS key
			MATCH (:School {id: key})-[:OFFERS]->(p:Programme)
			WITH key, p ORDER BY p.code, p.id
			RETURN key, collect(%s) AS items
			""".formatted(Programme.PROJECTION);

	private static final String PROGRAMMES_OF_GROUPS = """
			UNWIND $ids AS key
			MATCH (:ProgrammeGroup {id: key})<-[:IN_GROUP]-(p:Programme)
			WITH key, p ORDER BY p.code, p.id
			RETURN key, collect(%s) AS items
			""".formatted(Programme.PROJECTION);

	private static final String GROUPS_OF_CLUSTERS = """
			UNWIND $ids AS key
			MATCH (:Cluster {id: key})<-[:IN_CLUSTER]-(g:ProgrammeGroup)
			WITH key, g ORDER BY g.id
			RETURN key, collect(%s) AS items
			""".formatted(ProgrammeGroup.PROJECTION);

	private static final String LEADS_OF_CLUSTERS = """
			UNWIND $ids AS key
			MATCH (:Cluster {id: key})-[lead:LED_BY]->(x)
			RETURN key, collect({role: lead.role, id: x.id, name: x.name, nameEn: x.nameEn}) AS items
			""";

	private final Graph graph;

	CurriculumReadRepository(Graph graph) {
		this.graph = graph;
	}

	Optional<Programme> programme(String id) {
		return graph.queryOne(PROGRAMME_BY_ID, Map.of("id", id), r -> Programme.of(r.get("item")));
	}

	Optional<Certificate> certificate(String id) {
		return graph.queryOne(CERTIFICATE_BY_ID, Map.of("id", id), r -> Certificate.of(r.get("item")));
	}

	Optional<Course> course(String id) {
		return graph.queryOne(COURSE_BY_ID, Map.of("id", id), r -> Course.of(r.get("item")));
	}

	Connection<Programme> programmes(String schoolId, String groupId, String code, String jobId, String text,
			PageRequest page) {
		return Pages.fetch(graph, PROGRAMMES_MATCH, Programme.PROJECTION, "p.code, p.id", Rows.of("schoolId", schoolId, "groupId",
				groupId, "code", code, "jobId", jobId, "text", text == null || text.isBlank() ? null
						: text.strip().toLowerCase(java.util.Locale.ROOT)), page, Programme::of);
	}

	Connection<School> schools(PageRequest page) {
		return Pages.fetch(graph, SCHOOLS_MATCH, School.PROJECTION, "s.id", Map.of(), page, School::of);
	}

	Connection<Cluster> clusters(PageRequest page) {
		return Pages.fetch(graph, CLUSTERS_MATCH, Cluster.PROJECTION, "cl.id", Map.of(), page, Cluster::of);
	}

	Connection<Certificate> certificates(String jobId, PageRequest page) {
		return Pages.fetch(graph, CERTIFICATES_MATCH, Certificate.PROJECTION, "ce.id", Rows.of("jobId", jobId), page, Certificate::of);
	}

	Map<String, School> schoolsById(List<String> ids) {
		return graph.queryKeyed(SCHOOLS_BY_ID, Map.of("ids", ids), School::of);
	}

	Map<String, ProgrammeGroup> groupsById(List<String> ids) {
		return graph.queryKeyed(GROUPS_BY_ID, Map.of("ids", ids), ProgrammeGroup::of);
	}

	Map<String, List<Job>> targetJobs(List<String> programmeIds) {
		return graph.queryGrouped(TARGET_JOBS, Map.of("ids", programmeIds), Job::of);
	}

	Map<String, List<Course>> coursesOfProgrammes(List<String> ids) {
		return graph.queryGrouped(COURSES_OF_PROGRAMMES, Map.of("ids", ids), Course::of);
	}

	Map<String, List<Certificate>> certificatesOfProgrammes(List<String> ids) {
		return graph.queryGrouped(CERTIFICATES_OF_PROGRAMMES, Map.of("ids", ids), Certificate::of);
	}

	Map<String, List<TrainingBase>> basesOfProgrammes(List<String> ids) {
		return graph.queryGrouped(BASES_OF_PROGRAMMES, Map.of("ids", ids), TrainingBase::of);
	}

	Map<String, List<ProgrammeRevision>> revisionsOfProgrammes(List<String> ids) {
		return graph.queryGrouped(REVISIONS_OF_PROGRAMMES, Map.of("ids", ids), ProgrammeRevision::of);
	}

	Map<String, List<CourseTeaching>> teachingOfCourses(List<String> ids) {
		Map<String, List<CourseTeaching>> teaching = new HashMap<>();
		graph.queryGrouped(TEACHING_OF_COURSES, Map.of("ids", ids), Function.identity())
			.forEach((courseId, items) -> teaching.put(courseId, items.stream()
				.map(v -> new CourseTeaching(courseId, Point.of(v.get("point")), TeachingLevel.ofRank(v.get("level").asLong()),
						v.get("hours").isNull() ? null : v.get("hours").asDouble()))
				.toList()));
		return teaching;
	}

	Map<String, List<Textbook>> textbooksOfCourses(List<String> ids) {
		return graph.queryGrouped(TEXTBOOKS_OF_COURSES, Map.of("ids", ids), Textbook::of);
	}

	Map<String, List<Course>> coursesOfTextbooks(List<String> ids) {
		return graph.queryGrouped(COURSES_OF_TEXTBOOKS, Map.of("ids", ids), Course::of);
	}

	Map<String, List<Point>> pointsOfTextbooks(List<String> ids) {
		return graph.queryGrouped(POINTS_OF_TEXTBOOKS, Map.of("ids", ids), Point::of);
	}

	Map<String, List<Assessed>> assessmentsOfCertificates(List<String> ids) {
		return graph.queryGrouped(ASSESSMENTS_OF_CERTIFICATES, Map.of("ids", ids), v -> new Assessed(
				Point.of(v.get("point")), ProficiencyLevel.ofRank(v.get("level").asLong()), v.get("importance").asInt(3)));
	}

	Map<String, List<Job>> jobsOfCertificates(List<String> ids) {
		return graph.queryGrouped(JOBS_OF_CERTIFICATES, Map.of("ids", ids), Job::of);
	}

	Map<String, List<Point>> pointsOfBases(List<String> ids) {
		return graph.queryGrouped(POINTS_OF_BASES, Map.of("ids", ids), Point::of);
	}

	Map<String, List<Course>> coursesOfBases(List<String> ids) {
		return graph.queryGrouped(COURSES_OF_BASES, Map.of("ids", ids), Course::of);
	}

	Map<String, List<Programme>> programmesOfSchools(List<String> ids) {
		return graph.queryGrouped(PROGRAMMES_OF_SCHOOLS, Map.of("ids", ids), Programme::of);
	}

	Map<String, List<Programme>> programmesOfGroups(List<String> ids) {
		return graph.queryGrouped(PROGRAMMES_OF_GROUPS, Map.of("ids", ids), Programme::of);
	}

	Map<String, List<ProgrammeGroup>> groupsOfClusters(List<String> ids) {
		return graph.queryGrouped(GROUPS_OF_CLUSTERS, Map.of("ids", ids), ProgrammeGroup::of);
	}

	Map<String, List<ClusterLead>> leadsOfClusters(List<String> ids) {
		return graph.queryGrouped(LEADS_OF_CLUSTERS, Map.of("ids", ids), v -> new ClusterLead(v.get("role").asString(),
				v.get("id").asString(), v.get("name").asString(), v.get("nameEn").asString(null)));
	}

	/** A point a certificate assesses. */
	record Assessed(Point point, ProficiencyLevel level, int importance) {
	}

	/** One of a cluster's three leads. */
	record ClusterLead(String role, String id, String name, String nameEn) {
	}

	private static Job jobOf(Value v) {
		return new Job(v.get("id").asString(), v.get("name").asString(), v.get("nameEn").asString(null),
				v.get("description").asString(null), v.get("groupId").asString(null));
	}
}
