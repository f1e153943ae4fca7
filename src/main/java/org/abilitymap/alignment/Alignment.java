package org.abilitymap.alignment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.neo4j.driver.types.MapAccessor;
import org.springframework.stereotype.Service;

/**
 * Answers the auditors' questions about a programme and a target: coverage, gaps, orphans and the curriculum
 * matrix. Every figure comes from one database query for any number of programmes; nothing loads the graph. Coverage
 * and gaps against a programme's own target jobs come from its stored snapshot ({@link AlignmentSnapshots}).
 */
@Service
public class Alignment {

	private final AlignmentRepository repository;

	private final AlignmentSnapshots snapshots;

	Alignment(AlignmentRepository repository, AlignmentSnapshots snapshots) {
		this.repository = repository;
		this.snapshots = snapshots;
	}

	/** One programme measured against one target. */
	public record Request(String programmeId, Target target) {

		Map<String, Object> parameters(int key) {
			return Rows.of("key", String.valueOf(key), "programmeId", programmeId, "jobIds", target.jobIds(),
					"certificateId", target.certificateId());
		}
	}

	/** A programme's coverage and gaps against its own target jobs; {@code known} is false for an unknown id. */
	public record ProgrammeAlignment(String programmeId, boolean known, Coverage coverage, List<Gap> gaps) {
	}

	/**
	 * Coverage and gaps of each programme against its own target jobs, read from their snapshots in one transaction
	 * (a second one computes and stores the snapshots that are missing).
	 */
	public Map<String, ProgrammeAlignment> ofProgrammes(Collection<String> programmeIds) {
		List<String> ids = List.copyOf(new LinkedHashSet<>(programmeIds));
		List<Record> rows = snapshots.read(ids);
		if (rows.stream().anyMatch(r -> r.get("known").asBoolean() && !r.get("stored").asBoolean())) {
			rows = snapshots.computeAndRead(ids, rows.stream()
				.filter(r -> r.get("present").asBoolean() && !r.get("stored").asBoolean())
				.map(r -> r.get("programmeId").asString())
				.toList());
		}
		Map<String, ProgrammeAlignment> alignments = new HashMap<>();
		for (Record r : rows) {
			String id = r.get("programmeId").asString();
			boolean known = r.get("known").asBoolean();
			List<JobShare> byJob = r.get("byJob").asList(Alignment::jobShare);
			Map<String, Job> jobs = new HashMap<>();
			byJob.forEach(share -> jobs.put(share.job().id(), share.job()));
			Coverage coverage = known ? coverage(id, Target.PROGRAMME_JOBS, r.get("totals"), byJob) : null;
			alignments.put(id, new ProgrammeAlignment(id, known, coverage, r.get("gaps")
				.asList(gap -> gap(gap, gap.get("jobIds").asList(jobId -> jobs.get(jobId.asString()))))));
		}
		return alignments;
	}

	/**
	 * Coverage for each request, in request order: from the snapshots for the programmes' own target jobs, from two
	 * queries in all for other targets.
	 */
	public List<Coverage> coverage(List<Request> requests) {
		Map<String, ProgrammeAlignment> stored = ofProgrammes(requests.stream()
			.filter(r -> r.target().kind() == Target.Kind.PROGRAMME_JOBS)
			.map(Request::programmeId)
			.toList());
		List<Request> live = requests.stream().filter(r -> r.target().kind() != Target.Kind.PROGRAMME_JOBS).toList();
		Map<Request, Coverage> computed = new HashMap<>();
		if (!live.isEmpty()) {
			List<Coverage> coverage = computeCoverage(live);
			for (int i = 0; i < live.size(); i++) {
				computed.put(live.get(i), coverage.get(i));
			}
		}
		return requests.stream().map(r -> r.target().kind() == Target.Kind.PROGRAMME_JOBS
				? Optional.ofNullable(stored.get(r.programmeId()).coverage())
					.orElseGet(() -> coverage(r.programmeId(), r.target(), null, List.of()))
				: computed.get(r)).toList();
	}

	/** Coverage for each request, in request order, computed by two queries in all, without snapshots. */
	List<Coverage> computeCoverage(List<Request> requests) {
		List<Map<String, Object>> parameters = parameters(requests);
		Map<String, Record> overall = new HashMap<>();
		repository.coverage(parameters).forEach(r -> overall.put(r.get("key").asString(), r));
		Map<String, List<JobShare>> byJob = new HashMap<>();
		repository.coverageByJob(parameters).forEach(r -> byJob.computeIfAbsent(r.get("key").asString(), k -> new ArrayList<>())
			.add(jobShare(r)));
		List<Coverage> coverage = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			String key = String.valueOf(i);
			Request request = requests.get(i);
			coverage.add(coverage(request.programmeId(), request.target(), overall.get(key),
					byJob.getOrDefault(key, List.of())));
		}
		return coverage;
	}

	/** The gaps of one programme against one target, most important first. */
	public List<Gap> gaps(Request request) {
		if (request.target().kind() == Target.Kind.PROGRAMME_JOBS) {
			return ofProgrammes(List.of(request.programmeId())).get(request.programmeId()).gaps();
		}
		return computeGaps(request);
	}

	/** The gaps of one programme against one target, computed without snapshots. */
	List<Gap> computeGaps(Request request) {
		return repository.gaps(parameters(List.of(request))).stream()
			.map(r -> gap(r, r.get("jobs").asList(Job::of)))
			.toList();
	}

	/** A coverage from a {@code COVERAGE} row (or a snapshot's totals); none when nothing is required. */
	private static Coverage coverage(String programmeId, Target target, MapAccessor totals, List<JobShare> byJob) {
		if (totals == null || totals instanceof Value value && value.isNull()) {
			return new Coverage(programmeId, target, Share.NONE, Share.NONE, Share.NONE, blockShares(null, 0, 0), byJob);
		}
		Share all = share(totals, "required", "covered", "requiredWeight", "coveredWeight");
		Share skills = share(totals, "skillRequired", "skillCovered", "skillRequiredWeight", "skillCoveredWeight");
		Share knowledge = new Share(all.required() - skills.required(), all.covered() - skills.covered(),
				all.requiredWeight() - skills.requiredWeight(), all.coveredWeight() - skills.coveredWeight());
		return new Coverage(programmeId, target, all, skills, knowledge,
				blockShares(totals, all.required(), all.requiredWeight()), byJob);
	}

	private static JobShare jobShare(MapAccessor r) {
		return new JobShare(Job.of(r.get("job")), share(r, "required", "covered", "requiredWeight", "coveredWeight"));
	}

	private static Gap gap(MapAccessor r, List<Job> jobs) {
		int taught = r.get("taught").asInt();
		return new Gap(Point.of(r.get("point")), taught == 0 ? Gap.Kind.NOT_TAUGHT : Gap.Kind.BELOW_LEVEL,
				ProficiencyLevel.ofRank(r.get("level").asLong()), taught, r.get("importance").asInt(), jobs,
				r.get("closestCourse").isNull() ? null : Course.of(r.get("closestCourse")));
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

	private static Share share(MapAccessor r, String required, String covered, String requiredWeight, String coveredWeight) {
		return new Share(r.get(required).asInt(), r.get(covered).asInt(), r.get(requiredWeight).asInt(),
				r.get(coveredWeight).asInt());
	}

	private static List<BlockShare> blockShares(MapAccessor r, int required, int requiredWeight) {
		List<BlockShare> shares = new ArrayList<>();
		for (CourseBlock block : CourseBlock.values()) {
			int covered = r == null ? 0 : r.get("covered_" + block.name()).asInt();
			int weight = r == null ? 0 : r.get("weight_" + block.name()).asInt();
			shares.add(new BlockShare(block.name(), new Share(required, covered, requiredWeight, weight)));
		}
		return shares;
	}
}
