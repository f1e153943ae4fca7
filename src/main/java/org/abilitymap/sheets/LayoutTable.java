package org.abilitymap.sheets;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abilitymap.documents.ProblemCode;

/**
 * A sheet read against its layout: the header rows found (Chinese, English or both), each column's position, and
 * the data rows with every cell converted to the column's type; missing or unknown headers and cells of the wrong
 * type are recorded as problems at their cell.
 */
final class LayoutTable {

	private static final Pattern LIST_SEPARATOR = Pattern.compile("[;；,，、\\n\\r]+");

	private static final Pattern SLASHED_DATE = Pattern.compile("(\\d{4})[/.年](\\d{1,2})[/.月](\\d{1,2})日?");

	private final SheetTable table;

	private final SheetLayout layout;

	private final Map<String, Integer> positions = new HashMap<>();

	private final List<DataRow> rows = new ArrayList<>();

	private int lastHeaderRow;

	/**
	 * One data row: the converted value of every non-blank cell that converted, and the keys of every non-blank cell
	 * (also those that did not convert, so that a wrong cell still counts as filled).
	 */
	record DataRow(int number, Map<String, Object> values, Set<String> present) {

		Object value(String key) {
			return values.get(key);
		}

		String text(String key) {
			return values.get(key) instanceof String s ? s : null;
		}

		boolean has(String key) {
			return present.contains(key);
		}
	}

	private LayoutTable(SheetTable table, SheetLayout layout) {
		this.table = table;
		this.layout = layout;
	}

	/** Reads a table against a layout, adding its problems to {@code problems}. */
	static LayoutTable bind(SheetTable table, SheetLayout layout, List<SheetProblem> problems, int maxRows) {
		LayoutTable bound = new LayoutTable(table, layout);
		if (bound.findHeaders(problems)) {
			bound.readRows(problems, maxRows);
		}
		return bound;
	}

	SheetLayout layout() {
		return layout;
	}

	List<DataRow> rows() {
		return rows;
	}

	/** The cell of a row and column, or the row alone when the column is not in the sheet. */
	Location at(int row, String key) {
		Integer position = positions.get(key);
		Column column = layout.column(key);
		return new Location(sheetName(), row, position == null ? null : Location.letters(position), column.header());
	}

	/** Where the first data row's cell of a column is: the place of a value that is missing altogether. */
	Location firstRow(String key) {
		return at(lastHeaderRow + 1, key);
	}

	Location whole() {
		return Location.ofSheet(sheetName());
	}

	private String sheetName() {
		return table.csv() ? null : table.name();
	}

	private boolean findHeaders(List<SheetProblem> problems) {
		List<SheetTable.Row> headerRows = new ArrayList<>();
		for (SheetTable.Row row : table.rows()) {
			if (row.number() > 2) {
				break;
			}
			int matched = 0;
			int filled = 0;
			for (Object cell : row.cells()) {
				if (cell != null && !(cell instanceof String s && s.isBlank())) {
					filled++;
					if (columnOf(cell) != null) {
						matched++;
					}
				}
			}
			if (matched > 0 && matched * 2 >= filled) {
				headerRows.add(row);
			}
		}
		if (headerRows.isEmpty()) {
			problems.add(SheetProblem.at(new Location(sheetName(), 1, null, null), ProblemCode.REQUIRED,
					"The header rows are missing: row 1 must hold the Chinese column headers and row 2 the English ones, "
							+ "as in the template (for example '" + layout.columns().get(0).zh() + "' and '"
							+ layout.columns().get(0).key() + "').", null));
			return false;
		}
		Map<Integer, String> unknown = new LinkedHashMap<>();
		for (SheetTable.Row row : headerRows) {
			lastHeaderRow = row.number();
			for (int i = 0; i < row.cells().size(); i++) {
				Object cell = row.cell(i);
				if (cell == null || cell instanceof String s && s.isBlank()) {
					continue;
				}
				Column column = columnOf(cell);
				if (column == null) {
					unknown.putIfAbsent(i, String.valueOf(cell).strip());
					continue;
				}
				Integer earlier = positions.putIfAbsent(column.key(), i);
				if (earlier != null && earlier != i) {
					problems.add(SheetProblem.at(new Location(sheetName(), row.number(), Location.letters(i), column.header()),
							ProblemCode.DUPLICATE_ID, "The column '" + column.key() + "' is already in column "
									+ Location.letters(earlier) + "; each column may appear once.", null));
				}
			}
		}
		unknown.forEach((i, text) -> {
			if (!positions.containsValue(i)) {
				problems.add(SheetProblem.at(new Location(sheetName(), lastHeaderRow, Location.letters(i), null),
						ProblemCode.UNKNOWN_FIELD, "'" + text + "' is not a column of this sheet; its columns are "
								+ layout.columns().stream().map(Column::key).toList() + ".", null));
			}
		});
		for (Column column : layout.columns()) {
			if (column.required() && !positions.containsKey(column.key())) {
				problems.add(SheetProblem.at(new Location(sheetName(), lastHeaderRow, null, column.header()),
						ProblemCode.REQUIRED, "The column '" + column.header()
								+ "' is missing; add it with its header as in the template.", null));
			}
		}
		return true;
	}

	private void readRows(List<SheetProblem> problems, int maxRows) {
		for (SheetTable.Row row : table.rows()) {
			if (row.number() <= lastHeaderRow || row.blank()) {
				continue;
			}
			if (rows.size() == maxRows) {
				problems.add(SheetProblem.at(new Location(sheetName(), row.number(), null, null), ProblemCode.TOO_LARGE,
						"The sheet has more than " + maxRows + " rows; split it into several files.", null));
				return;
			}
			Map<String, Object> values = new HashMap<>();
			Set<String> present = new java.util.HashSet<>();
			for (Map.Entry<String, Integer> position : positions.entrySet()) {
				Object raw = row.cell(position.getValue());
				if (raw == null || raw instanceof String s && s.isBlank()) {
					continue;
				}
				present.add(position.getKey());
				Column column = layout.column(position.getKey());
				Object value = convert(column, raw, at(row.number(), column.key()), problems);
				if (value != null) {
					values.put(column.key(), value);
				}
			}
			rows.add(new DataRow(row.number(), values, present));
		}
	}

	/** A cell's value as the column's type, or {@code null} after recording why it cannot be. */
	private static Object convert(Column column, Object raw, Location location, List<SheetProblem> problems) {
		String text = raw instanceof String s ? s.strip() : null;
		switch (column.type()) {
			case TEXT -> {
				return text != null ? text : plain(raw);
			}
			case LIST -> {
				String all = text != null ? text : plain(raw);
				List<String> items = new ArrayList<>();
				for (String item : LIST_SEPARATOR.split(all)) {
					if (!item.isBlank()) {
						items.add(item.strip());
					}
				}
				return items.isEmpty() ? null : items;
			}
			case INTEGER, NUMBER -> {
				if (raw instanceof Double d) {
					return number(d);
				}
				if (text != null) {
					try {
						return number(new BigDecimal(Normalizer.normalize(text, Normalizer.Form.NFKC).strip()).doubleValue());
					}
					catch (NumberFormatException ex) {
						// reported below
					}
				}
				problems.add(SheetProblem.at(location, ProblemCode.WRONG_TYPE, "'" + column.key() + "' must be "
						+ (column.type() == Column.ValueType.INTEGER ? "a whole number" : "a number") + " from "
						+ plain(column.min()) + " to " + plain(column.max()) + ", not " + describe(raw) + ".", null));
				return null;
			}
			case DATE -> {
				if (raw instanceof LocalDate date) {
					return date.toString();
				}
				if (text != null) {
					Matcher slashed = SLASHED_DATE.matcher(text);
					if (slashed.matches()) {
						try {
							return LocalDate.of(Integer.parseInt(slashed.group(1)), Integer.parseInt(slashed.group(2)),
									Integer.parseInt(slashed.group(3))).toString();
						}
						catch (java.time.DateTimeException ex) {
							return text; // the document validation explains what is wrong with it
						}
					}
					return text;
				}
				problems.add(SheetProblem.at(location, ProblemCode.WRONG_TYPE,
						"'" + column.key() + "' must be a date like 2026-03-02, not " + describe(raw) + ".", null));
				return null;
			}
			default -> {
				String given = text != null ? text : plain(raw);
				String wanted = normaliseChoice(given);
				for (Column.Choice choice : column.choices()) {
					if (wanted.equals(normaliseChoice(choice.code())) || wanted.equals(normaliseChoice(choice.zh()))
							|| wanted.equals(normaliseChoice(choice.zh() + choice.code()))
							|| wanted.equals(normaliseChoice(choice.code() + choice.zh()))) {
						return choice.code();
					}
				}
				problems.add(SheetProblem.at(location, ProblemCode.INVALID_VALUE, "'" + column.key() + "' must be one of "
						+ column.describeChoices() + ", not '" + given + "'.", null));
				return null;
			}
		}
	}

	private static String normaliseChoice(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s()（）]+", "").toUpperCase(Locale.ROOT);
	}

	/** Whole numbers as {@link Integer} or {@link Long}, like the JSON parser gives them, others as {@link Double}. */
	private static Object number(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			long whole = (long) value;
			return whole == (int) whole ? (Object) (int) whole : (Object) whole;
		}
		return value;
	}

	private static String plain(Object raw) {
		if (raw instanceof Double d) {
			return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
		}
		return String.valueOf(raw);
	}

	private static String describe(Object raw) {
		if (raw instanceof String s) {
			return "the text '" + s.strip() + "'";
		}
		if (raw instanceof LocalDate d) {
			return "the date " + d;
		}
		if (raw instanceof Double d) {
			return "the number " + plain(d);
		}
		return "the value " + raw;
	}

	private Column columnOf(Object cell) {
		if (!(cell instanceof String text)) {
			return null;
		}
		String given = normaliseHeader(text);
		for (Column column : layout.columns()) {
			if (given.equals(normaliseHeader(column.key())) || given.equals(normaliseHeader(column.zh()))
					|| given.equals(normaliseHeader(column.zh() + column.key()))) {
				return column;
			}
		}
		return null;
	}

	private static String normaliseHeader(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s*]+", "").toLowerCase(Locale.ROOT);
	}
}
