package org.abilitymap.esco;

import org.abilitymap.accounts.Allowed;
import org.abilitymap.accounts.Operation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.esco.EscoRepository.ConceptStatements;
import org.abilitymap.esco.EscoRepository.LabelsInUse;
import org.abilitymap.esco.EscoRepository.Link;
import org.abilitymap.esco.EscoRepository.LinkBatches;
import org.abilitymap.esco.EscoRepository.LinkType;
import org.abilitymap.esco.EscoRepository.LinkWrite;
import org.abilitymap.esco.EscoRepository.Nodes;
import org.abilitymap.esco.EscoDataset.Occupation;
import org.abilitymap.esco.EscoDataset.Skill;
import org.abilitymap.esco.EscoDataset.SkillGroup;
import org.abilitymap.imports.ImportFormat;
import org.abilitymap.imports.Progress;
import org.abilitymap.imports.StagedImports;
import org.abilitymap.points.PointKind;
import org.abilitymap.points.PointNames;
import org.abilitymap.support.neo4j.ConcurrentWrites;
import org.abilitymap.support.neo4j.ConcurrentWrites.Outcome;
import org.abilitymap.support.neo4j.Graph;
import org.abilitymap.support.neo4j.Rows;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The {@code esco} import format: ESCO's CSV download (occupations, skills and knowledge, the skill hierarchy, the
 * occupation–skill relations) read and checked in full, and written merged on concept URI: new concepts staged,
 * unseen by readers, while the files of links are still being read, then the links between them, in several
 * transactions at once; then one last transaction publishes them and makes every change that touches what was there.
 * On a problem in the files or a failure what was staged is removed, and after a crash the next start removes it
 * ({@link StagedImports}).
 */
@Component("esco")
public class EscoImport implements ImportFormat {

	private static final Logger log = LoggerFactory.getLogger(EscoImport.class);

	private final Graph graph;

	private final EscoRepository repository;

	private final StagedImports staged;

	/** How many write transactions run at once. */
	private final int writers;

	@Autowired
	EscoImport(Graph graph, EscoRepository repository, StagedImports staged) {
		this(graph, repository, staged, ConcurrentWrites.defaultWriters());
	}

	EscoImport(Graph graph, EscoRepository repository, StagedImports staged, int writers) {
		this.graph = graph;
		this.repository = repository;
		this.staged = staged;
		this.writers = writers;
	}

	/**
	 * What an import wrote (or found already there: a second import reports the same figures and changes nothing).
	 *
	 * @param adoptedOccupations catalogue occupations with the same URI that became the ESCO ones in this import
	 * @param adoptedPoints existing points of the same kind and name key that became ESCO concepts in this import
	 */
	public record Result(String version, int occupations, int skills, int knowledge, int skillGroups, int broader,
			int essential, int optional, int skippedRelations, int skippedBroader, long adoptedOccupations,
			long adoptedPoints, List<String> missingFiles) {

		/** One line for a person. */
		public String summary() {
			String text = String.format(Locale.ROOT, "ESCO%s: %,d occupations, %,d skills, %,d knowledge, %,d skill "
					+ "groups, %,d broader links, %,d occupation–skill relations (%,d essential, %,d optional)",
					version == null ? "" : " v" + version, occupations, skills, knowledge, skillGroups, broader,
					essential + optional, essential, optional);
			if (adoptedOccupations + adoptedPoints > 0) {
				text += String.format(Locale.ROOT, "; %,d catalogue occupations and %,d points linked by URI or name",
						adoptedOccupations, adoptedPoints);
			}
			if (skippedRelations + skippedBroader > 0) {
				text += String.format(Locale.ROOT, "; left out %,d relations and %,d broader links naming concepts "
						+ "that are not in the files", skippedRelations, skippedBroader);
			}
			if (!missingFiles.isEmpty()) {
				text += "; not found: " + String.join(", ", missingFiles);
			}
			return text;
		}
	}

	@Override
	public String name() {
		return "esco";
	}

	@Override
	public String description() {
		return "ESCO classification CSV zip (relations zip beside it) or a folder of ESCO CSVs";
	}

	@Override
	public boolean recognises(Path path) {
		return EscoSources.recognises(path);
	}

	@Override
	@Allowed(Operation.IMPORT_REFERENCE_DATA)
	public String importFrom(Path path, Progress progress) throws IOException {
		return importEsco(path, progress).summary();
	}

	/**
	 * Reads, checks and writes ESCO from a zip (with the relations zip ESCO publishes beside it) or a folder. The new
	 * concepts are staged on a second thread as soon as the files of concepts are read, while the files of links are
	 * still being read; should those have problems, what was staged is removed again.
	 *
	 * @throws InvalidDocumentException with every problem located by file, line and column; nothing is written then
	 * @throws RuntimeException when writing fails; readers never saw any of it, and what the import had staged is
	 *     removed again first
	 */
	@Allowed(Operation.IMPORT_REFERENCE_DATA)
	public Result importEsco(Path path, Progress progress) throws IOException {
		String source = path.getFileName().toString();
		Progress shared = Progress.shared(progress);
		AtomicReference<ConceptStaging> early = new AtomicReference<>();
		EscoDataset dataset;
		try (EscoSources sources = EscoSources.at(path)) {
			String version = sources.version().orElse(null);
			EscoReader.Read read = EscoReader.read(sources, progress,
					concepts -> early.set(new ConceptStaging(concepts, version, source, shared)));
			if (!read.problems().isEmpty()) {
				throw new InvalidDocumentException(read.problems());
			}
			dataset = read.dataset();
		}
		catch (IOException | RuntimeException failure) {
			if (early.get() != null) {
				early.get().withdraw(failure);
			}
			throw failure;
		}
		if (early.get() == null) {
			throw new IllegalStateException("The ESCO files were read without problems, but their concepts never were");
		}
		return linkAndPublish(dataset, early.get().staged(), shared);
	}

	/** What staging the concepts left for the rest of the import: the run, what matched and what was created. */
	private record Staged(StagedImports.Run run, Matches matches, List<Concepts> concepts, int occupations,
			Map<PointKind, List<Map<String, Object>>> points, int groups) {
	}

	/**
	 * The new concepts staged on a thread of its own (acting as whoever imports), begun as soon as the files of
	 * concepts are read: the run begins, the graph is matched, the new concepts are staged. Its progress is counted
	 * while the files are still being read and shown once they are.
	 */
	private final class ConceptStaging {

		private final AtomicBoolean withdrawn = new AtomicBoolean();

		private final LaterProgress progress;

		private final CompletableFuture<Staged> done = new CompletableFuture<>();

		ConceptStaging(EscoReader.Concepts concepts, String version, String source, Progress progress) {
			this.progress = new LaterProgress(progress);
			Runnable work = () -> {
				try {
					done.complete(graph.unjournalled(() -> stage(concepts, version, source)));
				}
				catch (Throwable failure) {
					done.completeExceptionally(failure);
				}
			};
			Thread thread = new Thread(DelegatingSecurityContextRunnable.create(work, SecurityContextHolder.getContext()),
					"esco-staging");
			thread.setDaemon(true);
			thread.start();
		}

		private Staged stage(EscoReader.Concepts read, String version, String source) {
			List<Map<String, Object>> occupations = read.occupations().stream().map(EscoImport::occupationRow).toList();
			Map<PointKind, List<Map<String, Object>>> points = new EnumMap<>(PointKind.class);
			for (PointKind kind : PointKind.values()) {
				points.put(kind, read.skills().stream().filter(s -> s.kind() == kind).map(EscoImport::pointRow).toList());
			}
			List<Map<String, Object>> groups = read.skillGroups().stream().map(EscoImport::groupRow).toList();
			String createdIn = version == null ? "ESCO" : "ESCO v" + version;
			List<Concepts> concepts = new ArrayList<>();
			concepts.add(new Concepts(repository.occupations(), occupations));
			for (PointKind kind : PointKind.values()) {
				concepts.add(new Concepts(repository.points(kind, createdIn), points.get(kind)));
			}
			concepts.add(new Concepts(repository.skillGroups(), groups));
			// The run begins first: what an abandoned one staged is removed before the graph is matched.
			StagedImports.Run run = staged.begin("ESCO", EscoRepository.stagedLabels(), source);
			try {
				progress.begin("matching the graph", -1);
				// A write transaction although it only reads: in a cluster it then runs on the leader, which has
				// every write the import could collide with, not on a follower that may lag behind.
				Matches matches = graph.writeUnjournalled(tx -> match(tx, read, points));
				stageConcepts(concepts, matches.nodes(), progress, withdrawn);
				return new Staged(run, matches, concepts, occupations.size(), points, groups.size());
			}
			catch (RuntimeException failure) {
				abandon(run, failure, progress);
				run.close();
				throw failure;
			}
		}

		/** What was staged, once it is; shows the progress from then on, and rethrows a failure (already undone). */
		Staged staged() {
			progress.show();
			try {
				return done.join();
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof RuntimeException failure) {
					throw failure;
				}
				if (ex.getCause() instanceof Error error) {
					throw error;
				}
				throw ex;
			}
		}

		/** The files have problems: stops staging, waits for it and removes what it staged. */
		void withdraw(Exception reason) {
			withdrawn.set(true);
			try {
				Staged staged = done.join();
				abandon(staged.run(), reason instanceof RuntimeException r ? r : new IllegalStateException(reason),
						Progress.NONE);
				staged.run().close();
			}
			catch (CompletionException | CancellationException ex) {
				// Staging failed or stopped, and removed what it had staged itself.
				log.debug("Staging the ESCO concepts stopped: {}", ex.getCause() == null ? ex : ex.getCause());
			}
		}
	}

	/** A progress that keeps count while the files are still being read and shows its phase once they are. */
	private static final class LaterProgress implements Progress {

		private final Progress target;

		private String phase;

		private long total;

		private long done;

		private boolean shown;

		LaterProgress(Progress target) {
			this.target = target;
		}

		@Override
		public synchronized void begin(String phase, long total) {
			this.phase = phase;
			this.total = total;
			this.done = 0;
			if (shown) {
				target.begin(phase, total);
			}
		}

		@Override
		public synchronized void advance(long units) {
			done += units;
			if (shown) {
				target.advance(units);
			}
		}

		synchronized void show() {
			if (!shown) {
				shown = true;
				if (phase != null) {
					target.begin(phase, total);
					target.advance(done);
				}
			}
		}
	}

	/** Stages the links between new concepts, then publishes; on a failure removes everything the import staged. */
	private Result linkAndPublish(EscoDataset dataset, Staged staged, Progress progress) {
		try (StagedImports.Run run = staged.run()) {
			try {
				Nodes nodes = staged.matches().nodes();
				// Links name their ends by element id, so they are put together once every new concept has one.
				List<LinkBatches> links = new ArrayList<>();
				links.addAll(EscoRepository.linkBatches(LinkType.BROADER, dataset.broader().stream()
					.map(b -> new Link(b.uri(), b.broaderUri(), null)).toList(), nodes));
				links.addAll(EscoRepository.linkBatches(LinkType.OCCUPATION_SKILL, dataset.occupationSkills()
					.stream()
					.map(r -> new Link(r.occupationUri(), r.skillUri(), r.relationType()))
					.toList(), nodes));
				// Staging is not the import being done, for the audit trail: publishing is.
				graph.unjournalled(() -> {
					stageLinks(links.stream().filter(l -> l.write() == LinkWrite.STAGED).toList(), progress);
					return null;
				});
				publish(run, staged.matches(), staged.concepts(),
						links.stream().filter(l -> l.write() != LinkWrite.STAGED).toList(), progress);
				return result(dataset, staged.occupations(), staged.points(), staged.groups(), staged.matches());
			}
			catch (RuntimeException failure) {
				abandon(run, failure, progress);
				throw failure;
			}
		}
	}

	private static Result result(EscoDataset dataset, int occupations, Map<PointKind, List<Map<String, Object>>> points,
			int groups, Matches matches) {
		int essential = (int) dataset.occupationSkills().stream().filter(r -> r.relationType().equals("essential")).count();
		return new Result(dataset.version(), occupations, points.get(PointKind.SKILL).size(),
				points.get(PointKind.KNOWLEDGE).size(), groups, dataset.broader().size(), essential,
				dataset.occupationSkills().size() - essential, dataset.skippedRelations(), dataset.skippedBroader(),
				matches.adoptedOccupations().size(), matches.adoptedPoints().size(), dataset.missingFiles());
	}

	/** What the graph holds of an import before anything is written, and which existing nodes it takes over. */
	private record Matches(Map<String, String> adoptedOccupations, Map<String, String> adoptedPoints, Nodes nodes) {
	}

	/** The rows of one kind of concept with the statements that write them. */
	private record Concepts(ConceptStatements statements, List<Map<String, Object>> rows) {
	}

	/** Finds, in one transaction, the concepts already there and the nodes to adopt; labels nobody holds are skipped. */
	private Matches match(TransactionContext tx, EscoReader.Concepts dataset,
			Map<PointKind, List<Map<String, Object>>> points) {
		LabelsInUse labels = repository.labelsInUse(tx);
		Map<String, String> adoptedOccupations = labels.occupations() ? repository.adoptableCatalogueOccupations(tx,
				dataset.occupations().stream().map(Occupation::uri).toList()) : Map.of();
		Map<String, String> adoptedPoints = new LinkedHashMap<>();
		for (PointKind kind : PointKind.values()) {
			if (labels.points(kind)) {
				adoptedPoints.putAll(repository.adoptablePoints(tx, kind, points.get(kind)));
			}
		}
		Map<String, String> found = new HashMap<>();
		if (labels.concepts()) {
			List<String> uris = new ArrayList<>();
			dataset.occupations().forEach(o -> uris.add(o.uri()));
			dataset.skills().forEach(s -> uris.add(s.uri()));
			dataset.skillGroups().forEach(g -> uris.add(g.uri()));
			found.putAll(repository.nodesInGraph(tx, uris));
		}
		found.putAll(adoptedOccupations);
		found.putAll(adoptedPoints);
		Nodes nodes = Nodes.existing(found);
		for (PointKind kind : PointKind.values()) {
			if (labels.points(kind)) {
				keepNameKeysFree(tx, kind, points.get(kind), nodes);
			}
		}
		return new Matches(adoptedOccupations, adoptedPoints, nodes);
	}

	/**
	 * New concepts, staged, a few thousand per transaction, several transactions at once; their element ids join
	 * {@code nodes}.
	 */
	private void stageConcepts(List<Concepts> concepts, Nodes nodes, Progress progress, AtomicBoolean withdrawn) {
		List<TransactionCallback<Map<String, String>>> units = new ArrayList<>();
		long total = 0;
		for (Concepts kind : concepts) {
			List<Map<String, Object>> fresh = kind.rows().stream().filter(r -> !nodes.existed((String) r.get("uri"))).toList();
			total += fresh.size();
			for (List<Map<String, Object>> part : EscoRepository.chunks(fresh, EscoRepository.CONCEPTS_PER_TRANSACTION)) {
				units.add(tx -> {
					if (withdrawn.get()) {
						throw new CancellationException("The ESCO files have problems; the import stops");
					}
					return repository.create(tx, kind.statements(), part, progress::advance);
				});
			}
		}
		progress.begin("new concepts", total);
		Outcome<Map<String, String>> outcome = ConcurrentWrites.run(graph, units, writers, "esco-writer");
		for (Map<String, String> ids : outcome.committed()) {
			nodes.ids().putAll(ids);
		}
		if (outcome.failed()) {
			throw outcome.failure();
		}
	}

	/**
	 * Links between two new concepts cannot be there yet: created, staged with their ends, about twenty thousand per
	 * transaction, several at once.
	 */
	private void stageLinks(List<LinkBatches> links, Progress progress) {
		List<TransactionCallback<Boolean>> units = new ArrayList<>();
		for (LinkBatches type : links) {
			for (LinkBatches part : type.split(EscoRepository.LINKS_PER_TRANSACTION)) {
				units.add(tx -> {
					repository.writeLinks(tx, part, progress::advance);
					return true;
				});
			}
		}
		progress.begin("new links", links.stream().mapToInt(LinkBatches::links).sum());
		Outcome<Boolean> outcome = ConcurrentWrites.run(graph, units, writers, "esco-writer");
		if (outcome.failed()) {
			throw outcome.failure();
		}
	}

	/**
	 * The one transaction that makes the import visible: it publishes the staged concepts (their links among each
	 * other with them), creates the links between a new concept and one that was there, and makes every change to
	 * what was there (adoptions, updated concepts, links between two of them merged). It commits only when everything
	 * staged did, and readers see all of the import or none of it.
	 */
	private void publish(StagedImports.Run run, Matches matches, List<Concepts> concepts, List<LinkBatches> links,
			Progress progress) {
		Nodes nodes = matches.nodes();
		progress.begin("publishing", nodes.existing().size() + links.stream().mapToInt(LinkBatches::links).sum());
		graph.write(tx -> {
			repository.adopt(tx, matches.adoptedOccupations());
			repository.adopt(tx, matches.adoptedPoints());
			for (Concepts kind : concepts) {
				List<Map<String, Object>> known = kind.rows().stream().filter(r -> nodes.existed((String) r.get("uri"))).toList();
				repository.update(tx, kind.statements(), known);
				progress.advance(known.size());
			}
			repository.publish(tx);
			for (LinkBatches type : links) {
				repository.writeLinks(tx, type, progress::advance);
			}
			run.endIn(tx);
			return true;
		});
	}

	/**
	 * After a failure, removes what the import had staged (and with it every link it made, since each has a staged
	 * end). Nobody saw any of it; should the removal fail too, the next start removes it.
	 */
	private void abandon(StagedImports.Run run, RuntimeException failure, Progress progress) {
		progress.begin("removing what this import staged", -1);
		try {
			long removed = run.abandon();
			log.warn("The ESCO import failed; the {} concepts it had staged, which no reader saw, were removed", removed);
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
			log.error("The ESCO import failed, and removing what it had staged failed too; no reader sees it, and the "
					+ "next start removes it", ex);
		}
	}

	/**
	 * A new ESCO point takes its name key only when no point of its kind holds it yet (the key is unique per kind):
	 * an adopted point already is that concept, and a key held by another ESCO concept (possible across versions)
	 * leaves the new point without one.
	 */
	private void keepNameKeysFree(TransactionContext tx, PointKind kind, List<Map<String, Object>> rows, Nodes nodes) {
		List<Map<String, Object>> fresh = rows.stream().filter(r -> !nodes.existed((String) r.get("uri"))).toList();
		Set<String> held = new HashSet<>(repository.nameKeysInGraph(tx, kind,
				fresh.stream().map(r -> (String) r.get("nameKey")).toList()));
		for (Map<String, Object> row : fresh) {
			if (!held.add((String) row.get("nameKey"))) {
				row.put("nameKey", null);
			}
		}
	}

	private static Map<String, Object> occupationRow(Occupation o) {
		return Rows.of("uri", o.uri(), "id", EscoDataset.idOf(o.uri()), "preferredLabel", o.preferredLabel(),
				"altLabels", o.altLabels(), "iscoGroup", o.iscoGroup(), "code", o.code(), "description", o.description());
	}

	private static Map<String, Object> pointRow(Skill s) {
		return Rows.of("uri", s.uri(), "id", EscoDataset.idOf(s.uri()), "preferredLabel", s.preferredLabel(),
				"nameKey", PointNames.key(s.preferredLabel()), "altLabels", s.altLabels(), "skillType", s.skillType(),
				"reuseLevel", s.reuseLevel(), "description", s.description());
	}

	private static Map<String, Object> groupRow(SkillGroup g) {
		return Rows.of("uri", g.uri(), "id", EscoDataset.idOf(g.uri()), "preferredLabel", g.preferredLabel(),
				"altLabels", g.altLabels(), "code", g.code(), "description", g.description());
	}
}
