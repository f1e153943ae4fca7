package org.abilitymap.points;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.abilitymap.accounts.Rights;
import org.abilitymap.support.graphql.Connection;
import org.abilitymap.support.graphql.PageRequest;
import org.abilitymap.support.neo4j.Graph;
import org.abilitymap.support.neo4j.Rows;
import org.springframework.stereotype.Repository;

/** Read queries over the shared skill and knowledge points, including full-text search. */
@Repository
class PointRepository {

	/** A point only unapproved drafts name is there only for those who may see such a draft. */
	private static final String POINT_BY_ID = """
			MATCH (p:%s {id: $id})
			WHERE %s
			RETURN %s AS item
			""";

	private static final String SEARCH_COUNT = """
			CALL db.index.fulltext.queryNodes('point_names', $query) YIELD node AS p
			WHERE ($kind IS NULL OR (CASE WHEN p:SkillPoint THEN 'SKILL' ELSE 'KNOWLEDGE' END) = $kind)
			  AND %s
			RETURN count(p) AS total
			""".formatted(Point.PUBLISHED);

	private static final String SEARCH_PAGE = """
			CALL db.index.fulltext.queryNodes('point_names', $query) YIELD node AS p, score
			WHERE ($kind IS NULL OR (CASE WHEN p:SkillPoint THEN 'SKILL' ELSE 'KNOWLEDGE' END) = $kind)
			  AND %s
			RETURN %s AS item, score
			ORDER BY score DESC, p.id
			SKIP $offset LIMIT $fetch
			""".formatted(Point.PUBLISHED, Point.PROJECTION);

	/** Knowledge each skill rests on, as recorded in the published (latest approved) submissions. */
	private static final String KNOWLEDGE_OF_SKILLS = """
			UNWIND $ids AS key
			MATCH (:SkillPoint {id: key})<-[:REQUIRES_SKILL]-(step:ProcessStep)-[link:REQUIRES_KNOWLEDGE]->(p:KnowledgePoint)
			WHERE link.skillId = key AND EXISTS { (:Submission {id: step.submissionId, published: true}) }
			WITH DISTINCT key, p ORDER BY p.name
			RETURN key, collect(%s) AS items
			""".formatted(Point.PROJECTION);

	/** Skills resting on each knowledge point, as recorded in the published (latest approved) submissions. */
	private static final String SKILLS_OF_KNOWLEDGE = """
			UNWIND $ids AS key
			MATCH (:KnowledgePoint {id: key})<-[link:REQUIRES_KNOWLEDGE]-(step:ProcessStep)
			WHERE EXISTS { (:Submission {id: step.submissionId, published: true}) }
			MATCH (p:SkillPoint {id: link.skillId})
			WITH DISTINCT key, p ORDER BY p.name
			RETURN key, collect(%s) AS items
			""".formatted(Point.PROJECTION);

	/** Characters with a meaning in Lucene's query syntax; user text is searched for literally. */
	private static final Pattern LUCENE_SPECIAL = Pattern.compile("([+\\-&|!(){}\\[\\]^\"~*?:\\\\/])");

	private final Graph graph;

	PointRepository(Graph graph) {
		this.graph = graph;
	}

	Optional<Point> point(PointKind kind, String id) {
		return graph.queryOne(POINT_BY_ID.formatted(kind.label(), Point.VISIBLE, Point.PROJECTION),
				Map.of("id", id, "viewer", Rights.viewer()),
				r -> Point.of(r.get("item")));
	}

	Connection<Point> search(String text, PointKind kind, PageRequest page) {
		// Lower case keeps AND, OR and NOT from being operators; the analyzer lower-cases every term anyway.
		String literal = LUCENE_SPECIAL.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("\\\\$1");
		Map<String, Object> parameters = Rows.of("query", literal, "kind", kind == null ? null : kind.name());
		parameters.putAll(page.parameters());
		return graph.read(tx -> {
			long total = tx.run(SEARCH_COUNT, parameters).single().get("total").asLong();
			var records = tx.run(SEARCH_PAGE, parameters).list();
			List<Point> points = records.stream().map(r -> Point.of(r.get("item"))).toList();
			List<Double> scores = records.stream().map(r -> r.get("score").asDouble()).toList();
			return Connection.of(page, points, scores, total);
		});
	}

	Map<String, List<Point>> knowledgeOfSkills(List<String> ids) {
		return graph.queryGrouped(KNOWLEDGE_OF_SKILLS, Map.of("ids", ids), Point::of);
	}

	Map<String, List<Point>> skillsOfKnowledge(List<String> ids) {
		return graph.queryGrouped(SKILLS_OF_KNOWLEDGE, Map.of("ids", ids), Point::of);
	}
}
