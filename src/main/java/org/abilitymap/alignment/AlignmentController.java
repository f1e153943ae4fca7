package org.abilitymap.alignment;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.abilitymap.alignment.Alignment.ProgrammeAlignment;
import org.abilitymap.curriculum.Programme;
import org.abilitymap.curriculum.ProgrammeLookup;
import org.abilitymap.support.graphql.Batches;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL for the alignment questions: coverage, gaps, orphans, trace and the curriculum matrix. */
@Controller
class AlignmentController {

	private final Alignment alignment;

	private final TraceRepository traces;

	private final ProgrammeLookup programmes;

	private final AlignmentTargets targets;

	AlignmentController(Alignment alignment, TraceRepository traces, ProgrammeLookup programmes,
			AlignmentTargets targets, BatchLoaderRegistry loaders) {
		this.alignment = alignment;
		this.traces = traces;
		this.programmes = programmes;
		this.targets = targets;
		// coverage and gaps of the same programmes in one request are read together, in one transaction
		loaders.forTypePair(String.class, ProgrammeAlignment.class)
			.registerMappedBatchLoader((ids, environment) -> Mono.fromCallable(() -> alignment.ofProgrammes(ids)));
	}

	/** The {@code AlignmentTarget} argument. */
	record AlignmentTarget(List<String> jobIds, String jobGroupId, String certificateId) {
	}

	@QueryMapping
	CompletableFuture<Coverage> coverage(@Argument String programId, @Argument AlignmentTarget target,
			DataLoader<String, ProgrammeAlignment> programmeAlignments) {
		Target resolved = resolve(target);
		if (resolved.kind() == Target.Kind.PROGRAMME_JOBS) {
			return programmeAlignments.load(programId).thenApply(ProgrammeAlignment::coverage);
		}
		return CompletableFuture.completedFuture(programmes.exists(programId)
				? alignment.coverage(List.of(new Alignment.Request(programId, resolved))).get(0) : null);
	}

	@QueryMapping
	CompletableFuture<List<Gap>> gaps(@Argument String programId, @Argument AlignmentTarget target,
			DataLoader<String, ProgrammeAlignment> programmeAlignments) {
		Target resolved = resolve(target);
		if (resolved.kind() == Target.Kind.PROGRAMME_JOBS) {
			return programmeAlignments.load(programId).thenApply(ProgrammeAlignment::gaps);
		}
		return CompletableFuture.completedFuture(programmes.exists(programId)
				? alignment.gaps(new Alignment.Request(programId, resolved)) : List.of());
	}

	@QueryMapping
	List<Orphan> orphans(@Argument String programId, @Argument AlignmentTarget target) {
		return programmes.exists(programId) ? alignment.orphans(new Alignment.Request(programId, resolve(target)))
				: List.of();
	}

	@QueryMapping
	Trace trace(@Argument String pointId, @Argument String programId) {
		return traces.trace(pointId, programId).orElse(null);
	}

	@QueryMapping
	CurriculumMatrix curriculumMatrix(@Argument String programId) {
		return programmes.exists(programId) ? alignment.matrix(programId) : null;
	}

	/** Coverage of each programme's own target jobs, for a whole list of programmes in two queries. */
	@BatchMapping(typeName = "Programme")
	List<Coverage> coverage(List<Programme> sources) {
		return alignment.coverage(sources.stream()
			.map(p -> new Alignment.Request(p.id(), Target.PROGRAMME_JOBS))
			.toList());
	}

	@BatchMapping(typeName = "Coverage")
	List<Programme> programme(List<Coverage> sources) {
		return Batches.singles(sources, Coverage::programmeId,
				programmes.byIds(Batches.keys(sources, Coverage::programmeId)));
	}

	@BatchMapping(typeName = "CurriculumMatrix", field = "programme")
	List<Programme> matrixProgramme(List<CurriculumMatrix> sources) {
		return Batches.singles(sources, CurriculumMatrix::programmeId,
				programmes.byIds(Batches.keys(sources, CurriculumMatrix::programmeId)));
	}

	/** Turns the argument into a target, checking that at most one kind is given and that it exists. */
	private Target resolve(AlignmentTarget target) {
		return target == null ? Target.PROGRAMME_JOBS
				: targets.resolve(target.jobIds(), target.jobGroupId(), target.certificateId(),
						AlignmentTargets.ArgumentNames.GRAPHQL);
	}
}
