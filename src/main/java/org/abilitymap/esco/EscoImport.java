package org.abilitymap.esco;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.esco.EscoRepository.Link;
import org.abilitymap.esco.EscoRepository.Nodes;
import org.abilitymap.esco.EscoDataset.Occupation;
import org.abilitymap.esco.EscoDataset.Skill;
import org.abilitymap.esco.EscoDataset.SkillGroup;
import org.abilitymap.imports.ImportFormat;
import org.abilitymap.imports.Progress;
import org.abilitymap.points.PointKind;
import org.abilitymap.points.PointNames;
import org.abilitymap.support.neo4j.Graph;
import org.abilitymap.support.neo4j.Rows;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code esco} import format: ESCO's CSV download (occupations, skills and knowledge, the skill hierarchy, the
 * occupation–skill relations) read and checked in full first, then written in one transaction, merged on concept URI.
 */
@Component("esco")
public class EscoImport implements ImportFormat {

	private static final Logger log = LoggerFactory.getLogger(EscoImport.class);

	private final Graph graph;

	private final EscoRepository repository;

	EscoImport(Graph graph, EscoRepository repository) {
		this.graph = graph;
		this.repository = repository;
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
	public String importFrom(Path path, Progress progress) throws IOException {
		return importEsco(path, progress).summary();
	}

	/**
	 * Reads, checks and writes ESCO from a zip (with the relations zip ESCO publishes beside it) or a folder.
	 *
	 * @throws InvalidDocumentException with every problem located by file, line and column; nothing is written then
	 */
	public Result importEsco(Path path, Progress progress) throws IOException {
		Rehearsal rehearsal = Rehearsal.start(graph, repository);
		EscoDataset dataset;
		try (EscoSources sources = EscoSources.at(path)) {
			EscoReader.Read read = EscoReader.read(sources, progress);
			if (!read.problems().isEmpty()) {
				throw new InvalidDocumentException(read.problems());
			}
			dataset = read.dataset();
			progress.begin("matching the graph", -1);
		}
		finally {
			rehearsal.finish();
		}
		return graph.write(tx -> write(tx, dataset, progress));
	}

	/**
	 * The import's statements run once with no rows on a second thread, in a transaction that is rolled back, while
	 * the first reads the files: planning them in a cold JVM takes about as long as reading, and the two overlap.
	 */
	private static final class Rehearsal {

		private final AtomicBoolean enough = new AtomicBoolean();

		private final CompletableFuture<Void> done;

		private Rehearsal(Graph graph, EscoRepository repository) {
			this.done = CompletableFuture.runAsync(() -> {
				long started = System.nanoTime();
				graph.rehearse(tx -> repository.rehearse(tx, enough::get));
				log.debug("Rehearsed the ESCO statements in {} ms{}", (System.nanoTime() - started) / 1_000_000,
						enough.get() ? ", stopped when the files were read" : "");
			}, work -> {
				Thread thread = new Thread(work, "esco-rehearsal");
				thread.setDaemon(true);
				thread.start();
			});
		}

		static Rehearsal start(Graph graph, EscoRepository repository) {
			return new Rehearsal(graph, repository);
		}

		/** Lets the statement being planned finish and skips the rest; a failed rehearsal only costs its time. */
		void finish() {
			enough.set(true);
			try {
				done.join();
			}
			catch (CompletionException | CancellationException ex) {
				log.debug("Rehearsing the ESCO statements failed; they are planned when first used", ex);
			}
		}
	}

	private Result write(TransactionContext tx, EscoDataset dataset, Progress progress) {
		List<Map<String, Object>> occupations = dataset.occupations().stream().map(EscoImport::occupationRow).toList();
		Map<PointKind, List<Map<String, Object>>> points = new EnumMap<>(PointKind.class);
		for (PointKind kind : PointKind.values()) {
			points.put(kind, dataset.skills().stream().filter(s -> s.kind() == kind).map(EscoImport::pointRow).toList());
		}
		List<Map<String, Object>> groups = dataset.skillGroups().stream().map(EscoImport::groupRow).toList();
		long adoptedOccupations = repository.adoptCatalogueOccupations(tx,
				dataset.occupations().stream().map(Occupation::uri).toList());
		long adoptedPoints = 0;
		for (PointKind kind : PointKind.values()) {
			adoptedPoints += repository.adoptPoints(tx, kind, points.get(kind));
		}
		List<String> uris = new ArrayList<>();
		dataset.occupations().forEach(o -> uris.add(o.uri()));
		dataset.skills().forEach(s -> uris.add(s.uri()));
		dataset.skillGroups().forEach(g -> uris.add(g.uri()));
		Nodes nodes = Nodes.existing(repository.nodesInGraph(tx, uris));
		for (PointKind kind : PointKind.values()) {
			keepNameKeysFree(tx, kind, points.get(kind), nodes);
		}
		progress.begin("occupations", occupations.size());
		repository.writeOccupations(tx, occupations, nodes, progress::advance);
		for (PointKind kind : PointKind.values()) {
			progress.begin(kind == PointKind.SKILL ? "skills" : "knowledge", points.get(kind).size());
			repository.writePoints(tx, kind, points.get(kind), nodes,
					dataset.version() == null ? "ESCO" : "ESCO v" + dataset.version(), progress::advance);
		}
		progress.begin("skill groups", groups.size());
		repository.writeSkillGroups(tx, groups, nodes, progress::advance);
		progress.begin("skill hierarchy", dataset.broader().size());
		repository.writeBroader(tx, dataset.broader().stream().map(b -> new Link(b.uri(), b.broaderUri(), null)).toList(),
				nodes, progress::advance);
		progress.begin("occupation–skill relations", dataset.occupationSkills().size());
		repository.writeOccupationSkills(tx, dataset.occupationSkills().stream()
			.map(r -> new Link(r.occupationUri(), r.skillUri(), r.relationType())).toList(),
				nodes, progress::advance);
		progress.begin("committing", -1);
		int essential = (int) dataset.occupationSkills().stream().filter(r -> r.relationType().equals("essential")).count();
		return new Result(dataset.version(), occupations.size(), points.get(PointKind.SKILL).size(),
				points.get(PointKind.KNOWLEDGE).size(), groups.size(), dataset.broader().size(), essential,
				dataset.occupationSkills().size() - essential, dataset.skippedRelations(), dataset.skippedBroader(),
				adoptedOccupations, adoptedPoints, dataset.missingFiles());
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
