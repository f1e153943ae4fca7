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
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Repository;

/**
 * The Cypher that writes ESCO concepts and links in batches, all inside the import's one transaction. Every ESCO node
 * also carries the label {@code EscoConcept}, whose {@code escoUri} is unique: that is what the import merges on.
 * Concepts not yet in the graph are created outright (and links between two of them too), which is what makes a
 * first import fast; concepts already there are updated and their links merged, which makes a repeat change nothing.
 */
@Repository
class EscoRepository {

	/** Rows sent per query: large enough to keep round trips few, small enough to keep each message modest. */
	static final int BATCH = 10_000;

	private static final String ESCO_URIS_IN_GRAPH = """
			UNWIND $uris AS uri
			MATCH (n:EscoConcept {escoUri: uri})
			RETURN collect(uri) AS uris
			""";

	/** The first placeholder is a label from {@link PointKind#label()}, never from input. */
	private static final String NAME_KEYS_IN_GRAPH = """
			UNWIND $keys AS key
			MATCH (p:%s {nameKey: key})
			RETURN collect(key) AS keys
			""";

	/**
	 * A catalogue occupation of the ESCO scheme with the same URI becomes the ESCO occupation, so that jobs already
	 * classified under it keep their link; when several catalogue entries share a URI, the first by id does.
	 */
	private static final String ADOPT_CATALOGUE_OCCUPATIONS = """
			UNWIND $uris AS uri
			MATCH (o:ReferenceOccupation {uri: uri})
			WHERE o.escoUri IS NULL AND NOT EXISTS { MATCH (:EscoConcept {escoUri: uri}) }
			WITH uri, o ORDER BY o.id
			WITH uri, collect(o)[0] AS first
			SET first:EscoConcept, first.escoUri = uri
			RETURN count(first) AS adopted
			""";

	private static final String CREATE_OCCUPATIONS = """
			UNWIND $rows AS row
			CREATE (o:ReferenceOccupation:EscoConcept {id: row.id, escoUri: row.uri, scheme: 'ESCO', uri: row.uri,
			        name: row.preferredLabel, nameEn: row.preferredLabel, preferredLabel: row.preferredLabel,
			        altLabels: row.altLabels, iscoGroup: row.iscoGroup, escoCode: row.code,
			        description: row.description})
			""";

	/** A catalogue entry keeps its own name and English name. */
	private static final String UPDATE_OCCUPATIONS = """
			UNWIND $rows AS row
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
			UNWIND $rows AS row
			MATCH (p:%s {nameKey: row.nameKey})
			WHERE p.escoUri IS NULL AND NOT EXISTS { MATCH (:EscoConcept {escoUri: row.uri}) }
			SET p:EscoConcept, p.escoUri = row.uri
			RETURN count(p) AS adopted
			""";

	/** New ESCO points take the ESCO label as name; the row's nameKey is null when another point holds the key. */
	private static final String CREATE_POINTS = """
			UNWIND $rows AS row
			CREATE (p:%s:EscoConcept {id: row.id, escoUri: row.uri, name: row.preferredLabel,
			        nameEn: row.preferredLabel, nameKey: row.nameKey, description: row.description,
			        preferredLabel: row.preferredLabel, altLabels: row.altLabels, skillType: row.skillType,
			        reuseLevel: row.reuseLevel, createdBy: 'ESCO', createdIn: $createdIn, createdAt: datetime()})
			""";

	/** A point adopted by name keeps its own name and description; ESCO's own points follow ESCO's description. */
	private static final String UPDATE_POINTS = """
			UNWIND $rows AS row
			MATCH (p:%s:EscoConcept {escoUri: row.uri})
			SET p.nameEn = coalesce(p.nameEn, row.preferredLabel),
			    p.description = CASE WHEN p.createdBy = 'ESCO' THEN row.description
			                         ELSE coalesce(p.description, row.description) END,
			    p.preferredLabel = row.preferredLabel, p.altLabels = row.altLabels, p.skillType = row.skillType,
			    p.reuseLevel = row.reuseLevel
			""";

	private static final String CREATE_SKILL_GROUPS = """
			UNWIND $rows AS row
			CREATE (g:SkillGroup:EscoConcept {id: row.id, escoUri: row.uri, name: row.preferredLabel,
			        preferredLabel: row.preferredLabel, altLabels: row.altLabels, code: row.code,
			        description: row.description})
			""";

	private static final String UPDATE_SKILL_GROUPS = """
			UNWIND $rows AS row
			MATCH (g:SkillGroup:EscoConcept {escoUri: row.uri})
			SET g.name = row.preferredLabel, g.preferredLabel = row.preferredLabel, g.altLabels = row.altLabels,
			    g.code = row.code, g.description = row.description
			""";

	/** Links come grouped by their start concept ({@code from}, {@code to: [{uri, relationType}]}): one seek each. */
	private static final String CREATE_BROADER = """
			UNWIND $rows AS row
			MATCH (n:EscoConcept {escoUri: row.from})
			UNWIND row.to AS to
			MATCH (b:EscoConcept {escoUri: to.uri})
			CREATE (n)-[:BROADER]->(b)
			""";

	private static final String MERGE_BROADER = """
			UNWIND $rows AS row
			MATCH (n:EscoConcept {escoUri: row.from})
			UNWIND row.to AS to
			MATCH (b:EscoConcept {escoUri: to.uri})
			MERGE (n)-[:BROADER]->(b)
			""";

	private static final String CREATE_OCCUPATION_SKILLS = """
			UNWIND $rows AS row
			MATCH (o:EscoConcept {escoUri: row.from})
			UNWIND row.to AS to
			MATCH (p:EscoConcept {escoUri: to.uri})
			CREATE (o)-[:NEEDS_POINT {relationType: to.relationType}]->(p)
			""";

	private static final String MERGE_OCCUPATION_SKILLS = """
			UNWIND $rows AS row
			MATCH (o:EscoConcept {escoUri: row.from})
			UNWIND row.to AS to
			MATCH (p:EscoConcept {escoUri: to.uri})
			MERGE (o)-[r:NEEDS_POINT]->(p)
			SET r.relationType = to.relationType
			""";

	/** The ones of these concept URIs that are already in the graph. */
	Set<String> urisInGraph(TransactionContext tx, List<String> uris) {
		Set<String> found = new HashSet<>();
		for (List<String> batch : batches(uris)) {
			found.addAll(tx.run(ESCO_URIS_IN_GRAPH, Map.of("uris", batch)).single().get("uris").asList(v -> v.asString()));
		}
		return found;
	}

	/** The ones of these name keys that points of a kind already hold. */
	Set<String> nameKeysInGraph(TransactionContext tx, PointKind kind, Collection<String> keys) {
		Set<String> found = new HashSet<>();
		for (List<String> batch : batches(List.copyOf(keys))) {
			found.addAll(tx.run(NAME_KEYS_IN_GRAPH.formatted(kind.label()), Map.of("keys", batch))
				.single()
				.get("keys")
				.asList(v -> v.asString()));
		}
		return found;
	}

	long adoptCatalogueOccupations(TransactionContext tx, List<String> uris) {
		long adopted = 0;
		for (List<String> batch : batches(uris)) {
			adopted += tx.run(ADOPT_CATALOGUE_OCCUPATIONS, Map.of("uris", batch)).single().get("adopted").asLong();
		}
		return adopted;
	}

	long adoptPoints(TransactionContext tx, PointKind kind, List<Map<String, Object>> rows) {
		long adopted = 0;
		for (List<Map<String, Object>> batch : batches(rows)) {
			adopted += tx.run(ADOPT_POINTS.formatted(kind.label()), Map.of("rows", batch))
				.single()
				.get("adopted")
				.asLong();
		}
		return adopted;
	}

	void writeOccupations(TransactionContext tx, List<Map<String, Object>> rows, Set<String> existing,
			LongConsumer done) {
		write(tx, CREATE_OCCUPATIONS, UPDATE_OCCUPATIONS, rows, existing, Map.of(), done);
	}

	void writePoints(TransactionContext tx, PointKind kind, List<Map<String, Object>> rows, Set<String> existing,
			String createdIn, LongConsumer done) {
		write(tx, CREATE_POINTS.formatted(kind.label()), UPDATE_POINTS.formatted(kind.label()), rows, existing,
				Map.of("createdIn", createdIn), done);
	}

	void writeSkillGroups(TransactionContext tx, List<Map<String, Object>> rows, Set<String> existing,
			LongConsumer done) {
		write(tx, CREATE_SKILL_GROUPS, UPDATE_SKILL_GROUPS, rows, existing, Map.of(), done);
	}

	/** Links whose two ends were both created by this import are created; the others merged. */
	void writeBroader(TransactionContext tx, List<Link> links, Set<String> existing, LongConsumer done) {
		links(tx, CREATE_BROADER, MERGE_BROADER, links, existing, done);
	}

	void writeOccupationSkills(TransactionContext tx, List<Link> links, Set<String> existing, LongConsumer done) {
		links(tx, CREATE_OCCUPATION_SKILLS, MERGE_OCCUPATION_SKILLS, links, existing, done);
	}

	/** A link from one concept to another, with the relation type where it has one. */
	record Link(String from, String to, String relationType) {
	}

	private static void links(TransactionContext tx, String create, String merge, List<Link> links,
			Set<String> existing, LongConsumer done) {
		Map<Boolean, List<Link>> known = links.stream()
			.collect(Collectors.partitioningBy(l -> existing.contains(l.from()) && existing.contains(l.to())));
		for (boolean merging : List.of(false, true)) {
			Map<String, List<Map<String, Object>>> byStart = new LinkedHashMap<>();
			for (Link link : known.get(merging)) {
				byStart.computeIfAbsent(link.from(), f -> new ArrayList<>())
					.add(link.relationType() == null ? Map.of("uri", link.to())
							: Map.of("uri", link.to(), "relationType", link.relationType()));
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
			tx.run(cypher, Map.of("rows", rows)).consume();
			done.accept(links);
		}
	}

	private static void write(TransactionContext tx, String create, String update, List<Map<String, Object>> rows,
			Set<String> existing, Map<String, Object> parameters, LongConsumer done) {
		run(tx, create, rows.stream().filter(r -> !existing.contains((String) r.get("uri"))).toList(), parameters, done);
		run(tx, update, rows.stream().filter(r -> existing.contains((String) r.get("uri"))).toList(), parameters, done);
	}

	private static void run(TransactionContext tx, String cypher, List<Map<String, Object>> rows,
			Map<String, Object> parameters, LongConsumer done) {
		for (List<Map<String, Object>> batch : batches(rows)) {
			Map<String, Object> all = new HashMap<>(parameters);
			all.put("rows", batch);
			tx.run(cypher, all).consume();
			done.accept(batch.size());
		}
	}

	private static <T> List<List<T>> batches(List<T> items) {
		List<List<T>> batches = new ArrayList<>();
		for (int from = 0; from < items.size(); from += BATCH) {
			batches.add(items.subList(from, Math.min(items.size(), from + BATCH)));
		}
		return batches;
	}
}
