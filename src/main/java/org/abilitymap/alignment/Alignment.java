package org.abilitymap.alignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.abilitymap.alignment.Coverage.BlockShare;
import org.abilitymap.alignment.Coverage.JobShare;
import org.abilitymap.curriculum.Course;
import org.abilitymap.curriculum.ProgrammeDocument.CourseBlock;
import org.abilitymap.jobs.Job;
import org.abilitymap.jobs.ProficiencyLevel;
import org.abilitymap.points.Point;
import org.abilitymap.support.neo4j.Rows;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Answers the auditors' questions about a programme and a target: coverage, gaps, orphans and the curriculum
 * matrix. Every figure comes from one database query for any number of programmes; nothing loads the graph.
 */
@Service
public class Alignment {

	private final AlignmentRepository repository;

	Alignment(AlignmentRepository repository) {
		this.repository = repository;
	}

	/** One programme measured against one target. */
	public record Request(String programmeId, Target target) {

		Map<String, Object> parameters(int key) {
			return Rows.of("key", String.valueOf(key), "programmeId", programmeId, "jobIds", target.jobIds(),
					"certificateId", target.certificateId());
		}
	}

	/** Coverage for each request, in request order, from two queries in all. */
	public List<Coverage> coverage(List<Request> requests) {
		List<Map<String, Object>> parameters = parameters(requests);
		Map<String, Record> overall = new HashMap<>();
		repository.coverage(parameters).forEach(r -> overall.put(r.get("key").asString(), r));
		Map<String, List<JobShare>> byJob = new HashMap<>();
		repository.coverageByJob(parameters).forEach(r -> byJob.computeIfAbsent(r.get("key").asString(), k -> new ArrayList<>())
			.add(new JobShare(Job.of(r.get("job")), share(r, "required", "covered", "requiredWeight", "coveredWeight"))));
		List<Coverage> coverage = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			String key = String.valueOf(i);
			Record r = overall.get(key);
			Request request = requests.get(i);
			if (r == null) {
				coverage.add(new Coverage(request.programmeId(), request.target(), Share.NONE, Share.NONE, Share.NONE,
						blockShares(null, 0, 0), byJob.getOrDefault(key, List.of())));
				continue;
			}
			Share all = share(r, "required", "covered", "requiredWeight", "coveredWeight");
			Share skills = share(r, "skillRequired", "skillCovered", "skillRequiredWeight", "skillCoveredWeight");
			Share knowledge = new Share(all.required() - skills.required(), all.covered() - skills.covered(),
					all.requiredWeight() - skills.requiredWeight(), all.coveredWeight() - skills.coveredWeight());
			coverage.add(new Coverage(request.programmeId(), request.target(), all, skills, knowledge,
					blockShares(r, all.required(), all.requiredWeight()), byJob.getOrDefault(key, List.of())));
		}
		return coverage;
	}

	/** The gaps of one programme against one target, most important first. */
	public List<Gap> gaps(Request request) {
		return repository.gaps(parameters(List.of(request))).stream().map(r -> {
			int taught = r.get("taught").asInt();
			return new Gap(Point.of(r.get("point")), taught == 0 ? Gap.Kind.NOT_TAUGHT : Gap.Kind.BELOW_LEVEL,
					ProficiencyLevel.ofRank(r.get("level").asLong()), taught, r.get("importance").asInt(),
					r.get("jobs").asList(Job::of), r.get("closestCourse").isNull() ? null : Course.of(r.get("closestCourse")));
		}).toList();
	}

	/** The orphans of one programme against one target. */
	public List<Orphan> orphans(Request request) {
		return repository.orphans(parameters(List.of(request))).stream()
			.map(r -> new Orphan(Point.of(r.get("point")), r.get("taught").asInt(), r.get("courses").asList(
					(Value c) -> new Orphan.Teaching(Course.of(c.get("course")), c.get("level").asInt(),
							c.get("hours").isNull() ? null : c.get("hours").asDouble()))))
			.toList();
	}

	/** Courses × points of one programme, with the levels its target jobs require. */
	public CurriculumMatrix matrix(String programmeId) {
		AlignmentRepository.MatrixRows rows = repository.matrix(programmeId);
		Map<String, CurriculumMatrix.MatrixPoint> points = new LinkedHashMap<>();
		List<CurriculumMatrix.Cell> cells = new ArrayList<>();
		for (Record r : rows.cells()) {
			Point point = Point.of(r.get("point"));
			points.putIfAbsent(point.id(), new CurriculumMatrix.MatrixPoint(point, 0, 0));
			cells.add(new CurriculumMatrix.Cell(r.get("courseId").asString(), point.id(), r.get("level").asInt(),
					r.get("hours").isNull() ? null : r.get("hours").asDouble()));
		}
		for (Record r : rows.requirements()) {
			Point point = Point.of(r.get("point"));
			points.put(point.id(), new CurriculumMatrix.MatrixPoint(point, r.get("level").asInt(), r.get("importance").asInt()));
		}
		List<CurriculumMatrix.MatrixPoint> columns = new ArrayList<>(points.values());
		columns.sort(java.util.Comparator.comparing((CurriculumMatrix.MatrixPoint p) -> p.point().kind())
			.thenComparing(p -> p.point().name()));
		return new CurriculumMatrix(programmeId, rows.courses().stream().map(r -> Course.of(r.get("course"))).toList(),
				columns, cells);
	}

	private static List<Map<String, Object>> parameters(List<Request> requests) {
		List<Map<String, Object>> parameters = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			parameters.add(requests.get(i).parameters(i));
		}
		return parameters;
	}

	private static Share share(Record r, String required, String covered, String requiredWeight, String coveredWeight) {
		return new Share(r.get(required).asInt(), r.get(covered).asInt(), r.get(requiredWeight).asInt(),
				r.get(coveredWeight).asInt());
	}

	private static List<BlockShare> blockShares(Record r, int required, int requiredWeight) {
		List<BlockShare> shares = new ArrayList<>();
		for (CourseBlock block : CourseBlock.values()) {
			int covered = r == null ? 0 : r.get("covered_" + block.name()).asInt();
			int weight = r == null ? 0 : r.get("weight_" + block.name()).asInt();
			shares.add(new BlockShare(block.name(), new Share(required, covered, requiredWeight, weight)));
		}
		return shares;
	}
}
