package org.abilitymap.casepackage;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.abilitymap.documents.DocumentObject;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.jobs.ProficiencyLevel;
import org.abilitymap.points.PointKind;

/**
 * Reads a parsed CFPackage (maps and lists) into a {@link CasePackage}, recording every problem with its JSON path:
 * missing or mistyped fields, identifiers that are no UUIDs or are used twice, unknown association types,
 * isChildOf or exactMatchOf ends that name nothing in the package, and cycles in the isChildOf hierarchy.
 */
final class CasePackageReader {

	/** The association types of CASE 1.1; {@code ext:} types are extensions and accepted as they are. */
	static final Set<String> ASSOCIATION_TYPES = Set.of("isChildOf", "isPeerOf", "isPartOf", "exactMatchOf",
			"precedes", "isRelatedTo", "replacedBy", "exemplar", "hasSkillLevel", "isTranslationOf");

	/** Item types read as skill points and knowledge points (compared without case); every other type groups. */
	static final Map<String, PointKind> POINT_TYPES = Map.of("skillpoint", PointKind.SKILL, "技能点", PointKind.SKILL,
			"skill", PointKind.SKILL, "knowledgepoint", PointKind.KNOWLEDGE, "知识点", PointKind.KNOWLEDGE, "knowledge",
			PointKind.KNOWLEDGE);

	private final List<Problem> problems = new ArrayList<>();

	private CasePackageReader() {
	}

	/**
	 * Reads and validates a package.
	 *
	 * @throws InvalidDocumentException with every problem found
	 */
	static CasePackage read(Object parsed) {
		CasePackageReader reader = new CasePackageReader();
		CasePackage result = reader.readPackage(parsed);
		if (!reader.problems.isEmpty()) {
			throw new InvalidDocumentException(reader.problems);
		}
		return result;
	}

	private CasePackage readPackage(Object parsed) {
		DocumentObject root = DocumentObject.root(parsed, problems);
		if (root == null) {
			return null;
		}
		DocumentObject documentObject = root.requiredObject("CFDocument");
		CasePackage.Document document = documentObject == null ? null
				: document(documentObject, (Map<?, ?>) ((Map<?, ?>) parsed).get("CFDocument"));
		Map<?, ?> fields = (Map<?, ?>) parsed;
		List<CasePackage.Item> items = new ArrayList<>();
		for (DocumentObject item : root.optionalList("CFItems")) {
			int index = indexOf(item);
			items.add(item(item, index, (Map<?, ?>) ((List<?>) fields.get("CFItems")).get(index)));
		}
		List<CasePackage.Association> associations = new ArrayList<>();
		for (DocumentObject association : root.optionalList("CFAssociations")) {
			int index = indexOf(association);
			associations.add(association(association, index,
					(Map<?, ?>) ((List<?>) fields.get("CFAssociations")).get(index)));
		}
		Object definitions = fields.get("CFDefinitions");
		if (definitions != null && !(definitions instanceof Map<?, ?>)) {
			problems.add(new Problem("CFDefinitions", ProblemCode.WRONG_TYPE, "'CFDefinitions' must be an object."));
		}
		checkIdentifiers(document, items, associations);
		checkReferences(document, items, associations);
		return new CasePackage(document, items, associations, definitions);
	}

	private CasePackage.Document document(DocumentObject o, Map<?, ?> raw) {
		String identifier = identifier(o);
		String uri = o.requiredText("uri");
		String title = o.requiredText("title");
		String creator = o.requiredText("creator");
		String language = o.optionalText("language");
		String changed = dateTime(o);
		return new CasePackage.Document(identifier, uri, title, creator, language, changed, raw);
	}

	private CasePackage.Item item(DocumentObject o, int index, Map<?, ?> raw) {
		String identifier = identifier(o);
		String uri = o.requiredText("uri");
		String fullStatement = o.requiredText("fullStatement");
		String alternativeLabel = o.optionalText("alternativeLabel");
		String humanCodingScheme = o.optionalText("humanCodingScheme");
		dateTime(o);
		String type = o.optionalText("CFItemType");
		DocumentObject typeLink = o.optionalObject("CFItemTypeURI");
		String typeTitle = typeLink == null ? null : typeLink.optionalText("title");
		if (typeLink != null) {
			linkIdentifier(typeLink);
		}
		if (type == null && typeTitle != null) {
			type = typeTitle;
		}
		if (type == null && !o.has("CFItemType")) {
			o.problem("CFItemType", ProblemCode.REQUIRED, "'CFItemType' is required: it tells skill points "
					+ "(SkillPoint, 技能点) and knowledge points (KnowledgePoint, 知识点) from grouping items.");
		}
		PointKind kind = type == null ? null : POINT_TYPES.get(type.toLowerCase(Locale.ROOT));
		ProficiencyLevel level = null;
		Integer importance = null;
		Boolean essential = null;
		DocumentObject extensions = o.optionalObject("extensions");
		if (extensions != null) {
			level = extensions.optionalEnum("requiredLevel", ProficiencyLevel.class, null);
			importance = extensions.optionalInt("importance", 1, 5);
			if (extensions.has("essential")) {
				Object value = ((Map<?, ?>) raw.get("extensions")).get("essential");
				if (value instanceof Boolean b) {
					essential = b;
				}
				else {
					extensions.problem("essential", ProblemCode.WRONG_TYPE, "'essential' must be true or false.");
				}
			}
		}
		return new CasePackage.Item(index, o.path(), identifier, uri, fullStatement, alternativeLabel, type, kind,
				humanCodingScheme, level, importance, essential, raw);
	}

	private CasePackage.Association association(DocumentObject o, int index, Map<?, ?> raw) {
		String identifier = identifier(o);
		o.requiredText("uri");
		dateTime(o);
		String type = o.requiredText("associationType");
		if (type != null && !ASSOCIATION_TYPES.contains(type) && !type.startsWith("ext:")) {
			o.problem("associationType", ProblemCode.INVALID_VALUE, "'associationType' must be one of "
					+ ASSOCIATION_TYPES.stream().sorted().toList() + " or an extension 'ext:…', not '" + type + "'.");
		}
		o.optionalInt("sequenceNumber", 0, Integer.MAX_VALUE);
		DocumentObject origin = o.requiredObject("originNodeURI");
		DocumentObject destination = o.requiredObject("destinationNodeURI");
		return new CasePackage.Association(index, o.path(), identifier, type,
				origin == null ? null : linkIdentifier(origin), destination == null ? null : linkIdentifier(destination),
				raw);
	}

	private String identifier(DocumentObject o) {
		String identifier = o.requiredText("identifier");
		if (identifier != null && !CaseIds.isUuid(identifier)) {
			o.problem("identifier", ProblemCode.INVALID_VALUE,
					"'identifier' must be a UUID such as 3f2b6c1e-8d4a-4c2e-9b1f-0a7d5e6c4b3a, not '" + identifier + "'.");
			return null;
		}
		return identifier == null ? null : identifier.toLowerCase(Locale.ROOT);
	}

	private String linkIdentifier(DocumentObject link) {
		link.requiredText("uri");
		return identifier(link);
	}

	private String dateTime(DocumentObject o) {
		String value = o.requiredText("lastChangeDateTime");
		if (value == null) {
			return null;
		}
		try {
			DateTimeFormatter.ISO_DATE_TIME.parse(value);
			return value;
		}
		catch (DateTimeParseException ex) {
			o.problem("lastChangeDateTime", ProblemCode.INVALID_VALUE,
					"'lastChangeDateTime' must be a date and time like 2026-03-02T08:30:00Z, not '" + value + "'.");
			return null;
		}
	}

	private void checkIdentifiers(CasePackage.Document document, List<CasePackage.Item> items,
			List<CasePackage.Association> associations) {
		Map<String, String> firstUse = new HashMap<>();
		if (document != null && document.identifier() != null) {
			firstUse.put(document.identifier(), "CFDocument");
		}
		for (CasePackage.Item item : items) {
			duplicate(firstUse, item.identifier(), item.path());
		}
		Map<String, String> associationUse = new HashMap<>();
		for (CasePackage.Association association : associations) {
			duplicate(associationUse, association.identifier(), association.path());
		}
	}

	private void duplicate(Map<String, String> firstUse, String identifier, String path) {
		if (identifier == null) {
			return;
		}
		String first = firstUse.putIfAbsent(identifier, path);
		if (first != null) {
			problems.add(new Problem(path + ".identifier", ProblemCode.DUPLICATE_ID,
					"The identifier '" + identifier + "' is already used by " + first + "."));
		}
	}

	/**
	 * isChildOf must join two items of the package, or an item to the document; exactMatchOf must start at an item
	 * and, when it ends at one too, join two points of the same kind. The hierarchy must have no cycle.
	 */
	private void checkReferences(CasePackage.Document document, List<CasePackage.Item> items,
			List<CasePackage.Association> associations) {
		Map<String, CasePackage.Item> byIdentifier = new LinkedHashMap<>();
		items.stream().filter(i -> i.identifier() != null).forEach(i -> byIdentifier.putIfAbsent(i.identifier(), i));
		String documentIdentifier = document == null ? null : document.identifier();
		List<Hierarchy.Edge> edges = new ArrayList<>();
		for (CasePackage.Association a : associations) {
			if (a.type() == null || a.origin() == null || a.destination() == null) {
				continue;
			}
			boolean childOf = a.type().equals("isChildOf");
			boolean exactMatch = a.type().equals("exactMatchOf");
			if (!childOf && !exactMatch) {
				continue;
			}
			CasePackage.Item origin = byIdentifier.get(a.origin());
			if (origin == null) {
				problems.add(new Problem(a.path() + ".originNodeURI.identifier", ProblemCode.UNKNOWN_REFERENCE,
						"No CFItem of this package has the identifier '" + a.origin() + "'; the origin of "
								+ a.type() + " must be one."));
			}
			CasePackage.Item destination = byIdentifier.get(a.destination());
			if (childOf && destination == null && !a.destination().equals(documentIdentifier)) {
				problems.add(new Problem(a.path() + ".destinationNodeURI.identifier", ProblemCode.UNKNOWN_REFERENCE,
						"Neither a CFItem nor the CFDocument of this package has the identifier '" + a.destination()
								+ "'; the parent of isChildOf must be one."));
			}
			if (exactMatch && origin != null && destination != null && origin.kind() != destination.kind()) {
				problems.add(new Problem(a.path(), ProblemCode.INVALID_VALUE, "exactMatchOf joins items of one "
						+ "kind: '" + origin.fullStatement() + "' is " + describe(origin) + ", '"
						+ destination.fullStatement() + "' " + describe(destination) + "."));
			}
			if (childOf && origin != null && (destination != null || a.destination().equals(documentIdentifier))) {
				edges.add(new Hierarchy.Edge(a.origin(), a.destination(), a.path(),
						origin.fullStatement(), destination == null ? "the document" : destination.fullStatement()));
			}
		}
		problems.addAll(Hierarchy.cycles(edges));
	}

	private static String describe(CasePackage.Item item) {
		return item.kind() == null ? "a grouping item (" + item.type() + ")"
				: item.kind() == PointKind.SKILL ? "a skill point" : "a knowledge point";
	}

	/** The position of a list element in its list, from its path ({@code CFItems[3]}). */
	private static int indexOf(DocumentObject element) {
		String path = element.path();
		return Integer.parseInt(path.substring(path.lastIndexOf('[') + 1, path.length() - 1));
	}
}
