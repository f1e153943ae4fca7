package org.abilitymap.esco;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import org.abilitymap.points.PointKind;
import org.abilitymap.support.neo4j.Rows;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Repository;

/**
 * The Cypher that writes ESCO concepts and links in batches, all inside the import's one transaction. Every ESCO node
 * also carries the label {@code EscoConcept}, whose {@code escoUri} is unique: that is what the import merges on.
 * Concepts not yet in the graph are created outright (and links between two of them too), which is what makes a
 * first import fast; concepts already there are updated and their links merged, which makes a repeat change nothing.
 * Links name their ends by the element ids the concepts were found or created with in the same transaction.
 */
@Repository
class EscoRepository {

	/** Rows sent per query: large enough to keep round trips few, small enough to keep each message modest. */
	static final int BATCH = 10_000;

	/**
	 * The rows of a batch go inside a map, {@code $batch.rows}, not as a list parameter of their own: Neo4j keys its
	 * plan cache on the size class of a list parameter (0, 1, up to 10, up to 100, …), so batches of other sizes would
	 * each be planned again, and not by the rehearsal; a map has no size class, so one plan serves every batch.
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

	/**
	 * A catalogue occupation of the ESCO scheme with the same URI becomes the ESCO occupation, so that jobs already
	 * classified under it keep their link; when several catalogue entries share a URI, the first by id does.
	 */
	private static final String ADOPT_CATALOGUE_OCCUPATIONS = """
			UNWIND $batch.rows AS uri
			MATCH (o:ReferenceOccupation {uri: uri})
			WHERE o.escoUri IS NULL AND NOT EXISTS { MATCH (:EscoConcept {escoUri: uri}) }
			WITH uri, o ORDER BY o.id
			WITH uri, collect(o)[0] AS first
			SET first:EscoConcept, first.escoUri = uri
			RETURN count(first) AS adopted
			""";

	private static final String CREATE_OCCUPATIONS = """
			UNWIND $batch.rows AS row
			CREATE (o:ReferenceOccupation:EscoConcept {id: row.id, escoUri: row.uri, scheme: 'ESCO', uri: row.uri,
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
	private static final String ADOPT_POINTS = """
			UNWIND $batch.rows AS row
			MATCH (p:%s {nameKey: row.nameKey})
			WHERE p.escoUri IS NULL AND NOT EXISTS { MATCH (:EscoConcept {escoUri: row.uri}) }
			SET p:EscoConcept, p.escoUri = row.uri
			RETURN count(p) AS adopted
			""";

	/** New ESCO points take the ESCO label as name; the row's nameKey is null when another point holds the key. */
	private static final String CREATE_POINTS = """
			UNWIND $batch.rows AS row
			CREATE (p:%s:EscoConcept {id: row.id, escoUri: row.uri, name: row.preferredLabel,
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
			CREATE (g:SkillGroup:EscoConcept {id: row.id, escoUri: row.uri, name: row.preferredLabel,
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
	 * Links come grouped by their start concept ({@code from}, {@code to: [{node, relationType}]}), both ends named
	 * by element id (found or created earlier in the same transaction).
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

	/**
	 * Runs every statement of a first import once with no rows, in order of use, until {@code enough} says stop: run
	 * inside {@link org.abilitymap.support.neo4j.Graph#rehearse}, while the files are still being read.
	 */
	void rehearse(SimpleQueryRunner tx, BooleanSupplier enough) {
		List<Map<String, Object>> none = List.of();
		List<Runnable> statements = new ArrayList<>();
		statements.add(() -> rehearse(tx, ADOPT_CATALOGUE_OCCUPATIONS, batch(none)));
		for (PointKind kind : PointKind.values()) {
			statements.add(() -> rehearse(tx, ADOPT_POINTS.formatted(kind.label()), batch(none)));
		}
		statements.add(() -> rehearse(tx, ESCO_NODES_IN_GRAPH, batch(none)));
		for (PointKind kind : PointKind.values()) {
			statements.add(() -> rehearse(tx, NAME_KEYS_IN_GRAPH.formatted(kind.label()), batch(none)));
		}
		statements.add(() -> rehearse(tx, CREATE_OCCUPATIONS, batch(none)));
		for (PointKind kind : PointKind.values()) {
			statements.add(() -> rehearse(tx, CREATE_POINTS.formatted(kind.label()),
					parameters(Map.of("createdIn", "ESCO"), none)));
		}
		statements.add(() -> rehearse(tx, CREATE_SKILL_GROUPS, batch(none)));
		statements.add(() -> rehearse(tx, CREATE_BROADER, batch(none)));
		statements.add(() -> rehearse(tx, CREATE_OCCUPATION_SKILLS, batch(none)));
		for (Runnable statement : statements) {
			if (enough.getAsBoolean()) {
				return;
			}
			statement.run();
		}
	}

	private static void rehearse(SimpleQueryRunner tx, String cypher, Map<String, Object> parameters) {
		tx.run(cypher, parameters).consume();
	}

	/** The element ids of the ones of these concept URIs that are already in the graph, by URI. */
	Map<String, String> nodesInGraph(TransactionContext tx, List<String> uris) {
		Map<String, String> found = new HashMap<>();
		for (List<String> uriBatch : batches(uris)) {
			tx.run(ESCO_NODES_IN_GRAPH, batch(uriBatch))
				.forEachRemaining(r -> found.put(r.get("uri").asString(), r.get("node").asString()));
		}
		return found;
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

	long adoptCatalogueOccupations(TransactionContext tx, List<String> uris) {
		long adopted = 0;
		for (List<String> uriBatch : batches(uris)) {
			adopted += tx.run(ADOPT_CATALOGUE_OCCUPATIONS, batch(uriBatch)).single().get("adopted").asLong();
		}
		return adopted;
	}

	/** Only the URI and the name key of each point row are sent: the match needs no more. */
	long adoptPoints(TransactionContext tx, PointKind kind, List<Map<String, Object>> rows) {
		long adopted = 0;
		List<Map<String, Object>> keys = rows.stream().map(r -> Rows.of("uri", r.get("uri"), "nameKey", r.get("nameKey"))).toList();
		for (List<Map<String, Object>> rowBatch : batches(keys)) {
			adopted += tx.run(ADOPT_POINTS.formatted(kind.label()), batch(rowBatch))
				.single()
				.get("adopted")
				.asLong();
		}
		return adopted;
	}

	/**
	 * The concepts of an import in the graph: the element id of every one by URI, and which of them were there
	 * before the import (those are updated and their links merged; the others created, and links between two of
	 * them too).
	 */
	record Nodes(Map<String, String> ids, Set<String> existing) {

		static Nodes existing(Map<String, String> found) {
			return new Nodes(new HashMap<>(found), Set.copyOf(found.keySet()));
		}

		boolean existed(String uri) {
			return existing.contains(uri);
		}
	}

	void writeOccupations(TransactionContext tx, List<Map<String, Object>> rows, Nodes nodes, LongConsumer done) {
		write(tx, CREATE_OCCUPATIONS, UPDATE_OCCUPATIONS, rows, nodes, Map.of(), done);
	}

	void writePoints(TransactionContext tx, PointKind kind, List<Map<String, Object>> rows, Nodes nodes,
			String createdIn, LongConsumer done) {
		write(tx, CREATE_POINTS.formatted(kind.label()), UPDATE_POINTS.formatted(kind.label()), rows, nodes,
				Map.of("createdIn", createdIn), done);
	}

	void writeSkillGroups(TransactionContext tx, List<Map<String, Object>> rows, Nodes nodes, LongConsumer done) {
		write(tx, CREATE_SKILL_GROUPS, UPDATE_SKILL_GROUPS, rows, nodes, Map.of(), done);
	}

	/** Links whose two ends were both created by this import are created; the others merged. */
	void writeBroader(TransactionContext tx, List<Link> links, Nodes nodes, LongConsumer done) {
		links(tx, CREATE_BROADER, MERGE_BROADER, links, nodes, done);
	}

	void writeOccupationSkills(TransactionContext tx, List<Link> links, Nodes nodes, LongConsumer done) {
		links(tx, CREATE_OCCUPATION_SKILLS, MERGE_OCCUPATION_SKILLS, links, nodes, done);
	}

	/** A link from one concept to another, with the relation type where it has one. */
	record Link(String from, String to, String relationType) {
	}

	private static void links(TransactionContext tx, String create, String merge, List<Link> links, Nodes nodes,
			LongConsumer done) {
		Map<Boolean, List<Link>> known = links.stream()
			.collect(Collectors.partitioningBy(l -> nodes.existed(l.from()) && nodes.existed(l.to())));
		for (boolean merging : List.of(false, true)) {
			Map<String, List<Map<String, Object>>> byStart = new LinkedHashMap<>();
			for (Link link : known.get(merging)) {
				String to = nodes.ids().get(link.to());
				byStart.computeIfAbsent(nodes.ids().get(link.from()), f -> new ArrayList<>())
					.add(link.relationType() == null ? Map.of("node", to)
							: Map.of("node", to, "relationType", link.relationType()));
			}
			List<Map<String, Object>> rows = new ArrayList<>();
			int size = 0;
			for (var entry : byStart.entrySet()) {
				rows.add(Map.of("from", entry.getKey(), "to", entry.getValue()));
				size += entry.getValue().size();
				if (size >= BATCH) {
					runOnce(tx, merging ? merge : create, rows, done, size);
					rows = new ArrayList<>();
					size = 0;
				}
			}
			runOnce(tx, merging ? merge : create, rows, done, size);
		}
	}

	private static void runOnce(TransactionContext tx, String cypher, List<Map<String, Object>> rows,
			LongConsumer done, int links) {
		if (!rows.isEmpty()) {
			tx.run(cypher, batch(rows)).consume();
			done.accept(links);
		}
	}

	/** New concepts are created and their element ids kept; the others updated. */
	private static void write(TransactionContext tx, String create, String update, List<Map<String, Object>> rows,
			Nodes nodes, Map<String, Object> parameters, LongConsumer done) {
		for (List<Map<String, Object>> batch : batches(
				rows.stream().filter(r -> !nodes.existed((String) r.get("uri"))).toList())) {
			tx.run(create, parameters(parameters, batch))
				.forEachRemaining(r -> nodes.ids().put(r.get("uri").asString(), r.get("node").asString()));
			done.accept(batch.size());
		}
		for (List<Map<String, Object>> batch : batches(
				rows.stream().filter(r -> nodes.existed((String) r.get("uri"))).toList())) {
			tx.run(update, parameters(parameters, batch)).consume();
			done.accept(batch.size());
		}
	}

	private static Map<String, Object> parameters(Map<String, Object> parameters, List<Map<String, Object>> rows) {
		Map<String, Object> all = new HashMap<>(parameters);
		all.putAll(batch(rows));
		return all;
	}

	private static <T> List<List<T>> batches(List<T> items) {
		List<List<T>> batches = new ArrayList<>();
		for (int from = 0; from < items.size(); from += BATCH) {
			batches.add(items.subList(from, Math.min(items.size(), from + BATCH)));
		}
		return batches;
	}
}
