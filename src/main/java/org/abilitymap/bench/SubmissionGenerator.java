package org.abilitymap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.abilitymap.support.neo4j.Rows;

/**
 * Generates the enterprises' work-task submissions of every job (project → task → process step → skill and
 * knowledge points, as the submission import writes them), their versions and approvals, and each job's derived
 * standard ({@code REQUIRES_POINT}) computed from them.
 */
final class SubmissionGenerator {

	/**
	 * One row per submission with its whole tree nested (projects, their tasks, their steps, their links), so that
	 * no parent has to be looked up again; points are linked by element id.
	 */
	private static final String SUBMISSIONS = """
			UNWIND $rows AS row
			MATCH (e:Enterprise {id: row.enterpriseId}), (j:Job {id: row.jobId})
			CREATE (s:Submission {id: row.id, enterpriseId: row.enterpriseId, jobId: row.jobId, version: row.version,
			                      contentHash: row.contentHash, current: row.current, published: row.published, status: row.status,
			                      submittedAt: datetime(row.submittedAt), shadowingStart: date(row.shadowingStart),
			                      shadowingEnd: date(row.shadowingEnd), observers: row.observers, method: row.method,
			                      approvedBy: row.approvedBy, approvedAt: datetime(row.approvedAt)})
			CREATE (e)-[:SUBMITTED]->(s)-[:FOR_JOB]->(j)
			WITH s, row
			CALL (s, row) {
			  MATCH (b:IndustryBody {id: row.approvedBy})
			  CREATE (b)-[:APPROVED]->(s)
			}
			CALL (s, row) {
			  UNWIND row.projects AS pr
			  CREATE (s)-[:HAS_PROJECT {position: pr.position}]->(project:WorkProject {id: pr.id, name: pr.name,
			          submissionId: row.id, enterpriseId: row.enterpriseId, jobId: row.jobId, version: row.version})
			  WITH row, project, pr
			  UNWIND pr.tasks AS tk
			  CREATE (project)-[:HAS_TASK {position: tk.position, frequency: tk.frequency, importance: tk.importance,
			                               difficulty: tk.difficulty}]->(task:Task {id: tk.id, name: tk.name,
			          submissionId: row.id, enterpriseId: row.enterpriseId, jobId: row.jobId, version: row.version})
			  WITH row, task, tk
			  UNWIND tk.steps AS st
			  CREATE (task)-[:HAS_STEP {position: st.position}]->(step:ProcessStep {id: st.id, name: st.name,
			          submissionId: row.id, enterpriseId: row.enterpriseId, jobId: row.jobId, version: row.version})
			  WITH step, st
			  CALL (step, st) {
			    UNWIND st.skills AS x
			    MATCH (p:SkillPoint) WHERE elementId(p) = x.e
			    CREATE (step)-[:REQUIRES_SKILL {position: x.position, level: x.level}]->(p)
			  }
			  CALL (step, st) {
			    UNWIND st.knowledge AS x
			    MATCH (p:KnowledgePoint) WHERE elementId(p) = x.e
			    CREATE (step)-[:REQUIRES_KNOWLEDGE {position: x.position, skillId: x.skillId}]->(p)
			  }
			}
			""";

	private static final String SUPERSEDES = """
			UNWIND $rows AS row
			MATCH (s:Submission {id: row.id}), (previous:Submission {id: row.previousId})
			CREATE (s)-[:SUPERSEDES]->(previous)
			""";

	/** The first placeholder is a point label. */
	private static final String STANDARD = """
			UNWIND $rows AS row
			MATCH (j:Job {id: row.jobId}), (p:%s) WHERE elementId(p) = row.e
			CREATE (j)-[:REQUIRES_POINT {level: row.level, importance: row.importance, essential: row.essential,
			                             enterpriseCount: row.enterpriseCount, enterprises: row.enterprises,
			                             source: 'DERIVED'}]->(p)
			""";

	private static final String[] FREQUENCIES = { "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "YEARLY", "OCCASIONAL" };

	private static final String[] TASK_WORDS = { "日常点检", "故障排查", "首件确认", "参数设定", "来料检验", "工艺调整",
			"安全确认", "数据记录", "交接班", "质量追溯" };

	/** Process steps per chunk of jobs written together: one submission statement carries about this many. */
	private static final int STEPS_PER_CHUNK = BulkWriter.BATCH_ROWS;

	/** Nodes and relationships a submission row creates, about. */
	private static final int ELEMENTS_PER_SUBMISSION = 150;

	private final ProvinceShape shape;

	private final PointPool points;

	private final long seed;

	private final BulkWriter writer;

	private final JobStandard[] standards;

	private Chunk chunk = new Chunk();

	/**
	 * @param standards where each job's standard is put, by job index
	 */
	SubmissionGenerator(ProvinceShape shape, PointPool points, long seed, BulkWriter writer, JobStandard[] standards) {
		this.shape = shape;
		this.points = points;
		this.seed = seed;
		this.writer = writer;
		this.standards = standards;
	}

	/** Generates and writes every job's submissions and standard. */
	void generate() {
		for (int job = 0; job < shape.jobs(); job++) {
			generateJob(job);
			if (chunk.steps >= STEPS_PER_CHUNK) {
				flush();
			}
		}
		flush();
		writer.commit();
	}

	/** The rows of the jobs generated since the last flush, one list per statement. */
	private static final class Chunk {

		final List<Map<String, Object>> submissions = new ArrayList<>();

		final List<Map<String, Object>> supersedes = new ArrayList<>();

		int steps;

		final List<Map<String, Object>> skillStandards = new ArrayList<>();

		final List<Map<String, Object>> knowledgeStandards = new ArrayList<>();
	}

	private void flush() {
		writer.add(SUBMISSIONS, chunk.submissions, ELEMENTS_PER_SUBMISSION);
		writer.add(SUPERSEDES, chunk.supersedes, 1);
		writer.add(STANDARD.formatted("SkillPoint"), chunk.skillStandards);
		writer.add(STANDARD.formatted("KnowledgePoint"), chunk.knowledgeStandards);
		chunk = new Chunk();
	}

	private void generateJob(int job) {
		SplittableRandom random = Zipf.stream(seed, 1, job);
		int industry = shape.industryOfGroup(shape.groupOfJob(job));
		JobStandard standard = new JobStandard();
		for (int enterprise : enterprisesOf(job, industry, random)) {
			int versions = random.nextDouble() < 0.1 ? 2 : 1;
			boolean[] approved = new boolean[versions + 1];
			approved[1] = versions == 2 || random.nextDouble() < 0.92;
			if (versions == 2) {
				approved[2] = random.nextDouble() < 0.6;
			}
			int counted = approved[versions] ? versions : (approved[1] ? 1 : 0);
			for (int version = 1; version <= versions; version++) {
				if (version == counted) {
					standard.beginEnterprise(enterprise);
				}
				String id = submissionId(enterprise, job, version);
				Map<String, Object> row = submissionRow(id, enterprise, job, version, version == versions,
						approved[version] ? ProvinceGenerator.industryBodyId(industry, version % 2) : null, random);
				row.put("published", version == counted); // the latest approved version is what readers see
				row.put("projects", projects(id, job, random, version == counted ? standard : null));
				chunk.submissions.add(row);
				if (version > 1) {
					chunk.supersedes.add(Map.of("id", id, "previousId", submissionId(enterprise, job, version - 1)));
				}
			}
		}
		standards[job] = standard;
		chunk.skillStandards.addAll(standard.rows(ProvinceGenerator.jobId(job), points, true));
		chunk.knowledgeStandards.addAll(standard.rows(ProvinceGenerator.jobId(job), points, false));
	}

	/** 5–12 distinct enterprises of the job's industry, from a window so that neighbouring jobs share them. */
	private List<Integer> enterprisesOf(int job, int industry, SplittableRandom random) {
		int count = ProvinceGenerator.enterprisesOf(shape, industry);
		int first = ProvinceGenerator.firstEnterpriseOf(shape, industry);
		int jobsOfIndustry = shape.groupsOf(industry) * ProvinceShape.JOBS_PER_GROUP;
		int local = job - shape.firstGroupOf(industry) * ProvinceShape.JOBS_PER_GROUP;
		int start = (int) ((long) local * count / jobsOfIndustry);
		int window = Math.min(count, 24);
		int wanted = Math.min(window, 5 + random.nextInt(8));
		TreeSet<Integer> chosen = new TreeSet<>();
		while (chosen.size() < wanted) {
			chosen.add(first + (start + random.nextInt(window)) % count);
		}
		return new ArrayList<>(chosen);
	}

	static String submissionId(int enterprise, int job, int version) {
		return "sub:" + ProvinceGenerator.enterpriseId(enterprise) + ":" + ProvinceGenerator.jobId(job) + ":v" + version;
	}

	private Map<String, Object> submissionRow(String id, int enterprise, int job, int version, boolean current,
			String approvedBy, SplittableRandom random) {
		int day = 1 + random.nextInt(27);
		String month = String.format("2025-%02d-", 1 + random.nextInt(11));
		return Rows.of("id", id, "enterpriseId", ProvinceGenerator.enterpriseId(enterprise), "jobId",
				ProvinceGenerator.jobId(job), "version", version, "contentHash",
				Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()), "current", current,
				"status", approvedBy == null ? "SUBMITTED" : "APPROVED",
				"submittedAt", month + String.format("%02dT10:00:00Z", day + 1),
				"shadowingStart", month + String.format("%02d", day - 0), "shadowingEnd", month + String.format("%02d", day + 1),
				"observers", List.of("观察员" + (1 + random.nextInt(40)), "企业导师" + (1 + random.nextInt(40))),
				"method", "跟岗挖掘", "approvedBy", approvedBy,
				"approvedAt", approvedBy == null ? null : month + String.format("%02dT16:00:00Z", day + 1));
	}

	/** One submission's projects, with their tasks and steps; the steps' needs count towards {@code standard}. */
	private List<Map<String, Object>> projects(String submissionId, int job, SplittableRandom random,
			JobStandard standard) {
		int group = shape.groupOfJob(job);
		int emphasis = (job % ProvinceShape.JOBS_PER_GROUP) * 5;
		List<Map<String, Object>> projects = new ArrayList<>();
		int projectCount = 2 + random.nextInt(3);
		for (int p = 0; p < projectCount; p++) {
			String projectId = submissionId + "/p" + p;
			List<Map<String, Object>> tasks = new ArrayList<>();
			int taskCount = 2 + random.nextInt(3);
			for (int t = 0; t < taskCount; t++) {
				String taskId = projectId + ".t" + t;
				Integer importance = random.nextDouble() < 0.1 ? null : 1 + Zipf.weighted(random, 0.05, 0.15, 0.3, 0.3, 0.2);
				List<Map<String, Object>> steps = new ArrayList<>();
				int stepCount = 2 + random.nextInt(3);
				for (int s = 0; s < stepCount; s++) {
					steps.add(step(taskId + ".s" + s, s, group, emphasis, importance, random, standard));
				}
				chunk.steps += stepCount;
				tasks.add(Rows.of("id", taskId, "position", t, "name", TASK_WORDS[random.nextInt(TASK_WORDS.length)]
						+ (t + 1), "frequency", FREQUENCIES[random.nextInt(FREQUENCIES.length)], "importance", importance,
						"difficulty", 1 + random.nextInt(5), "steps", steps));
			}
			projects.add(Map.of("id", projectId, "position", p, "name", "典型工作项目" + (p + 1), "tasks", tasks));
		}
		return projects;
	}

	private Map<String, Object> step(String id, int position, int group, int emphasis,
			Integer importance, SplittableRandom random, JobStandard standard) {
		int wanted = 1 + Zipf.weighted(random, 0.3, 0.45, 0.25);
		List<Integer> skills = new ArrayList<>();
		for (int attempt = 0; skills.size() < wanted && attempt < 10; attempt++) {
			int skill = random.nextDouble() < 0.8 ? points.drawFromGroup(random, group, emphasis) : points.drawGeneric(random);
			if (!skills.contains(skill)) {
				skills.add(skill);
			}
		}
		List<Map<String, Object>> skillLinks = new ArrayList<>();
		List<Map<String, Object>> knowledgeLinks = new ArrayList<>();
		for (int k = 0; k < skills.size(); k++) {
			int skill = skills.get(k);
			int level = 1 + Zipf.weighted(random, 0.2, 0.45, 0.35);
			skillLinks.add(Map.of("e", points.elementId(skill), "position", k, "level", level));
			need(standard, skill, level, importance);
			int knowledge = Zipf.weighted(random, 0.3, 0.45, 0.25);
			int firstWhich = random.nextInt(2);
			for (int n = 0; n < knowledge; n++) {
				int point = PointPool.knowledgeOf(skill, (firstWhich + n) % 2);
				knowledgeLinks.add(Map.of("e", points.elementId(point), "position", n, "skillId", points.id(skill)));
				need(standard, point, level, importance);
			}
		}
		return Map.of("id", id, "position", position, "name", "流程步骤" + (position + 1), "skills", skillLinks,
				"knowledge", knowledgeLinks);
	}

	private static void need(JobStandard standard, int point, int level, Integer importance) {
		if (standard != null) {
			standard.need(point, level, importance);
		}
	}
}
