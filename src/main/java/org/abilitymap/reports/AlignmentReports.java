package org.abilitymap.reports;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.abilitymap.alignment.Alignment;
import org.abilitymap.alignment.AlignmentTargets;
import org.abilitymap.alignment.Coverage;
import org.abilitymap.alignment.CurriculumMatrix;
import org.abilitymap.alignment.Gap;
import org.abilitymap.alignment.Orphan;
import org.abilitymap.alignment.Target;
import org.abilitymap.curriculum.Programme;
import org.abilitymap.curriculum.ProgrammeLookup;
import org.abilitymap.imports.Progress;
import org.abilitymap.support.graphql.InvalidArgumentException;
import org.springframework.stereotype.Service;

/** Gathers the figures of the matrix and alignment reports from the {@link Alignment} service, ready to write. */
@Service
class AlignmentReports {

	/** Queries one alignment report makes: names, coverage, gaps, orphans, matrix. */
	static final int ALIGNMENT_STEPS = 5;

	private final Alignment alignment;

	private final AlignmentTargets targets;

	private final ProgrammeLookup programmes;

	private final ReportRepository repository;

	private final Clock clock = Clock.systemDefaultZone();

	AlignmentReports(Alignment alignment, AlignmentTargets targets, ProgrammeLookup programmes,
			ReportRepository repository) {
		this.alignment = alignment;
		this.targets = targets;
		this.programmes = programmes;
		this.repository = repository;
	}

	/**
	 * The programme with this id, or else the one programme with this code (专业代码).
	 *
	 * @throws InvalidArgumentException naming {@code argument} when several programmes share the code
	 */
	Optional<Programme> programme(String idOrCode, String argument) {
		Programme byId = programmes.byIds(List.of(idOrCode)).get(idOrCode);
		if (byId != null) {
			return Optional.of(byId);
		}
		List<Programme> byCode = repository.programmesByCode(idOrCode);
		if (byCode.size() > 1) {
			throw new InvalidArgumentException(argument, "Code '" + idOrCode + "' belongs to " + byCode.size()
					+ " programmes (" + String.join(", ", byCode.stream().map(Programme::id).toList())
					+ "); give the programme's id instead.");
		}
		return byCode.stream().findFirst();
	}

	/** The target chosen by at most one of the three; see {@link AlignmentTargets#resolve}. */
	Target target(List<String> jobIds, String jobGroupId, String certificateId, AlignmentTargets.ArgumentNames names) {
		return targets.resolve(jobIds, jobGroupId, certificateId, names);
	}

	MatrixReport matrix(Programme programme, Progress progress) {
		progress.begin("reading", 2);
		ReportRepository.Names names = repository.names(programme.id(), AlignmentTargets.programmeJobs());
		progress.advance(1);
		CurriculumMatrix matrix = alignment.matrix(programme.id());
		progress.advance(1);
		return new MatrixReport(programme, names.school(), names.programmeJobs(), now(), matrix);
	}

	AlignmentReport alignment(Programme programme, Target target, Progress progress) {
		progress.begin("reading", ALIGNMENT_STEPS);
		ReportRepository.Names names = repository.names(programme.id(), target);
		progress.advance(1);
		Alignment.Request request = new Alignment.Request(programme.id(), target);
		Coverage coverage = alignment.coverage(List.of(request)).get(0);
		progress.advance(1);
		List<Gap> gaps = alignment.gaps(request);
		progress.advance(1);
		List<Orphan> orphans = alignment.orphans(request);
		progress.advance(1);
		CurriculumMatrix matrix = alignment.matrix(programme.id());
		progress.advance(1);
		MatrixReport matrixReport = new MatrixReport(programme, names.school(), names.programmeJobs(), now(), matrix);
		List<Named> targetJobs = target.kind() == Target.Kind.PROGRAMME_JOBS ? names.programmeJobs() : names.jobs();
		return new AlignmentReport(matrixReport, target, targetJobs, names.group(), names.certificate(), coverage, gaps,
				orphans);
	}

	private ZonedDateTime now() {
		return ZonedDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
	}
}
