package org.abilitymap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.abilitymap.support.neo4j.Graph;
import org.abilitymap.support.neo4j.Rows;

/**
 * Builds a synthetic province in an empty, migrated graph: industries, chain segments, job groups, jobs, reference
 * occupations, enterprises, industry bodies, shared skill and knowledge points, schools, clusters, programme groups,
 * certificates, approved work-task submissions with their derived job standards, and programmes with courses; the
 * same nodes, properties and relationships the document imports write, deterministically for a given seed.
 */
public final class ProvinceGenerator {

	private static final String INDUSTRIES = """
			UNWIND $rows AS row
			CREATE (i:Industry {id: row.id, name: row.name, nameEn: row.nameEn})
			WITH i, row
			UNWIND row.segments AS segment
			CREATE (i)-[:HAS_SEGMENT]->(:ChainSegment {id: segment.id, name: segment.name, nameEn: segment.nameEn,
			                                           stage: segment.stage, industryId: i.id})
			""";

	private static final String OCCUPATIONS = """
			UNWIND $rows AS row
			CREATE (:ReferenceOccupation {id: row.id, scheme: row.scheme, code: row.code, uri: row.uri, name: row.name,
			                              nameEn: row.nameEn})
			""";

	private static final String JOB_GROUPS = """
			UNWIND $rows AS row
			MATCH (s:ChainSegment {id: row.segmentId})
			CREATE (:JobGroup {id: row.id, name: row.name, nameEn: row.nameEn})-[:SERVES_SEGMENT]->(s)
			""";

	private static final String JOBS = """
			UNWIND $rows AS row
			MATCH (g:JobGroup {id: row.groupId}), (o:ReferenceOccupation {id: row.occupationId})
			CREATE (j:Job {id: row.id, name: row.name, nameEn: row.nameEn, description: row.description,
			               groupId: row.groupId})
			CREATE (g)<-[:IN_GROUP]-(j)-[:CLASSIFIED_AS]->(o)
			""";

	private static final String ENTERPRISES = """
			UNWIND $rows AS row
			MATCH (i:Industry {id: row.industryId})
			CREATE (:Enterprise {id: row.id, name: row.name, nameEn: row.nameEn})-[:IN_INDUSTRY]->(i)
			""";

	private static final String NAMED = "UNWIND $rows AS row CREATE (:%s {id: row.id, name: row.name, nameEn: row.nameEn})";

	private static final String POINTS = """
			UNWIND $rows AS row
			CREATE (:%s {id: row.id, name: row.name, nameEn: row.nameEn, nameKey: row.nameKey, createdBy: row.createdBy,
			             createdIn: row.createdIn, createdAt: datetime('2025-01-01T00:00:00Z')})
			""";

	private static final String CLUSTERS = """
			UNWIND $rows AS row
			MATCH (i:Industry {id: row.industryId}), (e:Enterprise {id: row.leadEnterpriseId}),
			      (s:School {id: row.leadSchoolId}), (b:IndustryBody {id: row.leadIndustryBodyId})
			CREATE (c:Cluster {id: row.id, name: row.name, nameEn: row.nameEn, industryId: row.industryId})
			CREATE (c)-[:IN_INDUSTRY]->(i), (c)-[:LED_BY {role: 'ENTERPRISE'}]->(e), (c)-[:LED_BY {role: 'SCHOOL'}]->(s),
			       (c)-[:LED_BY {role: 'INDUSTRY_BODY'}]->(b)
			WITH c, row
			CALL (c, row) {
			  UNWIND row.memberIds AS id
			  OPTIONAL MATCH (school:School {id: id})
			  OPTIONAL MATCH (enterprise:Enterprise {id: id})
			  WITH c, coalesce(school, enterprise) AS member
			  CREATE (c)-[:HAS_MEMBER]->(member)
			}
			""";

	private static final String PROGRAMME_GROUPS = """
			UNWIND $rows AS row
			MATCH (s:School {id: row.schoolId}), (c:Cluster {id: row.clusterId}), (jg:JobGroup {id: row.jobGroupId}),
			      (segment:ChainSegment {id: row.segmentId})
			CREATE (s)-[:RUNS]->(g:ProgrammeGroup {id: row.id, name: row.name, nameEn: row.nameEn, schoolId: row.schoolId,
			                                       clusterId: row.clusterId})
			CREATE (g)-[:IN_CLUSTER]->(c), (g)-[:ALIGNED_WITH]->(jg), (g)-[:ALIGNED_WITH]->(segment)
			""";

	private static final String CERTIFICATES = """
			UNWIND $rows AS row
			CREATE (c:Certificate {id: row.id, name: row.name, nameEn: row.nameEn, type: row.type, issuer: row.issuer,
			                       level: row.level})
			WITH c, row
			CALL (c, row) {
			  UNWIND row.jobIds AS jobId
			  MATCH (j:Job {id: jobId})
			  CREATE (c)-[:QUALIFIES_FOR]->(j)
			}
			WITH c, row
			""" + pointLinks("c", "ASSESSES", "{level: x.level, importance: x.importance}");

	private static final String[] STAGES = { "UPSTREAM", "MIDSTREAM", "MIDSTREAM", "DOWNSTREAM", "DOWNSTREAM" };

	private static final String[] INDUSTRY_NAMES = { "新能源汽车", "智能制造装备", "集成电路", "光伏储能", "现代物流",
			"生物医药", "新材料", "数字创意", "绿色食品", "轨道交通" };

	private final Graph graph;

	private final ProvinceShape shape;

	private final long seed;

	private final Consumer<String> progress;

	/**
	 * @param graph the graph to write to; it should be empty and have the schema migrations applied
	 * @param shape how big the province is
	 * @param seed the same seed and shape give the same province
	 * @param progress receives a line after every transaction
	 */
	public ProvinceGenerator(Graph graph, ProvinceShape shape, long seed, Consumer<String> progress) {
		this.graph = graph;
		this.shape = shape;
		this.seed = seed;
		this.progress = progress;
	}

	/**
	 * The benchmarked programme and what its coverage must be, counted while generating it.
	 *
	 * @param programmeId the programme with {@value ProvinceShape#BENCHMARK_COURSES} courses and
	 *        {@value ProvinceShape#BENCHMARK_TARGET_JOBS} target jobs
	 * @param required |R|, the points its target jobs require
	 * @param covered points of R taught at or above their level
	 * @param belowLevel points of R taught, but below their level
	 */
	public record Benchmark(String programmeId, int required, int covered, int belowLevel) {

		public int gaps() {
			return required - covered;
		}
	}

	/**
	 * What was written.
	 *
	 * @param shape the province's shape
	 * @param nodes nodes created
	 * @param relationships relationships created
	 * @param seconds time from the first generated row to the last commit
	 * @param benchmark the benchmarked programme
	 */
	public record Result(ProvinceShape shape, long nodes, long relationships, double seconds, Benchmark benchmark) {

		public long elements() {
			return nodes + relationships;
		}

		public double elementsPerSecond() {
			return elements() / seconds;
		}
	}

	/** Generates and writes the whole province. */
	public Result generate() {
		BulkWriter writer = new BulkWriter(graph, progress);
		PointPool points = new PointPool(shape.genericSkills(), shape.jobGroups());
		writeJobCatalogue(writer, points);
		writer.commit();
		points.resolveElementIds(graph);
		writeEducationCatalogue(writer);
		writer.add(CERTIFICATES, certificates(points));
		writer.commit();
		JobStandard[] standards = new JobStandard[shape.jobs()];
		new SubmissionGenerator(shape, points, seed, writer, standards).generate();
		Benchmark benchmark = new ProgrammeGenerator(shape, points, seed, writer, standards).generate();
		return new Result(shape, writer.nodes(), writer.relationships(), writer.seconds(), benchmark);
	}

	/**
	 * Two {@code CALL} subqueries that link {@code node} with {@code type} to the skill points of {@code row.skills}
	 * and the knowledge points of {@code row.knowledge}: lists of maps, bound to {@code x}, whose {@code e} is the
	 * point's element id (see {@link PointPool#elementId}).
	 */
	static String pointLinks(String node, String type, String properties) {
		return """
				CALL (%1$s, row) {
				  UNWIND row.skills AS x
				  MATCH (p:SkillPoint) WHERE elementId(p) = x.e
				  CREATE (%1$s)-[:%2$s %3$s]->(p)
				}
				CALL (%1$s, row) {
				  UNWIND row.knowledge AS x
				  MATCH (p:KnowledgePoint) WHERE elementId(p) = x.e
				  CREATE (%1$s)-[:%2$s %3$s]->(p)
				}
				""".formatted(node, type, properties);
	}

	// ----- ids shared by the generators

	static String jobId(int job) {
		return "job-" + job;
	}

	static String enterpriseId(int enterprise) {
		return "ent-" + enterprise;
	}

	static String industryBodyId(int industry, int which) {
		return "ib-" + industry + "-" + which;
	}

	static String schoolId(int school) {
		return "sch-" + school;
	}

	static String programmeGroupId(int school, int which) {
		return "pg-" + school + "-" + which;
	}

	static String programmeId(int programme) {
		return "prg-" + programme;
	}

	static String certificateId(int jobGroup) {
		return "cert-" + jobGroup;
	}

	private static String segmentId(int industry, int segment) {
		return "seg-" + industry + "-" + segment;
	}

	/** Enterprises of an industry: about one for every 0.7 of its jobs, so each submits for about six jobs. */
	static int enterprisesOf(ProvinceShape shape, int industry) {
		int jobs = shape.groupsOf(industry) * ProvinceShape.JOBS_PER_GROUP;
		return Math.max(14, (int) Math.ceil(jobs * 8.5 / 6));
	}

	/** Enterprises are numbered industry by industry. */
	static int firstEnterpriseOf(ProvinceShape shape, int industry) {
		int first = 0;
		for (int i = 0; i < industry; i++) {
			first += enterprisesOf(shape, i);
		}
		return first;
	}

	// ----- the job catalogue

	private void writeJobCatalogue(BulkWriter writer, PointPool points) {
		List<Map<String, Object>> industries = new ArrayList<>();
		List<Map<String, Object>> bodies = new ArrayList<>();
		List<Map<String, Object>> enterprises = new ArrayList<>();
		for (int i = 0; i < shape.industries(); i++) {
			String name = INDUSTRY_NAMES[i % INDUSTRY_NAMES.length] + (i < INDUSTRY_NAMES.length ? "" : i);
			List<Map<String, Object>> segments = new ArrayList<>();
			for (int s = 0; s < ProvinceShape.SEGMENTS_PER_INDUSTRY; s++) {
				segments.add(Map.of("id", segmentId(i, s), "name", name + "产业链环节" + (s + 1), "nameEn",
						"Segment " + (s + 1), "stage", STAGES[s]));
			}
			industries.add(Map.of("id", "ind-" + i, "name", name, "nameEn", "Industry " + i, "segments", segments));
			for (int b = 0; b < 2; b++) {
				bodies.add(Map.of("id", industryBodyId(i, b), "name", name + (b == 0 ? "行业协会" : "职业教育教学指导委员会"),
						"nameEn", "Industry body " + i + "-" + b));
			}
			int first = firstEnterpriseOf(shape, i);
			for (int e = 0; e < enterprisesOf(shape, i); e++) {
				enterprises.add(Map.of("id", enterpriseId(first + e), "name", name + "企业" + (first + e), "nameEn",
						"Enterprise " + (first + e), "industryId", "ind-" + i));
			}
		}
		writer.add(INDUSTRIES, industries);
		writer.add(OCCUPATIONS, occupations());
		writer.add(JOB_GROUPS, jobGroups());
		writer.add(JOBS, jobs());
		writer.add(ENTERPRISES, enterprises);
		writer.add(NAMED.formatted("IndustryBody"), bodies);
		writer.add(POINTS.formatted("SkillPoint"), points.rows(true, "province-" + seed));
		writer.add(POINTS.formatted("KnowledgePoint"), points.rows(false, "province-" + seed));
	}

	/** One reference occupation for every two jobs; every fifth from ESCO, the others from the Chinese classification. */
	private List<Map<String, Object>> occupations() {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int o = 0; o < (shape.jobs() + 1) / 2; o++) {
			boolean esco = o % 5 == 4;
			rows.add(Rows.of("id", "occ-" + o, "scheme", esco ? "ESCO" : "CN_OCCUPATION_2022", "code",
					esco ? null : String.format("6-%02d-%02d-%02d", 20 + o / 1000 % 10, o / 100 % 10 + 1, o % 100),
					"uri", esco ? "http://data.europa.eu/esco/occupation/synthetic-" + o : null,
					"name", "职业" + o, "nameEn", "Occupation " + o));
		}
		return rows;
	}

	private List<Map<String, Object>> jobGroups() {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int g = 0; g < shape.jobGroups(); g++) {
			int industry = shape.industryOfGroup(g);
			rows.add(Map.of("id", "jg-" + g, "name", "岗位群" + g, "nameEn", "Job group " + g, "segmentId",
					segmentId(industry, g % ProvinceShape.SEGMENTS_PER_INDUSTRY)));
		}
		return rows;
	}

	private List<Map<String, Object>> jobs() {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int j = 0; j < shape.jobs(); j++) {
			rows.add(Map.of("id", jobId(j), "name", "岗位" + j, "nameEn", "Job " + j, "description",
					"岗位群" + shape.groupOfJob(j) + "中的第" + (j % ProvinceShape.JOBS_PER_GROUP + 1) + "个岗位",
					"groupId", "jg-" + shape.groupOfJob(j), "occupationId", "occ-" + j / 2));
		}
		return rows;
	}

	// ----- the education catalogue

	private void writeEducationCatalogue(BulkWriter writer) {
		List<Map<String, Object>> schools = new ArrayList<>();
		for (int s = 0; s < shape.schools(); s++) {
			schools.add(Map.of("id", schoolId(s), "name", "职业技术学院" + s, "nameEn", "Vocational college " + s));
		}
		writer.add(NAMED.formatted("School"), schools);
		List<Map<String, Object>> clusters = new ArrayList<>();
		for (int i = 0; i < shape.industries(); i++) {
			List<String> members = new ArrayList<>();
			for (int s = i; s < shape.schools(); s += shape.industries()) {
				members.add(schoolId(s));
			}
			int first = firstEnterpriseOf(shape, i);
			for (int e = 0; e < Math.min(20, enterprisesOf(shape, i)); e++) {
				members.add(enterpriseId(first + e));
			}
			clusters.add(Map.of("id", "cl-" + i, "name", "产教融合集群" + i, "nameEn", "Cluster " + i, "industryId",
					"ind-" + i, "leadEnterpriseId", enterpriseId(first), "leadSchoolId", schoolId(i % shape.schools()),
					"leadIndustryBodyId", industryBodyId(i, 0), "memberIds", members));
		}
		writer.add(CLUSTERS, clusters);
		List<Map<String, Object>> groups = new ArrayList<>();
		for (int s = 0; s < shape.schools(); s++) {
			for (int k = 0; k < ProvinceShape.PROGRAMME_GROUPS_PER_SCHOOL; k++) {
				int jobGroup = (s * ProvinceShape.PROGRAMME_GROUPS_PER_SCHOOL + k) % shape.jobGroups();
				int industry = shape.industryOfGroup(jobGroup);
				groups.add(Map.of("id", programmeGroupId(s, k), "name", "专业群" + s + "-" + k, "nameEn",
						"Programme group " + s + "-" + k, "schoolId", schoolId(s), "clusterId", "cl-" + industry,
						"jobGroupId", "jg-" + jobGroup, "segmentId",
						segmentId(industry, jobGroup % ProvinceShape.SEGMENTS_PER_INDUSTRY)));
			}
		}
		writer.add(PROGRAMME_GROUPS, groups);
	}

	/** One certificate per job group, assessing part of its vocabulary and qualifying for some of its jobs. */
	private List<Map<String, Object>> certificates(PointPool points) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int g = 0; g < shape.jobGroups(); g++) {
			SplittableRandom random = Zipf.stream(seed, 3, g);
			List<Map<String, Object>> skills = new ArrayList<>();
			List<Map<String, Object>> knowledge = new ArrayList<>();
			for (int skill : points.groupSkills(g)) {
				if (random.nextDouble() < 0.5) {
					skills.add(Map.of("e", points.elementId(skill), "level", 1 + random.nextInt(3), "importance",
							2 + random.nextInt(4)));
					knowledge.add(Map.of("e", points.elementId(PointPool.knowledgeOf(skill, 0)), "level",
							1 + random.nextInt(3), "importance", 3));
				}
			}
			List<String> jobs = new ArrayList<>();
			for (int j = 0; j < 2 + random.nextInt(3); j++) {
				jobs.add(jobId(g * ProvinceShape.JOBS_PER_GROUP + j));
			}
			rows.add(Map.of("id", certificateId(g), "name", "岗位群" + g + "职业技能等级证书", "nameEn",
					"Skill level certificate " + g, "type", "VOCATIONAL_SKILL_LEVEL", "issuer", "培训评价组织" + g % 7,
					"level", new String[] { "初级", "中级", "高级" }[random.nextInt(3)], "jobIds", jobs, "skills", skills,
					"knowledge", knowledge));
		}
		return rows;
	}
}
