package org.abilitymap.casepackage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abilitymap.jobs.Job;
import org.abilitymap.points.Point;
import org.abilitymap.support.neo4j.Graph;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

/** The Cypher behind CASE exports: a job's standard lines, its ability-map tree, and imported frameworks. */
@Repository
class CaseExportRepository {

	private static final String JOB = """
			MATCH (j:Job {id: $jobId})
			RETURN %s AS item
			""".formatted(Job.PROJECTION);

	private static final String STANDARD_LINES = """
			MATCH (:Job {id: $jobId})-[r:REQUIRES_POINT]->(p)
			RETURN %s AS point, r.level AS level, r.importance AS importance, r.essential AS essential,
			       r.enterpriseCount AS enterpriseCount, r.enterprises AS enterprises, r.source AS source
			ORDER BY CASE WHEN p:SkillPoint THEN 0 ELSE 1 END, p.name, p.id
			""".formatted(Point.PROJECTION);

	/** The standard changes when an approval or an explicit requirement does: its latest such moment. */
	private static final String STANDARD_CHANGED = """
			CALL () {
			  MATCH (s:Submission {jobId: $jobId, status: 'APPROVED'})
			  RETURN coalesce(s.approvedAt, s.submittedAt) AS changed
			  UNION ALL
			  MATCH (:Job {id: $jobId})-[o:REQUIREMENT_OVERRIDE]->()
			  RETURN o.setAt AS changed
			}
			RETURN max(changed) AS changed
			""";

	/** Every node of the published (latest approved) submissions' trees, one row each, with its parent and its place under it. */
	private static final String ABILITY_MAP_ROWS = """
			MATCH (s:Submission {jobId: $jobId, published: true})
			CALL (s) {
			  MATCH (s)-[l:HAS_PROJECT]->(n:WorkProject)
			  RETURN 'Project' AS type, null AS parent, n {.id, .name, .nameEn} AS node, l.position AS position,
			         {} AS link
			  UNION ALL
			  MATCH (s)-[:HAS_PROJECT]->(up:WorkProject)-[l:HAS_TASK]->(n:Task)
			  RETURN 'Task' AS type, up.id AS parent, n {.id, .name, .nameEn} AS node, l.position AS position,
			         {frequency: l.frequency, importance: l.importance, difficulty: l.difficulty} AS link
			  UNION ALL
			  MATCH (s)-[:HAS_PROJECT]->()-[:HAS_TASK]->(up:Task)-[l:HAS_STEP]->(n:ProcessStep)
			  RETURN 'ProcessStep' AS type, up.id AS parent, n {.id, .name, .nameEn} AS node, l.position AS position,
			         {} AS link
			  UNION ALL
			  MATCH (s)-[:HAS_PROJECT]->()-[:HAS_TASK]->()-[:HAS_STEP]->(up:ProcessStep)-[l:REQUIRES_SKILL]->(p:SkillPoint)
			  RETURN 'SkillPoint' AS type, up.id AS parent, %1$s AS node, l.position AS position,
			         {level: l.level} AS link
			  UNION ALL
			  MATCH (s)-[:HAS_PROJECT]->()-[:HAS_TASK]->()-[:HAS_STEP]->(up:ProcessStep)-[l:REQUIRES_KNOWLEDGE]->(p:KnowledgePoint)
			  RETURN 'KnowledgePoint' AS type, up.id AS parent, %1$s AS node, l.position AS position,
			         {skillId: l.skillId} AS link
			}
			RETURN s.enterpriseId AS enterpriseId, s.id AS submissionId, s.version AS version,
			       s.submittedAt AS submittedAt, type, parent, node, position, link
			ORDER BY enterpriseId, position
			""".formatted(Point.PROJECTION);

	/** The CASE items imported points are known by elsewhere: the destinations of their exactMatchOf links. */
	private static final String IMPORTED_IDENTITIES = """
			UNWIND $ids AS key
			MATCH (p {id: key})-[r:IN_FRAMEWORK]->(:Framework)
			WHERE (p:SkillPoint OR p:KnowledgePoint)
			WITH key, r ORDER BY r.identifier
			RETURN key, collect(DISTINCT {identifier: r.identifier, uri: r.uri, title: r.fullStatement}) AS items
			""";

	private static final String FRAMEWORK = """
			MATCH (f:Framework {id: $id})
			RETURN f.document AS document, f.definitions AS definitions, f.otherAssociations AS otherAssociations
			""";

	private static final String FRAMEWORK_ITEMS = """
			MATCH (:Framework {id: $id})<-[r:IN_FRAMEWORK]-()
			RETURN r.item AS item ORDER BY r.position
			""";

	private static final String FRAMEWORK_HIERARCHY = """
			MATCH ()-[r:PART_OF {frameworkId: $id}]->()
			RETURN r.position AS position, r.association AS association
			""";

	/** One row of a job's ability-map tree. */
	record TreeRow(String enterpriseId, String submissionId, int version, String submittedAt, String type,
			String parent, Value node, int position, Value link) {
	}

	/** One line of a job's standard. */
	record StandardLine(Point point, long level, int importance, boolean essential, int enterpriseCount,
			int enterprises, String source) {
	}

	/** What is stored of an imported framework, as JSON texts. */
	record StoredFramework(String document, String definitions, String otherAssociations, List<String> items,
			Map<Integer, String> hierarchy) {
	}

	private final Graph graph;

	CaseExportRepository(Graph graph) {
		this.graph = graph;
	}

	Optional<Job> job(String jobId) {
		return graph.queryOne(JOB, Map.of("jobId", jobId), r -> Job.of(r.get("item")));
	}

	List<StandardLine> standard(String jobId) {
		return graph.query(STANDARD_LINES, Map.of("jobId", jobId), r -> new StandardLine(Point.of(r.get("point")),
				r.get("level").asLong(), r.get("importance").asInt(), r.get("essential").asBoolean(),
				r.get("enterpriseCount").asInt(0), r.get("enterprises").asInt(0), r.get("source").asString(null)));
	}

	Optional<String> standardChanged(String jobId) {
		return graph.query(STANDARD_CHANGED, Map.of("jobId", jobId), r -> Optional.ofNullable(timestamp(r.get("changed"))))
			.get(0);
	}

	List<TreeRow> abilityMap(String jobId) {
		return graph.query(ABILITY_MAP_ROWS, Map.of("jobId", jobId), r -> new TreeRow(r.get("enterpriseId").asString(),
				r.get("submissionId").asString(), r.get("version").asInt(), timestamp(r.get("submittedAt")),
				r.get("type").asString(), r.get("parent").asString(null), r.get("node"), r.get("position").asInt(0),
				r.get("link")));
	}

	Map<String, List<Map<String, Object>>> importedIdentities(List<String> pointIds) {
		Map<String, List<Map<String, Object>>> identities = new HashMap<>();
		graph.queryGrouped(IMPORTED_IDENTITIES, Map.of("ids", pointIds), Value::asMap)
			.forEach((key, items) -> identities.put(key, items.stream().map(m -> Map.<String, Object>copyOf(m)).toList()));
		return identities;
	}

	Optional<StoredFramework> framework(String identifier) {
		return graph.read(tx -> {
			var head = tx.run(FRAMEWORK, Map.of("id", identifier)).list();
			if (head.isEmpty()) {
				return Optional.empty();
			}
			List<String> items = tx.run(FRAMEWORK_ITEMS, Map.of("id", identifier)).list(r -> r.get("item").asString());
			Map<Integer, String> hierarchy = new HashMap<>();
			tx.run(FRAMEWORK_HIERARCHY, Map.of("id", identifier))
				.forEachRemaining(r -> hierarchy.put(r.get("position").asInt(), r.get("association").asString()));
			var f = head.get(0);
			return Optional.of(new StoredFramework(f.get("document").asString(), f.get("definitions").asString(null),
					f.get("otherAssociations").asString(null), items, hierarchy));
		});
	}

	/** A stored date-time as CASE writes it: UTC, to the second. */
	static String timestamp(Value value) {
		if (value == null || value.isNull()) {
			return null;
		}
		Instant instant = value.asZonedDateTime().toInstant();
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}
}
