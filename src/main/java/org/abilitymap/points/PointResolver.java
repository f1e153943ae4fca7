package org.abilitymap.points;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.points.PointMatch.MatchRule;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Component;

/**
 * Lands a document's point references on shared points inside the document's transaction: an existing id wins,
 * then an existing point with the same normalised name, then a point created earlier in the same document, and
 * only then a new point. Submissions and programmes share this one rule.
 */
@Component
public class PointResolver {

	private static final String POINTS_BY_ID = """
			UNWIND $ids AS id
			OPTIONAL MATCH (s:SkillPoint {id: id})
			OPTIONAL MATCH (k:KnowledgePoint {id: id})
			WITH id, coalesce(s, k) AS p
			WHERE p IS NOT NULL
			RETURN id, %s AS point
			""".formatted(Point.PROJECTION);

	/** The first placeholder is a label from {@link PointKind#label()}, never from input. */
	private static final String POINTS_BY_NAME_KEY = """
			UNWIND $keys AS key
			MATCH (p:%s {nameKey: key})
			RETURN key, %s AS point
			""";

	private static final String CREATE_POINTS = """
			UNWIND $points AS point
			CREATE (p:%s {id: point.id, name: point.name, nameKey: point.nameKey})
			SET p.nameEn = point.nameEn, p.description = point.description,
			    p.createdBy = $createdBy, p.createdIn = $createdIn, p.createdAt = datetime()
			""";

	/** Which point each reference landed on, what was matched or created, and created points that look like others. */
	public record Resolution(Map<String, String> idsByPath, List<PointMatch> matched, List<Point> created,
			List<PointWarning> warnings) {

		/** The point id a reference at {@code path} landed on. */
		public String idAt(String path) {
			return idsByPath.get(path);
		}
	}

	/**
	 * Problems with references that cannot land: an id without a name that names no point (nor a point defined
	 * with that id elsewhere in the document), or an id of the other kind. Reads only.
	 */
	public List<Problem> checkReferences(TransactionContext tx, List<PointRequest> requests) {
		Map<String, Point> existing = pointsById(tx, ids(requests));
		Set<String> namedInDocument = requests.stream()
			.filter(r -> r.id() != null && r.name() != null)
			.map(PointRequest::id)
			.collect(Collectors.toSet());
		List<Problem> problems = new ArrayList<>();
		for (PointRequest request : requests) {
			Point point = request.id() == null ? null : existing.get(request.id());
			if (point != null && request.kind() != null && point.kind() != request.kind()) {
				problems.add(new Problem(request.idPath(), ProblemCode.UNKNOWN_REFERENCE, "'" + request.id()
						+ "' is a " + describe(point.kind()) + ", but it is used here as a " + describe(request.kind())
						+ "."));
			}
			else if (point == null && request.id() != null && request.name() == null
					&& !namedInDocument.contains(request.id())) {
				problems.add(new Problem(request.idPath(), ProblemCode.UNKNOWN_REFERENCE, "There is no "
						+ describe(request.kind()) + " with id '" + request.id() + "'. Give a 'name' to create it."));
			}
		}
		return problems;
	}

	/**
	 * Resolves every reference and creates the points that do not exist yet, recording who created them.
	 * Call {@link #checkReferences} first: references it rejects are not handled here.
	 *
	 * @param createdBy the enterprise or school whose document creates points
	 * @param createdIn the submission or programme revision that creates them
	 */
	public Resolution resolve(TransactionContext tx, List<PointRequest> requests, String createdBy, String createdIn) {
		Map<String, Point> existingById = pointsById(tx, ids(requests));
		Map<PointKind, Map<String, Point>> existingByKey = new HashMap<>();
		for (PointKind kind : PointKind.values()) {
			existingByKey.put(kind, pointsByNameKey(tx, kind, requests.stream()
				.filter(r -> r.kind() == kind && r.name() != null)
				.flatMap(r -> java.util.stream.Stream.of(PointNames.key(r.name()), PointNames.lookAlikeKey(r.name())))
				.filter(java.util.Objects::nonNull)
				.distinct()
				.toList()));
		}
		Map<String, String> idsByPath = new HashMap<>();
		Map<String, Point> createdByIdentity = new LinkedHashMap<>();
		Map<String, String> pathOfCreated = new HashMap<>();
		Map<String, Point> byDocumentId = new HashMap<>(); // document ids of points not found by id
		Map<String, PointMatch> matchedById = new LinkedHashMap<>();
		List<PointRequest> laterReferences = new ArrayList<>();
		for (PointRequest request : requests) {
			Point byId = request.id() == null ? null : existingById.get(request.id());
			if (byId != null) {
				idsByPath.put(request.path(), byId.id());
				matchedById.putIfAbsent(byId.id(), new PointMatch(request.path(), request.name(), byId, MatchRule.ID));
				continue;
			}
			if (request.name() == null) {
				laterReferences.add(request); // an id defined with a name elsewhere in this document
				continue;
			}
			String key = PointNames.key(request.name());
			Point byName = existingByKey.get(request.kind()).get(key);
			if (byName != null) {
				if (request.id() != null) {
					byDocumentId.putIfAbsent(request.id(), byName); // later id-only references follow the match
				}
				idsByPath.put(request.path(), byName.id());
				matchedById.putIfAbsent(byName.id(),
						new PointMatch(request.path(), request.name(), byName, MatchRule.NAME));
				continue;
			}
			Point created = createdByIdentity.get(request.kind() + "|" + key);
			if (created == null && request.id() != null) {
				created = byDocumentId.get(request.id());
			}
			if (created == null) {
				String id = request.id() != null ? request.id() : PointNames.derivedId(request.kind(), request.name());
				created = new Point(id, request.kind(), request.name(), request.nameEn(), request.description());
				createdByIdentity.put(request.kind() + "|" + key, created);
				pathOfCreated.put(id, request.path());
				byDocumentId.put(id, created);
			}
			else if (request.id() != null) {
				byDocumentId.putIfAbsent(request.id(), created); // a second id for the same name: later references follow
			}
			idsByPath.put(request.path(), created.id());
		}
		for (PointRequest request : laterReferences) {
			idsByPath.put(request.path(), byDocumentId.get(request.id()).id());
		}
		List<Point> created = List.copyOf(createdByIdentity.values());
		List<PointWarning> warnings = new ArrayList<>();
		for (Point point : created) {
			String lookAlike = PointNames.lookAlikeKey(point.name());
			if (lookAlike == null) {
				continue;
			}
			Point resembled = existingByKey.get(point.kind()).get(lookAlike);
			if (resembled == null) {
				resembled = createdByIdentity.get(point.kind() + "|" + lookAlike);
			}
			if (resembled != null && PointNames.confusable(point.name(), resembled.name())) {
				warnings.add(new PointWarning(pathOfCreated.get(point.id()), point.name(), resembled, "'" + point.name()
						+ "' mixes Cyrillic or Greek letters into a Latin or Chinese name and looks like the "
						+ describe(point.kind()) + " '" + resembled.name() + "' (" + resembled.id() + "); it was "
						+ "created as a new point. Retype the name, or give the id " + resembled.id() + ", to use that one."));
			}
		}
		for (PointKind kind : PointKind.values()) {
			List<Map<String, Object>> rows = created.stream().filter(p -> p.kind() == kind).map(Point::asParameters).toList();
			if (!rows.isEmpty()) {
				tx.run(CREATE_POINTS.formatted(kind.label()),
						Map.of("points", rows, "createdBy", createdBy, "createdIn", createdIn)).consume();
			}
		}
		return new Resolution(idsByPath, List.copyOf(matchedById.values()), created, List.copyOf(warnings));
	}

	private static List<String> ids(List<PointRequest> requests) {
		return requests.stream().map(PointRequest::id).filter(java.util.Objects::nonNull).distinct().toList();
	}

	private static Map<String, Point> pointsById(TransactionContext tx, Collection<String> ids) {
		Map<String, Point> points = new HashMap<>();
		if (!ids.isEmpty()) {
			tx.run(POINTS_BY_ID, Map.of("ids", List.copyOf(ids)))
				.forEachRemaining(r -> points.put(r.get("id").asString(), Point.of(r.get("point"))));
		}
		return points;
	}

	private static Map<String, Point> pointsByNameKey(TransactionContext tx, PointKind kind, Collection<String> keys) {
		Map<String, Point> points = new HashMap<>();
		if (!keys.isEmpty()) {
			tx.run(POINTS_BY_NAME_KEY.formatted(kind.label(), Point.PROJECTION), Map.of("keys", List.copyOf(keys)))
				.forEachRemaining(r -> points.put(r.get("key").asString(), Point.of(r.get("point"))));
		}
		return points;
	}

	static String describe(PointKind kind) {
		if (kind == null) {
			return "skill or knowledge point";
		}
		return kind == PointKind.SKILL ? "skill point" : "knowledge point";
	}
}
