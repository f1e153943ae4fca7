package org.abilitymap.casepackage;

import org.abilitymap.audit.AuditScope;
import org.abilitymap.accounts.Allowed;
import org.abilitymap.accounts.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.abilitymap.documents.ContentHash;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.JsonDocuments;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.imports.Progress;
import org.abilitymap.points.Point;
import org.abilitymap.points.PointKind;
import org.abilitymap.points.PointMatch;
import org.abilitymap.points.PointRequest;
import org.abilitymap.points.PointResolver;
import org.abilitymap.support.neo4j.Graph;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a CASE CFPackage as a {@code (:Framework)}: skill and knowledge items land on shared points (by the CASE
 * identifier they were imported under before, then as the point an abilitymap export named, then by normalised
 * name, else created), other items become {@code (:FrameworkItem)} grouping nodes, isChildOf becomes
 * {@code PART_OF}; all in one transaction, nothing written on any problem, and the same package twice changes
 * nothing.
 */
@Service
public class CaseImport {

	private static final Pattern POINT_ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:\\-]{0,119}");

	private final Graph graph;

	private final CaseImportRepository repository;

	private final PointResolver points;

	private final JsonDocuments documents;

	private final JsonMapper json;

	CaseImport(Graph graph, CaseImportRepository repository, PointResolver points, JsonDocuments documents,
			JsonMapper json) {
		this.graph = graph;
		this.repository = repository;
		this.points = points;
		this.documents = documents;
		this.json = json;
	}

	/**
	 * Imports one parsed package.
	 *
	 * @throws InvalidDocumentException with every problem located by its JSON path; nothing is written then
	 */
	@Allowed(Operation.IMPORT_REFERENCE_DATA)
	public CaseImportResult importPackage(Object parsed, Progress progress) {
		documents.checkEntryCount(parsed);
		progress.begin("checking the package", -1);
		CasePackage pkg = CasePackageReader.read(parsed);
		String contentHash = ContentHash.of(json.writeValueAsString(parsed));
		progress.begin("importing " + pkg.items().size() + " items", pkg.items().size());
		CaseImportResult result = graph.write(tx -> save(tx, pkg, contentHash));
		progress.advance(pkg.items().size());
		return result;
	}

	private CaseImportResult save(TransactionContext tx, CasePackage pkg, String contentHash) {
		String frameworkId = pkg.document().identifier();
		String previousHash = repository.contentHash(tx, frameworkId);
		AuditScope.touched(frameworkId);
		AuditScope.document(contentHash, null);
		int grouping = (int) pkg.items().stream().filter(i -> !i.isPoint()).count();
		int hierarchyLinks = (int) pkg.associations().stream().filter(a -> a.type().equals("isChildOf")).count();
		if (contentHash.equals(previousHash)) {
			return new CaseImportResult(CaseImportResult.Outcome.UNCHANGED, frameworkId, pkg.document().title(),
					pkg.items().size(), grouping, hierarchyLinks, List.of(), List.of(), List.of());
		}
		Landing landing = land(tx, pkg);
		List<Problem> problems = new ArrayList<>(landing.problems());
		problems.addAll(Hierarchy.cycles(pkg.associations().stream()
			.filter(a -> a.type().equals("isChildOf"))
			.map(a -> new Hierarchy.Edge(landing.nodeOf(a.origin(), frameworkId), landing.nodeOf(a.destination(),
					frameworkId), a.path(), name(pkg, a.origin()), name(pkg, a.destination())))
			.filter(e -> !e.child().equals(e.parent()) || selfLoop(problems, e))
			.toList()));
		if (!problems.isEmpty()) {
			throw new InvalidDocumentException(problems); // rolls back the points created while landing
		}
		if (previousHash != null) {
			repository.clear(tx, frameworkId);
		}
		repository.save(tx, frameworkId, frameworkProperties(pkg, contentHash), groupingRows(pkg, frameworkId),
				membershipRows(pkg, landing, frameworkId), hierarchyRows(pkg, landing, frameworkId));
		return new CaseImportResult(previousHash == null ? CaseImportResult.Outcome.CREATED
				: CaseImportResult.Outcome.UPDATED, frameworkId, pkg.document().title(), pkg.items().size(), grouping,
				hierarchyLinks, landing.matched(), landing.created(), landing.warnings());
	}

	/** An item that would be its own parent once joined to one point is a cycle of length one. */
	private static boolean selfLoop(List<Problem> problems, Hierarchy.Edge edge) {
		problems.add(new Problem(edge.path(), ProblemCode.INVALID_VALUE, "This isChildOf makes '" + edge.childName()
				+ "' a child of '" + edge.parentName() + "', and both land on the same point."));
		return false;
	}

	private static String name(CasePackage pkg, String identifier) {
		return pkg.items().stream().filter(i -> identifier.equals(i.identifier())).map(CasePackage.Item::fullStatement)
			.findFirst().orElse(pkg.document().title());
	}

	/**
	 * Where the point items land. Items joined by exactMatchOf inside the package are one point: the first of them
	 * known by its CASE identifier decides, else the first in document order.
	 */
	private Landing land(TransactionContext tx, CasePackage pkg) {
		Map<String, CasePackage.Item> pointItems = new LinkedHashMap<>();
		pkg.items().stream().filter(CasePackage.Item::isPoint).forEach(i -> pointItems.put(i.identifier(), i));
		Map<String, String> representative = new HashMap<>();
		pointItems.keySet().forEach(id -> representative.put(id, id));
		for (CasePackage.Association a : pkg.associations()) {
			if (a.type().equals("exactMatchOf") && pointItems.containsKey(a.origin())
					&& pointItems.containsKey(a.destination())) {
				String from = find(representative, a.origin());
				String to = find(representative, a.destination());
				if (!from.equals(to)) {
					representative.put(from, to);
				}
			}
		}
		Map<String, Point> byIdentifier = repository.pointsByCaseIdentifier(tx, List.copyOf(pointItems.keySet()));
		List<Problem> problems = new ArrayList<>();
		Map<String, Point> groupPoint = new HashMap<>();
		Map<String, CasePackage.Item> groupDecider = new HashMap<>();
		List<PointMatch> matched = new ArrayList<>();
		for (CasePackage.Item item : pointItems.values()) {
			Point known = byIdentifier.get(item.identifier());
			if (known == null) {
				continue;
			}
			if (known.kind() != item.kind()) {
				problems.add(new Problem(item.path() + ".CFItemType", ProblemCode.INVALID_VALUE, "This item was "
						+ "imported before as the " + (known.kind() == PointKind.SKILL
								? "skill point" : "knowledge point")
						+ " '" + known.name() + "' (" + known.id() + "), not as '" + item.type() + "'."));
				continue;
			}
			String group = find(representative, item.identifier());
			Point earlier = groupPoint.putIfAbsent(group, known);
			if (earlier != null && !earlier.id().equals(known.id())) {
				problems.add(new Problem(item.path() + ".identifier", ProblemCode.INVALID_VALUE, "exactMatchOf joins "
						+ "this item to '" + groupDecider.get(group).fullStatement() + "', but they were imported "
						+ "before as two different points, '" + earlier.name() + "' and '" + known.name() + "'."));
				continue;
			}
			groupDecider.putIfAbsent(group, item);
			if (earlier == null) {
				matched.add(new PointMatch(item.path(), item.fullStatement(), known, PointMatch.MatchRule.CASE_IDENTIFIER));
			}
		}
		List<PointRequest> requests = new ArrayList<>();
		Map<String, String> requestPathOfGroup = new HashMap<>();
		for (CasePackage.Item item : pointItems.values()) {
			String group = find(representative, item.identifier());
			if (groupPoint.containsKey(group) || requestPathOfGroup.containsKey(group)) {
				continue;
			}
			requestPathOfGroup.put(group, item.path());
			requests.add(new PointRequest(item.path(), item.path() + ".humanCodingScheme", item.kind(),
					exportedPointId(item), item.fullStatement(), item.alternativeLabel(), null));
		}
		problems.addAll(points.checkReferences(tx, requests));
		if (!problems.isEmpty()) {
			return new Landing(Map.of(), problems, List.of(), List.of(), List.of());
		}
		var resolution = points.resolve(tx, requests, pkg.document().creator(), "case:" + pkg.document().identifier());
		matched.addAll(resolution.matched());
		Map<String, String> pointOfItem = new HashMap<>();
		for (CasePackage.Item item : pointItems.values()) {
			String group = find(representative, item.identifier());
			Point known = groupPoint.get(group);
			pointOfItem.put(item.identifier(), known != null ? known.id() : resolution.idAt(requestPathOfGroup.get(group)));
		}
		return new Landing(pointOfItem, List.of(), matched, resolution.created(), resolution.warnings());
	}

	/** The point id an abilitymap export put in humanCodingScheme, recognised by the identifier derived from it. */
	private static String exportedPointId(CasePackage.Item item) {
		String code = item.humanCodingScheme();
		return code != null && POINT_ID.matcher(code).matches() && CaseIds.point(code).equals(item.identifier()) ? code
				: null;
	}

	private static String find(Map<String, String> representative, String identifier) {
		String current = identifier;
		while (!representative.get(current).equals(current)) {
			current = representative.get(current);
		}
		return current;
	}

	private Map<String, Object> frameworkProperties(CasePackage pkg, String contentHash) {
		var document = pkg.document();
		Map<String, Object> properties = new HashMap<>();
		properties.put("identifier", document.identifier());
		properties.put("uri", document.uri());
		properties.put("title", document.title());
		properties.put("creator", document.creator());
		properties.put("language", document.language());
		properties.put("lastChangeDateTime", document.lastChangeDateTime());
		properties.put("contentHash", contentHash);
		properties.put("document", json.writeValueAsString(document.raw()));
		properties.put("definitions", pkg.definitions() == null ? null : json.writeValueAsString(pkg.definitions()));
		List<Map<String, Object>> others = new ArrayList<>();
		for (CasePackage.Association a : pkg.associations()) {
			if (!a.type().equals("isChildOf")) {
				Map<String, Object> indexed = new LinkedHashMap<>();
				indexed.put("index", a.index());
				indexed.put("association", a.raw());
				others.add(indexed);
			}
		}
		properties.put("otherAssociations", others.isEmpty() ? null : json.writeValueAsString(others));
		return properties;
	}

	private static List<Map<String, Object>> groupingRows(CasePackage pkg, String frameworkId) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (CasePackage.Item item : pkg.items()) {
			if (!item.isPoint()) {
				Map<String, Object> row = new HashMap<>();
				row.put("id", groupingId(frameworkId, item.identifier()));
				row.put("identifier", item.identifier());
				row.put("name", item.fullStatement());
				row.put("nameEn", item.alternativeLabel());
				row.put("type", item.type());
				rows.add(row);
			}
		}
		return rows;
	}

	private List<Map<String, Object>> membershipRows(CasePackage pkg, Landing landing, String frameworkId) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (CasePackage.Item item : pkg.items()) {
			Map<String, Object> row = new HashMap<>();
			row.put("node", landing.nodeOf(item.identifier(), frameworkId));
			row.put("identifier", item.identifier());
			row.put("uri", item.uri());
			row.put("type", item.type());
			row.put("fullStatement", item.fullStatement());
			row.put("humanCodingScheme", item.humanCodingScheme());
			row.put("requiredLevel", item.level() == null ? null : item.level().rank());
			row.put("importance", item.importance());
			row.put("essential", item.essential());
			row.put("position", item.index());
			row.put("item", json.writeValueAsString(item.raw()));
			rows.add(row);
		}
		return rows;
	}

	private List<Map<String, Object>> hierarchyRows(CasePackage pkg, Landing landing, String frameworkId) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (CasePackage.Association a : pkg.associations()) {
			if (a.type().equals("isChildOf")) {
				Map<String, Object> row = new HashMap<>();
				row.put("child", landing.nodeOf(a.origin(), frameworkId));
				row.put("parent", landing.nodeOf(a.destination(), frameworkId));
				row.put("identifier", a.identifier());
				row.put("position", a.index());
				row.put("association", json.writeValueAsString(a.raw()));
				rows.add(row);
			}
		}
		return rows;
	}

	static String groupingId(String frameworkId, String itemIdentifier) {
		return frameworkId + ":" + itemIdentifier;
	}

	/** Where each point item landed, and what landing found. */
	private record Landing(Map<String, String> pointOfItem, List<Problem> problems, List<PointMatch> matched,
			List<Point> created, List<org.abilitymap.points.PointWarning> warnings) {

		/** The graph id an identifier of the package stands for: a point, a grouping item, or the framework. */
		String nodeOf(String identifier, String frameworkId) {
			if (identifier.equals(frameworkId)) {
				return frameworkId;
			}
			String point = pointOfItem.get(identifier);
			return point != null ? point : groupingId(frameworkId, identifier);
		}
	}
}
