package org.abilitymap.casepackage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.abilitymap.points.Point;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Repository;

/** The Cypher behind CASE imports: the framework, its grouping items, item memberships and the hierarchy. */
@Repository
class CaseImportRepository {

	private static final String CONTENT_HASH = """
			MATCH (f:Framework {id: $id})
			RETURN f.contentHash AS contentHash
			""";

	private static final String POINTS_BY_CASE_IDENTIFIER = """
			UNWIND $identifiers AS identifier
			MATCH (p)-[r:IN_FRAMEWORK {identifier: identifier}]->(:Framework)
			WHERE p:SkillPoint OR p:KnowledgePoint
			WITH identifier, p ORDER BY p.id
			WITH identifier, head(collect(p)) AS p
			RETURN identifier, %s AS point
			""".formatted(Point.PROJECTION);

	private static final String CLEAR_HIERARCHY = """
			MATCH ()-[r:PART_OF {frameworkId: $id}]->()
			DELETE r
			""";

	private static final String CLEAR_MEMBERSHIPS = """
			MATCH (:Framework {id: $id})<-[r:IN_FRAMEWORK]-()
			DELETE r
			""";

	private static final String CLEAR_GROUPING_ITEMS = """
			MATCH (g:FrameworkItem {frameworkId: $id})
			DETACH DELETE g
			""";

	private static final String SAVE_FRAMEWORK = """
			MERGE (f:Framework {id: $id})
			SET f += $properties, f.importedAt = datetime()
			""";

	private static final String CREATE_GROUPING_ITEMS = """
			UNWIND $rows AS row
			CREATE (:FrameworkItem {id: row.id, frameworkId: $frameworkId, identifier: row.identifier,
			                        name: row.name, nameEn: row.nameEn, type: row.type})
			""";

	/** A node named by id: a point, a grouping item or a framework; each lookup uses its label's index. */
	private static final String NODE = """
			OPTIONAL MATCH (s:SkillPoint {id: %1$s})
			OPTIONAL MATCH (k:KnowledgePoint {id: %1$s})
			OPTIONAL MATCH (g:FrameworkItem {id: %1$s})
			OPTIONAL MATCH (f:Framework {id: %1$s})
			RETURN coalesce(s, k, g, f) AS %2$s
			""";

	private static final String CREATE_MEMBERSHIPS = """
			UNWIND $rows AS row
			MATCH (framework:Framework {id: $frameworkId})
			CALL (row) {
			  %s
			}
			CREATE (node)-[:IN_FRAMEWORK {identifier: row.identifier, uri: row.uri, type: row.type,
			                              fullStatement: row.fullStatement, humanCodingScheme: row.humanCodingScheme,
			                              requiredLevel: row.requiredLevel, importance: row.importance,
			                              essential: row.essential, position: row.position, item: row.item}]->(framework)
			""".formatted(NODE.formatted("row.node", "node"));

	private static final String CREATE_HIERARCHY = """
			UNWIND $rows AS row
			CALL (row) {
			  %s
			}
			CALL (row) {
			  %s
			}
			CREATE (child)-[:PART_OF {frameworkId: $frameworkId, identifier: row.identifier, position: row.position,
			                          association: row.association}]->(parent)
			""".formatted(NODE.formatted("row.child", "child"), NODE.formatted("row.parent", "parent"));

	String contentHash(TransactionContext tx, String frameworkId) {
		var records = tx.run(CONTENT_HASH, Map.of("id", frameworkId)).list();
		return records.isEmpty() ? null : records.get(0).get("contentHash").asString(null);
	}

	Map<String, Point> pointsByCaseIdentifier(TransactionContext tx, List<String> identifiers) {
		Map<String, Point> points = new HashMap<>();
		if (!identifiers.isEmpty()) {
			tx.run(POINTS_BY_CASE_IDENTIFIER, Map.of("identifiers", identifiers))
				.forEachRemaining(r -> points.put(r.get("identifier").asString(), Point.of(r.get("point"))));
		}
		return points;
	}

	void clear(TransactionContext tx, String frameworkId) {
		for (String query : List.of(CLEAR_HIERARCHY, CLEAR_MEMBERSHIPS, CLEAR_GROUPING_ITEMS)) {
			tx.run(query, Map.of("id", frameworkId)).consume();
		}
	}

	void save(TransactionContext tx, String frameworkId, Map<String, Object> properties,
			List<Map<String, Object>> groupingItems, List<Map<String, Object>> memberships,
			List<Map<String, Object>> hierarchy) {
		tx.run(SAVE_FRAMEWORK, Map.of("id", frameworkId, "properties", properties)).consume();
		tx.run(CREATE_GROUPING_ITEMS, Map.of("frameworkId", frameworkId, "rows", groupingItems)).consume();
		tx.run(CREATE_MEMBERSHIPS, Map.of("frameworkId", frameworkId, "rows", memberships)).consume();
		tx.run(CREATE_HIERARCHY, Map.of("frameworkId", frameworkId, "rows", hierarchy)).consume();
	}
}
