package org.abilitymap.sheets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.abilitymap.documents.ProblemCode;

/**
 * Turns the rows of a work-task sheet (one row per project → task → step → skill → knowledge path; rows with the
 * same id or name under the same parent are one node, a level left blank continues the row above) into the parsed
 * JSON tree that work-task documents are, remembering for every JSON path the cell it came from.
 */
final class WorkTaskSheetReader {

	/** One level of the tree: the list field that holds it, its name for messages and its fields' columns. */
	private record Level(String list, String name, Map<String, String> columns) {

		String nameColumn() {
			return columns.get("name");
		}

		String idColumn() {
			return columns.get("id");
		}
	}

	private static final List<Level> LEVELS = List.of(
			new Level("projects", "project", named("project")),
			new Level("tasks", "task", named("task", "frequency", "frequency", "importance", "importance", "difficulty",
					"difficulty")),
			new Level("steps", "step", named("step")),
			new Level("skills", "skill", named("skill", "level", "skillLevel")),
			new Level("knowledge", "knowledge point", named("knowledge")));

	/** The document-level fields: JSON path → column. */
	private static final Map<String, String> HEADER = ordered("enterprise.id", "enterpriseId", "enterprise.name",
			"enterpriseName", "enterprise.nameEn", "enterpriseNameEn", "jobId", "jobId", "shadowing.startDate",
			"shadowingStartDate", "shadowing.endDate", "shadowingEndDate", "shadowing.observers", "shadowingObservers",
			"shadowing.method", "shadowingMethod", "shadowing.notes", "shadowingNotes");

	/** A node of the tree being built. */
	private static final class Node {

		final String path;

		final Map<String, Object> fields = new LinkedHashMap<>();

		/** The row each field's value came from. */
		final Map<String, Integer> rowOf = new LinkedHashMap<>();

		final List<Node> children = new ArrayList<>();

		Node lastChild;

		Node(String path) {
			this.path = path;
		}
	}

	private final LayoutTable table;

	private final JsonLocations locations;

	private final List<SheetProblem> problems;

	private final Map<String, Object> header = new LinkedHashMap<>();

	private final Map<String, Integer> headerRows = new LinkedHashMap<>();

	private WorkTaskSheetReader(LayoutTable table, JsonLocations locations, List<SheetProblem> problems) {
		this.table = table;
		this.locations = locations;
		this.problems = problems;
	}

	/** The document the sheet holds, as maps and lists; {@code locations} and {@code problems} are filled in. */
	static Map<String, Object> read(LayoutTable table, JsonLocations locations, List<SheetProblem> problems) {
		return new WorkTaskSheetReader(table, locations, problems).read();
	}

	private Map<String, Object> read() {
		HEADER.forEach((path, column) -> locations.put(path, table.firstRow(column)));
		locations.put("enterprise", table.firstRow("enterpriseId"));
		locations.put("shadowing", table.firstRow("shadowingStartDate"));
		locations.put("projects", table.firstRow("projectName"));
		Node root = new Node("");
		for (LayoutTable.DataRow row : table.rows()) {
			readHeader(row);
			readPath(root, row);
		}
		Map<String, Object> document = new LinkedHashMap<>();
		Map<String, Object> enterprise = group("enterprise.");
		if (!enterprise.isEmpty()) {
			document.put("enterprise", enterprise);
		}
		if (header.containsKey("jobId")) {
			document.put("jobId", header.get("jobId"));
		}
		Map<String, Object> shadowing = group("shadowing.");
		if (!shadowing.isEmpty()) {
			document.put("shadowing", shadowing);
		}
		document.put("projects", children(root, 0));
		return document;
	}

	private Map<String, Object> group(String prefix) {
		Map<String, Object> group = new LinkedHashMap<>();
		header.forEach((path, value) -> {
			if (path.startsWith(prefix)) {
				group.put(path.substring(prefix.length()), value);
			}
		});
		return group;
	}

	/** Enterprise, job and shadowing: given once, or the same on every row that gives them. */
	private void readHeader(LayoutTable.DataRow row) {
		HEADER.forEach((path, column) -> {
			Object value = row.value(column);
			if (value == null) {
				return;
			}
			Object first = header.putIfAbsent(path, value);
			if (first == null) {
				headerRows.put(path, row.number());
				locations.replace(path, table.at(row.number(), column));
			}
			else if (!first.equals(value)) {
				problems.add(SheetProblem.at(table.at(row.number(), column), ProblemCode.INVALID_VALUE, "'" + column
						+ "' is '" + text(value) + "' here but '" + text(first) + "' on row " + headerRows.get(path)
						+ "; one sheet is one enterprise's submission for one job: leave it blank or repeat it.", null));
			}
		});
	}

	private void readPath(Node root, LayoutTable.DataRow row) {
		int deepest = -1;
		for (int level = 0; level < LEVELS.size(); level++) {
			if (hasCells(row, LEVELS.get(level))) {
				deepest = level;
			}
		}
		Node parent = root;
		for (int depth = 0; depth <= deepest; depth++) {
			Level level = LEVELS.get(depth);
			Node node;
			if (hasCells(row, level)) {
				node = find(parent, row, level);
				if (node == null) {
					node = create(parent, row, depth);
				}
				merge(node, row, level);
			}
			else {
				node = parent.lastChild;
				if (node == null) {
					problems.add(SheetProblem.at(table.at(row.number(), level.nameColumn()), ProblemCode.MISPLACED_LEVEL,
							"This row fills the " + LEVELS.get(deepest).name() + " columns but no " + level.name()
									+ " is given on it or on a row above; the levels are project → task → step → "
									+ "skill → knowledge.", null));
					return;
				}
			}
			parent.lastChild = node;
			parent = node;
		}
	}

	private boolean hasCells(LayoutTable.DataRow row, Level level) {
		return level.columns().values().stream().anyMatch(row::has);
	}

	/** The sibling this row continues: the one with the row's id, or with its name, or the last one when it has neither. */
	private Node find(Node parent, LayoutTable.DataRow row, Level level) {
		String id = row.text(level.idColumn());
		String name = row.text(level.nameColumn());
		if (id == null && name == null && !row.has(level.idColumn()) && !row.has(level.nameColumn())) {
			return parent.lastChild;
		}
		for (Node child : parent.children) {
			if (id != null ? id.equals(child.fields.get("id")) : name != null && name.equals(child.fields.get("name"))) {
				return child;
			}
		}
		return null;
	}

	private Node create(Node parent, LayoutTable.DataRow row, int depth) {
		Level level = LEVELS.get(depth);
		String path = JsonLocations.child(parent.path, level.list()) + "[" + parent.children.size() + "]";
		Node node = new Node(path);
		parent.children.add(node);
		locations.put(path, table.at(row.number(), level.nameColumn()));
		level.columns().forEach((field, column) -> locations.put(JsonLocations.child(path, field),
				table.at(row.number(), column)));
		if (depth + 1 < LEVELS.size()) {
			Level next = LEVELS.get(depth + 1);
			locations.put(JsonLocations.child(path, next.list()), table.at(row.number(), next.nameColumn()));
		}
		return node;
	}

	/** Takes the row's values into the node; a value that differs from an earlier row's is a problem. */
	private void merge(Node node, LayoutTable.DataRow row, Level level) {
		level.columns().forEach((field, column) -> {
			Object value = row.value(column);
			if (value == null) {
				return;
			}
			Object earlier = node.fields.get(field);
			if (earlier == null) {
				node.fields.put(field, value);
				node.rowOf.put(field, row.number());
				locations.replace(JsonLocations.child(node.path, field), table.at(row.number(), column));
			}
			else if (!Objects.equals(earlier, value)) {
				problems.add(SheetProblem.at(table.at(row.number(), column), ProblemCode.INVALID_VALUE, "This row gives the "
						+ level.name() + " '" + label(node) + "' the " + column + " '" + text(value) + "' but row "
						+ node.rowOf.get(field) + " gives '" + text(earlier) + "'; repeat a " + level.name()
						+ "'s values the same on every row or leave them blank.", null));
			}
		});
	}

	private List<Object> children(Node parent, int depth) {
		List<Object> list = new ArrayList<>();
		for (Node child : parent.children) {
			Map<String, Object> entry = new LinkedHashMap<>(child.fields);
			if (depth + 1 < LEVELS.size() && !child.children.isEmpty()) {
				entry.put(LEVELS.get(depth + 1).list(), children(child, depth + 1));
			}
			list.add(entry);
		}
		return list;
	}

	private static String label(Node node) {
		Object name = node.fields.get("name");
		return String.valueOf(name != null ? name : node.fields.getOrDefault("id", "?"));
	}

	private static String text(Object value) {
		return value instanceof List<?> list ? String.join("; ", list.stream().map(String::valueOf).toList())
				: String.valueOf(value);
	}

	/** The columns of a level named like {@code taskId, taskName…}, plus extra field → column pairs. */
	private static Map<String, String> named(String prefix, String... extra) {
		Map<String, String> columns = ordered("id", prefix + "Id", "name", prefix + "Name", "nameEn", prefix + "NameEn",
				"description", prefix + "Description");
		columns.putAll(ordered(extra));
		return columns;
	}

	private static Map<String, String> ordered(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}
}
