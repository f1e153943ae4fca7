package org.abilitymap.bench;

/**
 * How many of each thing a synthetic province has, all derived from the number of nodes wanted; most nodes are the
 * enterprises' submission trees, about {@value #NODES_PER_JOB} per job with everything around it.
 *
 * @param targetNodes the number of nodes asked for (the generated count comes close)
 * @param industries industries, each with {@value #SEGMENTS_PER_INDUSTRY} chain segments and one cluster
 * @param jobGroups job groups of {@value #JOBS_PER_GROUP} jobs each
 * @param jobs jobs; each gets 5–12 enterprises' submissions
 * @param schools schools, each running {@value #PROGRAMME_GROUPS_PER_SCHOOL} programme groups
 * @param programmes programmes of 36–44 courses (the benchmarked one: {@value #BENCHMARK_COURSES} courses and
 *        {@value #BENCHMARK_TARGET_JOBS} target jobs)
 * @param genericSkills skill points every industry shares (safety, quality, tools…), drawn Zipf-like; each has two
 *        knowledge points
 */
public record ProvinceShape(long targetNodes, int industries, int jobGroups, int jobs, int schools, int programmes,
		int genericSkills) {

	/** Nodes per job, everything included, measured on generated provinces. */
	static final int NODES_PER_JOB = 420;

	static final int JOBS_PER_GROUP = 6;

	static final int SEGMENTS_PER_INDUSTRY = 5;

	static final int PROGRAMME_GROUPS_PER_SCHOOL = 3;

	/** Skill points of a job group's own vocabulary; each has two knowledge points. */
	static final int GROUP_SKILLS = 30;

	/** Generic skill points: the same vocabulary in a small province and in a large one. */
	static final int GENERIC_SKILLS = 120;

	static final int BENCHMARK_TARGET_JOBS = 10;

	static final int BENCHMARK_COURSES = 40;

	/** The shape of a province of about {@code nodes} nodes (at least two industries and two job groups each). */
	public static ProvinceShape forNodes(long nodes) {
		int jobGroups = (int) Math.max(4, Math.round((double) nodes / NODES_PER_JOB / JOBS_PER_GROUP));
		int jobs = jobGroups * JOBS_PER_GROUP;
		int industries = Math.max(2, Math.min(jobGroups / 2, Math.round(jobs / 300f)));
		int programmes = Math.max(2, jobs / 2);
		int schools = Math.max(2, programmes / 8);
		int genericSkills = GENERIC_SKILLS;
		return new ProvinceShape(nodes, industries, jobGroups, jobs, schools, programmes, genericSkills);
	}

	/** The industry a job group belongs to: groups are dealt out in contiguous ranges. */
	int industryOfGroup(int group) {
		return (int) ((long) group * industries / jobGroups);
	}

	int groupOfJob(int job) {
		return job / JOBS_PER_GROUP;
	}

	/** The first job group of an industry. */
	int firstGroupOf(int industry) {
		int group = 0;
		while (industryOfGroup(group) < industry) {
			group++;
		}
		return group;
	}

	/** The number of job groups of an industry. */
	int groupsOf(int industry) {
		return (industry + 1 < industries ? firstGroupOf(industry + 1) : jobGroups) - firstGroupOf(industry);
	}
}
