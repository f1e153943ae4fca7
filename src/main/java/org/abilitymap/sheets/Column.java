package org.abilitymap.sheets;

import java.util.List;

/**
 * One column of a template sheet: its English key (header row 2, the name readers match first), its Chinese header
 * (row 1), the kind of value it holds, whether the header must be present, a hint for people and example values.
 *
 * @param key the English header, also the field the column fills
 * @param zh the Chinese header
 * @param type what the cells hold
 * @param choices the allowed codes of a {@link ValueType#CHOICE} column, else empty
 * @param min the smallest number a number column takes (for the template's data validation), or {@code null}
 * @param max the largest number a number column takes, or {@code null}
 * @param required whether the header must be in the sheet (its cells may still be blank on some rows)
 * @param hint one line on what to put in the column
 * @param examples example values for the template's example rows, {@code ""} for none
 */
record Column(String key, String zh, ValueType type, List<Choice> choices, Double min, Double max, boolean required,
		String hint, List<String> examples) {

	/** What a column's cells hold, deciding how a cell is read and what counts as a wrong cell type. */
	enum ValueType {
		TEXT, INTEGER, NUMBER, DATE, CHOICE, LIST
	}

	/** One allowed value of a choice column: the code the documents use and its Chinese label. */
	record Choice(String code, String zh) {
	}

	static Column text(String key, String zh, String hint, String... examples) {
		return new Column(key, zh, ValueType.TEXT, List.of(), null, null, false, hint, List.of(examples));
	}

	static Column date(String key, String zh, String hint, String... examples) {
		return new Column(key, zh, ValueType.DATE, List.of(), null, null, false, hint, List.of(examples));
	}

	static Column list(String key, String zh, String hint, String... examples) {
		return new Column(key, zh, ValueType.LIST, List.of(), null, null, false, hint, List.of(examples));
	}

	static Column integer(String key, String zh, int min, int max, String hint, String... examples) {
		return new Column(key, zh, ValueType.INTEGER, List.of(), (double) min, (double) max, false, hint,
				List.of(examples));
	}

	static Column number(String key, String zh, String hint, String... examples) {
		return new Column(key, zh, ValueType.NUMBER, List.of(), 0d, 10_000d, false, hint, List.of(examples));
	}

	/** A choice column; {@code labels} are the Chinese labels of {@code codes}' constants, in order. */
	static Column choice(String key, String zh, Enum<?>[] codes, List<String> labels, String hint, String... examples) {
		if (codes.length != labels.size()) {
			throw new IllegalArgumentException("one label per code: " + key);
		}
		List<Choice> choices = new java.util.ArrayList<>();
		for (int i = 0; i < codes.length; i++) {
			choices.add(new Choice(codes[i].name(), labels.get(i)));
		}
		return new Column(key, zh, ValueType.CHOICE, List.copyOf(choices), null, null, false, hint, List.of(examples));
	}

	Column asRequired() {
		return new Column(key, zh, type, choices, min, max, true, hint, examples);
	}

	/** The header as people read it: Chinese then English. */
	String header() {
		return zh + " " + key;
	}

	/** The allowed values for messages and prompts: {@code DAILY（每天）, WEEKLY（每周）…}. */
	String describeChoices() {
		return String.join(", ", choices.stream().map(c -> c.code() + "（" + c.zh() + "）").toList());
	}

	String example(int index) {
		return index < examples.size() ? examples.get(index) : "";
	}
}
