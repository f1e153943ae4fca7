package org.abilitymap.search;

import org.abilitymap.points.Point;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.abilitymap.support.neo4j.Graph;
import org.springframework.stereotype.Repository;

/** One full-text query over the three name indexes: jobs, programmes and courses, skill and knowledge points. */
@Repository
class SearchRepository {

	/**
	 * Jobs from {@code job_names} (groups and occupations share the index but are not hits), programmes and courses
	 * from {@code education_names}, points from {@code point_names} (published ones only, {@link Point#PUBLISHED});
	 * merged by score.
	 */
	private static final String SEARCH = """
			CALL () {
			  CALL db.index.fulltext.queryNodes('job_names', $query) YIELD node, score
			  WHERE node:Job
			  RETURN node, 'JOB' AS kind, score
			  UNION ALL
			  CALL db.index.fulltext.queryNodes('education_names', $query) YIELD node, score
			  WHERE node:Programme OR node:Course
			  RETURN node, CASE WHEN node:Programme THEN 'PROGRAMME' ELSE 'COURSE' END AS kind, score
			  UNION ALL
			  CALL db.index.fulltext.queryNodes('point_names', $query) YIELD node AS p, score
			  WHERE %s
			  RETURN p AS node, CASE WHEN p:SkillPoint THEN 'SKILL' ELSE 'KNOWLEDGE' END AS kind, score
			}
			RETURN node.id AS id, kind, node.name AS name, node.nameEn AS nameEn,
			       CASE WHEN kind = 'COURSE' THEN node.programmeId END AS programmeId, score
			ORDER BY score DESC, kind, id
			LIMIT $first
			""".formatted(Point.PUBLISHED);

	/** Characters with a meaning in Lucene's query syntax; user text is searched for literally. */
	private static final Pattern LUCENE_SPECIAL = Pattern.compile("([+\\-&|!(){}\\[\\]^\"~*?:\\\\/])");

	private final Graph graph;

	SearchRepository(Graph graph) {
		this.graph = graph;
	}

	List<SearchHit> search(String text, int first) {
		// Lower case keeps AND, OR and NOT from being operators; the analyzer lower-cases every term anyway.
		String literal = LUCENE_SPECIAL.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("\\\\$1");
		return graph.query(SEARCH, Map.of("query", literal, "first", first),
				r -> new SearchHit(r.get("id").asString(), SearchKind.valueOf(r.get("kind").asString()),
						r.get("name").asString(null), r.get("nameEn").asString(null),
						r.get("programmeId").asString(null), r.get("score").asDouble()));
	}
}
