package org.abilitymap.esco;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import org.abilitymap.points.PointKind;
import org.abilitymap.support.neo4j.Rows;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Repository;

/**
 * The Cypher that matches ESCO concepts against the graph and writes them and their links in batches. Every ESCO node
 * also carries the label {@code EscoConcept}, whose {@code escoUri} is unique: that is what the import merges on.
 * Concepts not yet in the graph are created outright, staged (labels {@code EscoConcept} and {@code Staged} + their
 * label, which no read looks for; see {@link org.abilitymap.imports.StagedImports}),
 * with the links between two of them; that is what makes a first import fast. One last transaction publishes them (gives them their labels), creates the links between a new and
 * an existing concept, updates the concepts already there and merges links between two of them, which makes a
 * repeat change nothing. Links name their ends by the element ids the concepts were found or created with.
 */
@Repository
class EscoRepository {

	/** Rows sent per query: large enough to keep round trips few, small enough to keep each message modest. */
	static final int BATCH = 10_000;

	/** New concepts per transaction: enough transactions for two cores to share, each worth its commit. */
	static final int CONCEPTS_PER_TRANSACTION = 4_000;

	/** New links per transaction, for the same reason. */
	static final int LINKS_PER_TRANSACTION = 20_000;

	/**
	 * The rows of a batch go inside a map, {@code $batch.rows}, not as a list parameter of their own: Neo4j keys its
	 * plan cache on the size class of a list parameter (0, 1, up to 10, up to 100, …), so batches of other sizes would
	 * each be planned again; a map has no size class, so one plan serves every batch.
	 */
	private static Map<String, Object> batch(List<?> rows) {
		return Map.of("batch", Map.of("rows", rows));
	}

	/** Element ids are what the links are written by: a lookup by id is cheaper than a seek in the URI index. */
	private static final String ESCO_NODES_IN_GRAPH = """
			UNWIND $batch.rows AS uri
			MATCH (n:EscoConcept {escoUri: uri})
			RETURN uri, elementId(n) AS node
			""";

	/** The first placeholder is a label from {@link PointKind#label()}, never from input. */
	private static final String NAME_KEYS_IN_GRAPH = """
			UNWIND $batch.rows AS key
			MATCH (p:%s {nameKey: key})
			RETURN collect(key) AS keys
			""";

	/** How many nodes hold each label the import matches against: a label nobody holds needs no matching. */
	private static final String LABELS_IN_USE = """
			CALL { MATCH (n:EscoConcept) RETURN count(n) AS concepts }
			CALL { MATCH (n:ReferenceOccupation) RETURN count(n) AS occupations }
			CALL { MATCH (n:SkillPoint) RETURN count(n) AS skills }
			CALL { MATCH (n:KnowledgePoint) RETURN count(n) AS knowledge }
			RETURN concepts, occupations, skills, knowledge
			""";

	/**
	 * A catalogue occupation of the ESCO scheme with the same URI becomes the ESCO occupation, so that jobs already
	 * classified under it keep their link; when several catalogue entries share a URI, the first by id does.
	 */
	private static final String ADOPTABLE_CATALOGUE_OCCUPATIONS = """
			UNWIND $batch.rows AS uri
			MATCH (o:ReferenceOccupation {uri: uri})
			WHERE o.escoUri IS NULL AND NOT EXISTS { MATCH (:EscoConcept {escoUri: uri}) }
			WITH uri, o ORDER BY o.id
			WITH uri, collect(o)[0] AS first
			RETURN uri, elementId(first) AS node
			""";

	/** Makes the nodes found by the two adoptable-queries the ESCO concepts of their URIs. */
	private static final String ADOPT = """
			UNWIND $batch.rows AS row
			MATCH (n) WHERE elementId(n) = row.node
			SET n:EscoConcept, n.escoUri = row.uri
			""";

	private static final String CREATE_OCCUPATIONS = """
			UNWIND $batch.rows AS row
			CREATE (o:EscoConcept:StagedReferenceOccupation {id: row.id, escoUri: row.uri, scheme: 'ESCO',
			        uri: row.uri,
			        name: row.preferredLabel, nameEn: row.preferredLabel, preferredLabel: row.preferredLabel,
			        altLabels: row.altLabels, iscoGroup: row.iscoGroup, escoCode: row.code,
			        description: row.description})
			RETURN row.uri AS uri, elementId(o) AS node
			""";

	/** A catalogue entry keeps its own name and English name. */
	private static final String UPDATE_OCCUPATIONS = """
			UNWIND $batch.rows AS row
			MATCH (o:ReferenceOccupation:EscoConcept {escoUri: row.uri})
			SET o.nameEn = coalesce(o.nameEn, row.preferredLabel), o.preferredLabel = row.preferredLabel,
			    o.altLabels = row.altLabels, o.iscoGroup = row.iscoGroup, o.escoCode = row.code,
			    o.description = row.description
			""";

	/**
	 * An existing point of the same kind whose name key equals the ESCO label's becomes that ESCO concept (the rule
	 * that makes two enterprises' equal names one point, applied to ESCO). The placeholder is a point label.
	 */
	private static final String ADOPTABLE_POINTS = """
			UNWIND $batch.rows AS row
			MATCH (p:%s {nameKey: row.nameKey})
			WHERE p.escoUri IS NULL AND NOT EXISTS { MATCH (:EscoConcept {escoUri: row.uri}) }
			RETURN row.uri AS uri, elementId(p) AS node
			""";

	/**
	 * New ESCO points take the ESCO label as name; the row's nameKey is null when another point holds the key. The
	 * placeholder is the point label they get when published.
	 */
	private static final String CREATE_POINTS = """
			UNWIND $batch.rows AS row
			CREATE (p:EscoConcept:Staged%s {id: row.id, escoUri: row.uri, name: row.preferredLabel,
			        nameEn: row.preferredLabel, nameKey: row.nameKey, description: row.description,
			        preferredLabel: row.preferredLabel, altLabels: row.altLabels, skillType: row.skillType,
			        reuseLevel: row.reuseLevel, createdBy: 'ESCO', createdIn: $createdIn, createdAt: datetime()})
			RETURN row.uri AS uri, elementId(p) AS node
			""";

	/** A point adopted by name keeps its own name and description; ESCO's own points follow ESCO's description. */
	private static final String UPDATE_POINTS = """
			UNWIND $batch.rows AS row
			MATCH (p:%s:EscoConcept {escoUri: row.uri})
			SET p.nameEn = coalesce(p.nameEn, row.preferredLabel),
			    p.description = CASE WHEN p.createdBy = 'ESCO' THEN row.description
			                         ELSE coalesce(p.description, row.description) END,
			    p.preferredLabel = row.preferredLabel, p.altLabels = row.altLabels, p.skillType = row.skillType,
			    p.reuseLevel = row.reuseLevel
			""";

	private static final String CREATE_SKILL_GROUPS = """
			UNWIND $batch.rows AS row
			CREATE (g:EscoConcept:StagedSkillGroup {id: row.id, escoUri: row.uri, name: row.preferredLabel,
			        preferredLabel: row.preferredLabel, altLabels: row.altLabels, code: row.code,
			        description: row.description})
			RETURN row.uri AS uri, elementId(g) AS node
			""";

	private static final String UPDATE_SKILL_GROUPS = """
			UNWIND $batch.rows AS row
			MATCH (g:SkillGroup:EscoConcept {escoUri: row.uri})
			SET g.name = row.preferredLabel, g.preferredLabel = row.preferredLabel, g.altLabels = row.altLabels,
			    g.code = row.code, g.description = row.description
			""";

	/**
	 * A name key that a point committed since the import matched the graph (a submission, say) now holds is left to
	 * that point: the key is unique per kind. Run before publishing; the placeholder is a point label.
	 */
	private static final String FREE_TAKEN_NAME_KEYS = """
			MATCH (p:Staged%1$s)
			WHERE p.nameKey IS NOT NULL AND EXISTS { MATCH (:%1$s {nameKey: p.nameKey}) }
			REMOVE p.nameKey
			""";

	/**
	 * Gives the staged concepts their label, in the import's last transaction; the placeholder is one. No property
	 * changes: removing a staging property from 17,500 nodes took about a second of that transaction.
	 */
	private static final String PUBLISH_STAGED = """
			MATCH (n:Staged%1$s)
			SET n:%1$s
			REMOVE n:Staged%1$s
			""";

	/** The labels staged concepts are published with; {@code Staged} + one is the label they are staged with. */
	private static final List<String> PUBLISHED_LABELS = List.of("ReferenceOccupation", PointKind.SKILL.label(),
			PointKind.KNOWLEDGE.label(), "SkillGroup");

	/**
	 * Links come grouped by their start concept ({@code from}, {@code to: [{node, relationType}]}), both ends named
	 * by element id (found, or created by a transaction that committed before).
	 */
	private static final String CREATE_BROADER = """
			UNWIND $batch.rows AS row
			MATCH (n) WHERE elementId(n) = row.from
			UNWIND row.to AS to
			MATCH (b) WHERE elementId(b) = to.node
			CREATE (n)-[:BROADER]->(b)
			""";

	private static final String MERGE_BROADER = """
			UNWIND $batch.rows AS row
			MATCH (n) WHERE elementId(n) = row.from
			UNWIND row.to AS to
			MATCH (b) WHERE elementId(b) = to.node
			MERGE (n)-[:BROADER]->(b)
			""";

	private static final String CREATE_OCCUPATION_SKILLS = """
			UNWIND $batch.rows AS row
			MATCH (o) WHERE elementId(o) = row.from
			UNWIND row.to AS to
			MATCH (p) WHERE elementId(p) = to.node
			CREATE (o)-[:NEEDS_POINT {relationType: to.relationType}]->(p)
			""";

	private static final String MERGE_OCCUPATION_SKILLS = """
			UNWIND $batch.rows AS row
			MATCH (o) WHERE elementId(o) = row.from
			UNWIND row.to AS to
			MATCH (p) WHERE elementId(p) = to.node
			MERGE (o)-[r:NEEDS_POINT]->(p)
			SET r.relationType = to.relationType
			""";

	/** The element ids of the ones of these concept URIs that are already in the graph, by URI. */
	Map<String, String> nodesInGraph(TransactionContext tx, List<String> uris) {
		return nodesByUri(tx, ESCO_NODES_IN_GRAPH, Map.of(), uris, done -> {
		});
	}

	/** The ones of these name keys that points of a kind already hold. */
	Set<String> nameKeysInGraph(TransactionContext tx, PointKind kind, Collection<String> keys) {
		Set<String> found = new HashSet<>();
		for (List<String> keyBatch : batches(List.copyOf(keys))) {
			found.addAll(tx.run(NAME_KEYS_IN_GRAPH.formatted(kind.label()), batch(keyBatch))
				.single()
				.get("keys")
				.asList(v -> v.asString()));
		}
		return found;
	}

	/** Which of the labels the import matches against some node holds. */
	record LabelsInUse(boolean concepts, boolean occupations, boolean skills, boolean knowledge) {

		boolean points(PointKind kind) {
			return kind == PointKind.SKILL ? skills : knowledge;
		}
	}

	LabelsInUse labelsInUse(TransactionContext tx) {
		var record = tx.run(LABELS_IN_USE).single();
		return new LabelsInUse(record.get("concepts").asLong() > 0, record.get("occupations").asLong() > 0,
				record.get("skills").asLong() > 0, record.get("knowledge").asLong() > 0);
	}

	/** The catalogue occupations that would become the ESCO ones: element id by ESCO URI. */
	Map<String, String> adoptableCatalogueOccupations(TransactionContext tx, List<String> uris) {
		return nodesByUri(tx, ADOPTABLE_CATALOGUE_OCCUPATIONS, Map.of(), uris, done -> {
		});
	}

	/**
	 * The points of a kind that would become ESCO concepts: element id by ESCO URI. When two ESCO labels share a
	 * name key, the first in the files takes the point. Only the URI and the name key of each row are sent.
	 */
	Map<String, String> adoptablePoints(TransactionContext tx, PointKind kind, List<Map<String, Object>> rows) {
		Map<String, String> adoptable = new LinkedHashMap<>();
		Set<String> taken = new HashSet<>();
		List<Map<String, Object>> keys = rows.stream().map(r -> Rows.of("uri", r.get("uri"), "nameKey", r.get("nameKey"))).toList();
		for (List<Map<String, Object>> rowBatch : batches(keys)) {
			tx.run(ADOPTABLE_POINTS.formatted(kind.label()), batch(rowBatch)).forEachRemaining(r -> {
				if (taken.add(r.get("node").asString())) {
					adoptable.put(r.get("uri").asString(), r.get("node").asString());
				}
			});
		}
		return adoptable;
	}

	/** Makes existing nodes ESCO concepts: URI to element id, as the adoptable-queries found them. */
	void adopt(TransactionContext tx, Map<String, String> nodesByUri) {
		List<Map<String, Object>> rows = nodesByUri.entrySet().stream()
			.map(e -> Map.<String, Object>of("uri", e.getKey(), "node", e.getValue()))
			.toList();
		for (List<Map<String, Object>> rowBatch : batches(rows)) {
			tx.run(ADOPT, batch(rowBatch)).consume();
		}
	}

	/** The labels the import stages concepts with, one per label they are published with. */
	static List<String> stagedLabels() {
		return PUBLISHED_LABELS.stream().map(label -> "Staged" + label).toList();
	}

	/** Gives the staged concepts their labels, leaving name keys that other points took since to those points. */
	void publish(TransactionContext tx) {
		for (PointKind kind : PointKind.values()) {
			tx.run(FREE_TAKEN_NAME_KEYS.formatted(kind.label())).consume();
		}
		for (String label : PUBLISHED_LABELS) {
			tx.run(PUBLISH_STAGED.formatted(label)).consume();
		}
	}

	/**
	 * The concepts of an import in the graph: the element id of every one by URI, and which of them were there
	 * before the import or are adopted by it (those are updated, and links between two of them merged; the others
	 * created, and every link from or to one of them too).
	 */
	record Nodes(Map<String, String> ids, Set<String> existing) {

		static Nodes existing(Map<String, String> found) {
			return new Nodes(new HashMap<>(found), Set.copyOf(found.keySet()));
		}

		boolean existed(String uri) {
			return existing.contains(uri);
		}
	}

	/** The statements that create and update one kind of concept, with the parameters creating takes. */
	record ConceptStatements(String create, String update, Map<String, Object> parameters) {
	}

	ConceptStatements occupations() {
		return new ConceptStatements(CREATE_OCCUPATIONS, UPDATE_OCCUPATIONS, Map.of());
	}

	ConceptStatements points(PointKind kind, String createdIn) {
		return new ConceptStatements(CREATE_POINTS.formatted(kind.label()), UPDATE_POINTS.formatted(kind.label()),
				Map.of("createdIn", createdIn));
	}

	ConceptStatements skillGroups() {
		return new ConceptStatements(CREATE_SKILL_GROUPS, UPDATE_SKILL_GROUPS, Map.of());
	}

	/** Creates, staged, concepts that are not in the graph yet: the element id of each by URI. */
	Map<String, String> create(TransactionContext tx, ConceptStatements statements, List<Map<String, Object>> rows,
			LongConsumer done) {
		return nodesByUri(tx, statements.create(), statements.parameters(), rows, done);
	}

	/** Updates concepts that were in the graph already (found by URI or just adopted). */
	void update(TransactionContext tx, ConceptStatements statements, List<Map<String, Object>> rows) {
		for (List<Map<String, Object>> batch : batches(rows)) {
			tx.run(statements.update(), batch(batch)).consume();
		}
	}

	/** The two kinds of link the import writes. */
	enum LinkType {

		BROADER(CREATE_BROADER, MERGE_BROADER), OCCUPATION_SKILL(CREATE_OCCUPATION_SKILLS, MERGE_OCCUPATION_SKILLS);

		private final String create;

		private final String merge;

		LinkType(String create, String merge) {
			this.create = create;
			this.merge = merge;
		}
	}

	/** A link from one concept to another, with the relation type where it has one. */
	record Link(String from, String to, String relationType) {
	}

	/** When and how a link is written, by which of its ends are new. */
	enum LinkWrite {

		/** Both ends new: created while staging, seen by nobody until they are published. */
		STAGED,

		/** One end new, one there before: created when publishing, so no reader meets a staged concept. */
		ON_PUBLISH,

		/** Both ends there before: merged when publishing, so that a repeat import changes nothing. */
		MERGED_ON_PUBLISH
	}

	/**
	 * Links ready to send, grouped by their start concept with both ends named by element id, in batches of about
	 * {@link #BATCH} links.
	 */
	record LinkBatches(LinkType type, LinkWrite write, List<List<Map<String, Object>>> batches, List<Integer> sizes) {

		int links() {
			return sizes.stream().mapToInt(Integer::intValue).sum();
		}

		/** Consecutive runs of batches holding about {@code links} links each: one per transaction. */
		List<LinkBatches> split(int links) {
			List<LinkBatches> parts = new ArrayList<>();
			int from = 0;
			int size = 0;
			for (int i = 0; i < batches.size(); i++) {
				size += sizes.get(i);
				if (size >= links || i == batches.size() - 1) {
					parts.add(new LinkBatches(type, write, batches.subList(from, i + 1), sizes.subList(from, i + 1)));
					from = i + 1;
					size = 0;
				}
			}
			return parts;
		}
	}

	/**
	 * Splits links by how they are written: created (at least one end is new, so the link cannot be there yet),
	 * while staging or when publishing, or merged (both ends were there before).
	 */
	static List<LinkBatches> linkBatches(LinkType type, List<Link> links, Nodes nodes) {
		Map<LinkWrite, List<Link>> byWrite = links.stream().collect(Collectors.groupingBy(l -> {
			int existing = (nodes.existed(l.from()) ? 1 : 0) + (nodes.existed(l.to()) ? 1 : 0);
			return LinkWrite.values()[existing];
		}));
		List<LinkBatches> result = new ArrayList<>();
		for (LinkWrite write : LinkWrite.values()) {
			Map<String, List<Map<String, Object>>> byStart = new LinkedHashMap<>();
			for (Link link : byWrite.getOrDefault(write, List.of())) {
				String to = nodes.ids().get(link.to());
				byStart.computeIfAbsent(nodes.ids().get(link.from()), f -> new ArrayList<>())
					.add(link.relationType() == null ? Map.of("node", to)
							: Map.of("node", to, "relationType", link.relationType()));
			}
			List<List<Map<String, Object>>> batches = new ArrayList<>();
			List<Integer> sizes = new ArrayList<>();
			List<Map<String, Object>> rows = new ArrayList<>();
			int size = 0;
			for (var entry : byStart.entrySet()) {
				rows.add(Map.of("from", entry.getKey(), "to", entry.getValue()));
				size += entry.getValue().size();
				if (size >= BATCH) {
					batches.add(rows);
					sizes.add(size);
					rows = new ArrayList<>();
					size = 0;
				}
			}
			if (!rows.isEmpty()) {
				batches.add(rows);
				sizes.add(size);
			}
			result.add(new LinkBatches(type, write, batches, sizes));
		}
		return result;
	}

	void writeLinks(TransactionContext tx, LinkBatches links, LongConsumer done) {
		for (int i = 0; i < links.batches().size(); i++) {
			tx.run(links.write() == LinkWrite.MERGED_ON_PUBLISH ? links.type().merge : links.type().create,
					batch(links.batches().get(i))).consume();
			done.accept(links.sizes().get(i));
		}
	}

	/**
	 * Runs a statement that returns {@code uri} and {@code node} (an element id) over the rows, batch by batch: the
	 * element id of each concept it found or created, by URI.
	 */
	private static Map<String, String> nodesByUri(TransactionContext tx, String cypher, Map<String, Object> parameters,
			List<?> rows, LongConsumer done) {
		Map<String, String> nodes = new LinkedHashMap<>();
		for (List<?> batch : batches(rows)) {
			tx.run(cypher, parameters(parameters, batch))
				.forEachRemaining(r -> nodes.put(r.get("uri").asString(), r.get("node").asString()));
			done.accept(batch.size());
		}
		return nodes;
	}

	private static Map<String, Object> parameters(Map<String, Object> parameters, List<?> rows) {
		Map<String, Object> all = new HashMap<>(parameters);
		all.putAll(batch(rows));
		return all;
	}

	private static <T> List<List<T>> batches(List<T> items) {
		return chunks(items, BATCH);
	}

	/** Consecutive parts of at most {@code size} items (views of the list, not copies). */
	static <T> List<List<T>> chunks(List<T> items, int size) {
		List<List<T>> chunks = new ArrayList<>();
		for (int from = 0; from < items.size(); from += size) {
			chunks.add(items.subList(from, Math.min(items.size(), from + size)));
		}
		return chunks;
	}
}
