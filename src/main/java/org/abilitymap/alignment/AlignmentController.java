package org.abilitymap.alignment;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.abilitymap.alignment.Alignment.ProgrammeAlignment;
import org.abilitymap.curriculum.Programme;
import org.abilitymap.curriculum.ProgrammeLookup;
import org.abilitymap.support.graphql.Batches;
import org.abilitymap.support.graphql.InvalidArgumentException;
import org.abilitymap.support.neo4j.Graph;
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

	private static final String JOBS_OF_GROUP = "MATCH (:JobGroup {id: $id})<-[:IN_GROUP]-(j:Job) RETURN j.id AS id";

	private static final String EXISTS = """
			OPTIONAL MATCH (g:JobGroup {id: $groupId})
			OPTIONAL MATCH (c:Certificate {id: $certificateId})
			RETURN g IS NOT NULL AS group, c IS NOT NULL AS certificate
			""";

	private final Alignment alignment;

	private final TraceRepository traces;

	private final ProgrammeLookup programmes;

	private final Graph graph;

	AlignmentController(Alignment alignment, TraceRepository traces, ProgrammeLookup programmes, Graph graph,
			BatchLoaderRegistry loaders) {
		this.alignment = alignment;
		this.traces = traces;
		this.programmes = programmes;
		this.graph = graph;
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

	/** Turns the argument into a target, checking that exactly one kind is given and that it exists. */
	private Target resolve(AlignmentTarget target) {
		if (target == null || (target.jobIds() == null && target.jobGroupId() == null && target.certificateId() == null)) {
			return Target.PROGRAMME_JOBS;
		}
		int given = (target.jobIds() == null ? 0 : 1) + (target.jobGroupId() == null ? 0 : 1)
				+ (target.certificateId() == null ? 0 : 1);
		if (given > 1) {
			throw new InvalidArgumentException("target", "Give only one of 'jobIds', 'jobGroupId' or 'certificateId'.");
		}
		if (target.jobIds() != null) {
			return new Target(Target.Kind.JOBS, target.jobIds(), null, null);
		}
		var exists = graph.queryOne(EXISTS, org.abilitymap.support.neo4j.Rows.of("groupId", target.jobGroupId(),
				"certificateId", target.certificateId()), r -> r).orElseThrow();
		if (target.jobGroupId() != null) {
			if (!exists.get("group").asBoolean()) {
				throw new InvalidArgumentException("target.jobGroupId",
						"There is no job group with id '" + target.jobGroupId() + "'.");
			}
			List<String> jobs = graph.query(JOBS_OF_GROUP, Map.of("id", target.jobGroupId()), r -> r.get("id").asString());
			return new Target(Target.Kind.JOB_GROUP, jobs, target.jobGroupId(), null);
		}
		if (!exists.get("certificate").asBoolean()) {
			throw new InvalidArgumentException("target.certificateId",
					"There is no certificate with id '" + target.certificateId() + "'.");
		}
		return new Target(Target.Kind.CERTIFICATE, null, null, target.certificateId());
	}
}
