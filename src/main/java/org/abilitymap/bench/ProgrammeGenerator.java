package org.abilitymap.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.abilitymap.curriculum.ProgrammeDocument.CourseBlock;
import org.abilitymap.support.neo4j.Rows;

/**
 * Generates programmes as a programme import writes them (target jobs, courses in the four blocks teaching part of
 * what the jobs require, a revision whose document is only a placeholder, certificates, a training base, textbooks),
 * {@code prg-0} being the benchmarked one with {@value ProvinceShape#BENCHMARK_COURSES} courses and the first
 * {@value ProvinceShape#BENCHMARK_TARGET_JOBS} jobs as targets.
 */
final class ProgrammeGenerator {

	private static final String PROGRAMMES = """
			UNWIND $rows AS row
			MATCH (s:School {id: row.schoolId}), (g:ProgrammeGroup {id: row.groupId})
			CREATE (p:Programme {id: row.id, code: row.code, name: row.name, nameEn: row.nameEn, level: row.level,
			                     schoolId: row.schoolId, groupId: row.groupId, version: 1, contentHash: row.contentHash,
			                     savedAt: datetime(row.savedAt)})
			CREATE (s)-[:OFFERS]->(p)-[:IN_GROUP]->(g)
			CREATE (p)-[:HAS_REVISION]->(:ProgrammeRevision {id: row.id + ':v1', programmeId: row.id, version: 1,
			        contentHash: row.contentHash, document: row.document, source: row.document,
			        savedAt: datetime(row.savedAt)})
			WITH p, row
			CALL (p, row) {
			  UNWIND row.targetJobIds AS jobId
			  MATCH (j:Job {id: jobId})
			  CREATE (p)-[:TARGETS]->(j)
			}
			CALL (p, row) {
			  UNWIND row.certificateIds AS certificateId
			  MATCH (c:Certificate {id: certificateId})
			  CREATE (p)-[:ALIGNS_WITH_CERTIFICATE]->(c)
			}
			""";

	private static final String COURSES = """
			UNWIND $rows AS row
			MATCH (p:Programme {id: row.programmeId})
			CREATE (p)-[:HAS_COURSE]->(c:Course {id: row.id, name: row.name, nameEn: row.nameEn,
			        programmeId: row.programmeId, block: row.block, position: row.position, hours: row.hours,
			        credits: row.credits, semester: row.semester})
			WITH c, row
			""" + ProvinceGenerator.pointLinks("c", "TEACHES", "{level: x.level, hours: x.hours, position: x.position}");

	private static final String TRAINING_BASES = """
			UNWIND $rows AS row
			MATCH (p:Programme {id: row.programmeId})
			CREATE (p)-[:USES_BASE]->(b:TrainingBase {id: row.id, name: row.name, nameEn: row.nameEn, kind: row.kind})
			WITH b, row
			CALL (b, row) {
			  UNWIND row.courseIds AS courseId
			  MATCH (c:Course {id: courseId})
			  CREATE (b)-[:SERVES_COURSE]->(c)
			}
			WITH b, row
			""" + ProvinceGenerator.pointLinks("b", "SUPPORTS", "");

	private static final String TEXTBOOKS = """
			UNWIND $rows AS row
			MATCH (c:Course {id: row.courseId})
			CREATE (t:Textbook {id: row.id, title: row.title, form: row.form, editionDate: date(row.editionDate),
			                    editorNames: row.editorNames, editorAffiliations: row.editorAffiliations,
			                    editorOrganisations: row.editorOrganisations})
			CREATE (t)-[:USED_IN]->(c)
			WITH t, row
			""" + ProvinceGenerator.pointLinks("t", "COVERS", "");

	private static final String[] FORMS = { "LOOSE_LEAF", "WORKBOOK", "DIGITAL", "PRINTED" };

	private static final String[] BLOCK_NAMES = { "公共基础课", "专业核心课", "产业特色课", "实践实训课" };

	private static final String[] BASE_KINDS = { "REAL", "VIRTUAL_SIMULATION", "DIGITAL_TWIN" };

	/** Share of each block in a programme's courses, in {@link CourseBlock} order. */
	private static final double[] BLOCK_SHARES = { 0.2, 0.35, 0.2, 0.25 };

	private final ProvinceShape shape;

	private final PointPool points;

	private final long seed;

	private final BulkWriter writer;

	private final JobStandard[] standards;

	private ProvinceGenerator.Benchmark expected;

	ProgrammeGenerator(ProvinceShape shape, PointPool points, long seed, BulkWriter writer, JobStandard[] standards) {
		this.shape = shape;
		this.points = points;
		this.seed = seed;
		this.writer = writer;
		this.standards = standards;
	}

	/** Generates and writes every programme; returns the expected figures of the benchmarked one. */
	ProvinceGenerator.Benchmark generate() {
		List<Map<String, Object>> programmes = new ArrayList<>();
		List<Map<String, Object>> courses = new ArrayList<>();
		List<Map<String, Object>> bases = new ArrayList<>();
		List<Map<String, Object>> textbooks = new ArrayList<>();
		for (int p = 0; p < shape.programmes(); p++) {
			programme(p, programmes, courses, bases, textbooks);
			if (courses.size() >= 2_000 || p == shape.programmes() - 1) {
				writer.add(PROGRAMMES, programmes, 25);
				writer.add(COURSES, courses, 15);
				writer.add(TRAINING_BASES, bases, 20);
				writer.add(TEXTBOOKS, textbooks, 8);
				programmes = new ArrayList<>();
				courses = new ArrayList<>();
				bases = new ArrayList<>();
				textbooks = new ArrayList<>();
			}
		}
		writer.commit();
		return expected;
	}

	/** The jobs a programme targets: the benchmarked one the first ten, the others 3–8 neighbouring jobs. */
	private List<Integer> targetJobs(int programme, SplittableRandom random) {
		List<Integer> jobs = new ArrayList<>();
		if (programme == 0) {
			for (int j = 0; j < ProvinceShape.BENCHMARK_TARGET_JOBS; j++) {
				jobs.add(j);
			}
			return jobs;
		}
		int count = 3 + random.nextInt(6);
		int start = (int) (((long) programme * shape.jobs() / shape.programmes() + random.nextInt(6)) % shape.jobs());
		for (int j = 0; j < count; j++) {
			jobs.add((start + j) % shape.jobs());
		}
		return jobs;
	}

	private void programme(int p, List<Map<String, Object>> programmes, List<Map<String, Object>> courseRows,
			List<Map<String, Object>> baseRows, List<Map<String, Object>> textbookRows) {
		SplittableRandom random = Zipf.stream(seed, 2, p);
		String id = ProvinceGenerator.programmeId(p);
		List<Integer> jobs = targetJobs(p, random);
		int courseCount = p == 0 ? ProvinceShape.BENCHMARK_COURSES : 36 + random.nextInt(9);
		int school = p % shape.schools();
		Set<String> certificates = new LinkedHashSet<>();
		jobs.forEach(j -> certificates.add(ProvinceGenerator.certificateId(shape.groupOfJob(j))));
		String hash = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
		programmes.add(Rows.of("id", id, "code", String.valueOf(460_000 + p % 10_000), "name", "专业" + p, "nameEn",
				"Programme " + p, "level", random.nextDouble() < 0.8 ? "HIGHER_VOCATIONAL" : "SECONDARY", "schoolId",
				ProvinceGenerator.schoolId(school), "groupId",
				ProvinceGenerator.programmeGroupId(school, (p / shape.schools()) % ProvinceShape.PROGRAMME_GROUPS_PER_SCHOOL),
				"contentHash", hash, "savedAt", "2025-06-01T09:00:00Z", "document",
				"{\"synthetic\":true,\"programme\":\"" + id + "\"}", "targetJobIds",
				jobs.stream().map(ProvinceGenerator::jobId).toList(), "certificateIds", List.copyOf(certificates)));

		Map<Integer, int[]> required = required(jobs);
		List<Course> courses = courses(id, courseCount);
		teach(required, courses, shape.groupOfJob(jobs.get(0)), random, p == 0);
		for (Course course : courses) {
			courseRows.add(courseRow(id, course, random));
		}
		baseRows.add(trainingBase(p, courses, random));
		for (int c = 0; c < courses.size(); c += 2) {
			textbookRows.add(textbook(courses.get(c), random));
		}
	}

	/** R: per point of the target jobs' standards, the highest level and importance. */
	private Map<Integer, int[]> required(List<Integer> jobs) {
		Map<Integer, int[]> required = new TreeMap<>();
		for (int job : jobs) {
			standards[job].requirements().forEach((code, r) -> required.merge(code, new int[] { r[0], r[1] },
					(a, b) -> new int[] { Math.max(a[0], b[0]), Math.max(a[1], b[1]) }));
		}
		return required;
	}

	/** A course and the points it teaches, code → level and code → hours, in document order. */
	private record Course(String id, int position, CourseBlock block, Map<Integer, Integer> teaches,
			Map<Integer, Double> hours) {

		void teach(int code, int level, double onPoint) {
			teaches.put(code, level);
			hours.put(code, onPoint);
		}
	}

	private static List<Course> courses(String programmeId, int count) {
		List<Course> courses = new ArrayList<>();
		CourseBlock[] blocks = CourseBlock.values();
		for (int b = 0; b < blocks.length; b++) {
			int inBlock = b == blocks.length - 1 ? count - courses.size() : (int) Math.round(count * BLOCK_SHARES[b]);
			for (int i = 0; i < inBlock; i++) {
				courses.add(new Course(programmeId + "-c" + courses.size(), courses.size(), blocks[b],
						new LinkedHashMap<>(), new HashMap<>()));
			}
		}
		return courses;
	}

	/**
	 * Lets the courses teach three quarters of R, mostly at or above the required level, in the block that suits
	 * the point, sometimes a second time in another course; plus a few points R does not need (orphans).
	 */
	private void teach(Map<Integer, int[]> required, List<Course> courses, int group, SplittableRandom random,
			boolean benchmarked) {
		int covered = 0;
		int below = 0;
		for (var entry : required.entrySet()) {
			int code = entry.getKey();
			int level = entry.getValue()[0];
			if (random.nextDouble() < 0.25) {
				continue;
			}
			int taught = random.nextDouble() < 0.75 ? level + random.nextInt(4 - level)
					: (level > 1 ? 1 + random.nextInt(level - 1) : 1);
			pick(courses, blockFor(code, random), random).teach(code, taught, 2 + random.nextInt(11));
			if (random.nextDouble() < 0.3) {
				Course other = courses.get(random.nextInt(courses.size()));
				if (!other.teaches().containsKey(code)) {
					int again = 1 + random.nextInt(2);
					other.teach(code, again, 2 + random.nextInt(7));
					taught = Math.max(taught, again);
				}
			}
			if (taught >= level) {
				covered++;
			}
			else {
				below++;
			}
		}
		for (Course course : courses) {
			int orphans = random.nextInt(3);
			for (int i = 0; i < orphans; i++) {
				int skill = points.drawFromGroup(random, (group + random.nextInt(3)) % shape.jobGroups(), 0);
				int code = PointPool.knowledgeOf(skill, random.nextInt(2));
				if (!required.containsKey(code) && !course.teaches().containsKey(code)) {
					course.teach(code, 1 + random.nextInt(3), 2 + random.nextInt(5));
				}
			}
		}
		if (benchmarked) {
			expected = new ProvinceGenerator.Benchmark(ProvinceGenerator.programmeId(0), required.size(), covered, below);
		}
	}

	/** The block whose courses would teach a point: foundations for generic knowledge, training for skills… */
	private CourseBlock blockFor(int code, SplittableRandom random) {
		boolean generic = points.isGeneric(code);
		if (PointPool.isSkill(code)) {
			return generic ? (random.nextDouble() < 0.6 ? CourseBlock.PRACTICE_TRAINING : CourseBlock.PUBLIC_FOUNDATION)
					: CourseBlock.values()[new int[] { 3, 1, 2 }[Zipf.weighted(random, 0.5, 0.3, 0.2)]];
		}
		return generic ? (random.nextDouble() < 0.7 ? CourseBlock.PUBLIC_FOUNDATION : CourseBlock.PROFESSIONAL_CORE)
				: (random.nextDouble() < 0.6 ? CourseBlock.PROFESSIONAL_CORE : CourseBlock.INDUSTRY_FEATURE);
	}

	private static Course pick(List<Course> courses, CourseBlock block, SplittableRandom random) {
		List<Course> inBlock = courses.stream().filter(c -> c.block() == block).toList();
		return inBlock.get(random.nextInt(inBlock.size()));
	}

	private Map<String, Object> courseRow(String programmeId, Course course, SplittableRandom random) {
		List<Map<String, Object>> skills = new ArrayList<>();
		List<Map<String, Object>> knowledge = new ArrayList<>();
		int position = 0;
		double hours = 0;
		for (var teaching : course.teaches().entrySet()) {
			int code = teaching.getKey();
			double onPoint = course.hours().get(code);
			hours += onPoint;
			(PointPool.isSkill(code) ? skills : knowledge).add(Map.of("e", points.elementId(code), "level", teaching.getValue(),
					"hours", onPoint, "position", position++));
		}
		double courseHours = Math.max(32, Math.ceil(hours / 16) * 16);
		int semester = 1 + course.block().ordinal() + random.nextInt(3);
		return Rows.of("id", course.id(), "programmeId", programmeId, "name", BLOCK_NAMES[course.block().ordinal()]
				+ (course.position() + 1), "nameEn", "Course " + (course.position() + 1), "block", course.block().name(),
				"position", course.position(), "hours", courseHours, "credits", courseHours / 16, "semester", semester,
				"skills", skills, "knowledge", knowledge);
	}

	/** One training base per programme, serving its practice courses and supporting points they teach. */
	private Map<String, Object> trainingBase(int programme, List<Course> courses, SplittableRandom random) {
		List<Course> practice = courses.stream().filter(c -> c.block() == CourseBlock.PRACTICE_TRAINING).toList();
		Set<Integer> supported = new LinkedHashSet<>();
		practice.forEach(c -> c.teaches().keySet().stream().limit(3).forEach(supported::add));
		return pointRow(Rows.of("id", "tb-" + programme, "programmeId", ProvinceGenerator.programmeId(programme),
				"name", "实训基地" + programme, "nameEn", "Training base " + programme, "kind",
				BASE_KINDS[random.nextInt(BASE_KINDS.length)], "courseIds", practice.stream().map(Course::id).toList()),
				supported);
	}

	/** A textbook used in a course, covering up to six of the points it teaches. */
	private Map<String, Object> textbook(Course course, SplittableRandom random) {
		Set<Integer> covered = new LinkedHashSet<>();
		course.teaches().keySet().stream().limit(6).forEach(covered::add);
		return pointRow(Rows.of("id", "tbk-" + course.id(), "courseId", course.id(), "title", "活页教材 " + course.id(),
				"form", FORMS[random.nextInt(FORMS.length)], "editionDate", "2024-0" + (1 + random.nextInt(9)) + "-01",
				"editorNames", List.of("主编" + random.nextInt(100), "企业专家" + random.nextInt(100)),
				"editorAffiliations", List.of("COLLEGE", "ENTERPRISE"), "editorOrganisations", List.of("", "")), covered);
	}

	/** Adds the {@code skills} and {@code knowledge} id lists that {@link ProvinceGenerator#pointLinks} reads. */
	private Map<String, Object> pointRow(Map<String, Object> row, Set<Integer> codes) {
		List<Map<String, Object>> skills = new ArrayList<>();
		List<Map<String, Object>> knowledge = new ArrayList<>();
		for (int code : codes) {
			(PointPool.isSkill(code) ? skills : knowledge).add(Map.of("e", points.elementId(code)));
		}
		row.put("skills", skills);
		row.put("knowledge", knowledge);
		return row;
	}
}
