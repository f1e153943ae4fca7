package org.abilitymap.documents;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A path-aware view of one JSON object in a document: typed field access that records a {@link Problem} for each
 * missing, empty or mistyped field instead of stopping at the first, so that a document's problems are reported
 * together.
 */
public final class DocumentObject {

	private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:\\-]{0,119}");

	private final String path;

	private final Map<?, ?> fields;

	private final List<Problem> problems;

	private DocumentObject(String path, Map<?, ?> fields, List<Problem> problems) {
		this.path = path;
		this.fields = fields;
		this.problems = problems;
	}

	/** The root of a document; records a problem and returns {@code null} when the root is not an object. */
	public static DocumentObject root(Object document, List<Problem> problems) {
		if (document instanceof Map<?, ?> map) {
			return new DocumentObject("", map, problems);
		}
		problems.add(new Problem("", ProblemCode.WRONG_TYPE,
				"The document must be a JSON object, not " + describe(document) + "."));
		return null;
	}

	/** This object's path in the document. */
	public String path() {
		return path;
	}

	/** The path of one of this object's fields. */
	public String pathOf(String field) {
		return path.isEmpty() ? field : path + "." + field;
	}

	/** Records a problem at one of this object's fields. */
	public void problem(String field, ProblemCode code, String message) {
		problems.add(new Problem(field == null ? path : pathOf(field), code, message));
	}

	public boolean has(String field) {
		return fields.get(field) != null;
	}

	/** Whether a field holds a text that is blank or only invisible characters. */
	public boolean hasBlankText(String field) {
		return fields.get(field) instanceof String s && VisibleText.of(s).isBlank();
	}

	/** A text that must be present and not blank; returned trimmed, without invisible characters ({@link VisibleText}). */
	public String requiredText(String field) {
		Object value = fields.get(field);
		if (value == null) {
			problem(field, ProblemCode.REQUIRED, "'" + field + "' is required.");
			return null;
		}
		return text(field, value, true);
	}

	/** A text that may be absent; blank (or only invisible characters) counts as absent. */
	public String optionalText(String field) {
		Object value = fields.get(field);
		return value == null ? null : text(field, value, false);
	}

	/** An id that must be present. */
	public String requiredId(String field) {
		String id = requiredText(field);
		return id == null ? null : checkId(field, id);
	}

	/** An id that may be absent. */
	public String optionalId(String field) {
		String id = optionalText(field);
		return id == null ? null : checkId(field, id);
	}

	/** A whole number within [min, max] that may be absent. */
	public Integer optionalInt(String field, int min, int max) {
		Object value = fields.get(field);
		if (value == null) {
			return null;
		}
		if (!(value instanceof Number number) || !isIntegral(number)) {
			problem(field, ProblemCode.WRONG_TYPE, "'" + field + "' must be a whole number, not " + describe(value) + ".");
			return null;
		}
		long n = number.longValue();
		if (n < min || n > max) {
			problem(field, ProblemCode.INVALID_VALUE,
					"'" + field + "' must be between " + min + " and " + max + ", not " + n + ".");
			return null;
		}
		return (int) n;
	}

	/** A number (decimals allowed) within [min, max] that may be absent. */
	public Double optionalNumber(String field, double min, double max) {
		Object value = fields.get(field);
		if (value == null) {
			return null;
		}
		if (!(value instanceof Number number)) {
			problem(field, ProblemCode.WRONG_TYPE, "'" + field + "' must be a number, not " + describe(value) + ".");
			return null;
		}
		double n = number.doubleValue();
		if (n < min || n > max || Double.isNaN(n)) {
			problem(field, ProblemCode.INVALID_VALUE,
					"'" + field + "' must be between " + min + " and " + max + ", not " + n + ".");
			return null;
		}
		return n;
	}

	/** One of an enum's constant names; {@code defaultValue} when absent. */
	public <E extends Enum<E>> E optionalEnum(String field, Class<E> type, E defaultValue) {
		String value = optionalText(field);
		if (value == null) {
			return defaultValue;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(value)) {
				return constant;
			}
		}
		problem(field, ProblemCode.INVALID_VALUE, "'" + field + "' must be one of "
				+ Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'.");
		return defaultValue;
	}

	/** An ISO date (yyyy-MM-dd) that may be absent. */
	public LocalDate optionalDate(String field) {
		String value = optionalText(field);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			problem(field, ProblemCode.INVALID_VALUE, "'" + field + "' must be a date like 2026-03-02, not '" + value + "'.");
			return null;
		}
	}

	/** A list of texts that may be absent. */
	public List<String> optionalTextList(String field) {
		Object value = fields.get(field);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			problem(field, ProblemCode.WRONG_TYPE, "'" + field + "' must be a list of texts, not " + describe(value) + ".");
			return List.of();
		}
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			Object element = list.get(i);
			if (element instanceof String s && !VisibleText.of(s).isBlank()) {
				texts.add(VisibleText.of(s).strip());
			}
			else {
				problems.add(new Problem(pathOf(field) + "[" + i + "]", ProblemCode.WRONG_TYPE,
						"Each entry of '" + field + "' must be a non-empty text, not " + describe(element) + "."));
			}
		}
		return texts;
	}

	/** A nested object that may be absent. */
	public DocumentObject optionalObject(String field) {
		Object value = fields.get(field);
		if (value == null) {
			return null;
		}
		if (value instanceof Map<?, ?> map) {
			return new DocumentObject(pathOf(field), map, problems);
		}
		problem(field, ProblemCode.WRONG_TYPE, "'" + field + "' must be an object, not " + describe(value) + ".");
		return null;
	}

	/** A nested object that must be present. */
	public DocumentObject requiredObject(String field) {
		if (fields.get(field) == null) {
			problem(field, ProblemCode.REQUIRED, "'" + field + "' is required.");
			return null;
		}
		return optionalObject(field);
	}

	/** A list of objects with at least one element. */
	public List<DocumentObject> requiredList(String field) {
		if (fields.get(field) == null) {
			problem(field, ProblemCode.REQUIRED, "'" + field + "' is required and must list at least one entry.");
			return List.of();
		}
		List<DocumentObject> list = optionalList(field);
		if (list.isEmpty() && fields.get(field) instanceof List<?> raw && raw.isEmpty()) {
			problem(field, ProblemCode.EMPTY, "'" + field + "' must list at least one entry.");
		}
		return list;
	}

	/** A list of objects that may be absent or empty; non-object elements are recorded as problems. */
	public List<DocumentObject> optionalList(String field) {
		Object value = fields.get(field);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			problem(field, ProblemCode.WRONG_TYPE, "'" + field + "' must be a list, not " + describe(value) + ".");
			return List.of();
		}
		List<DocumentObject> objects = new ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			String elementPath = pathOf(field) + "[" + i + "]";
			if (list.get(i) instanceof Map<?, ?> map) {
				objects.add(new DocumentObject(elementPath, map, problems));
			}
			else {
				problems.add(new Problem(elementPath, ProblemCode.WRONG_TYPE,
						"Each entry of '" + field + "' must be an object, not " + describe(list.get(i)) + "."));
			}
		}
		return objects;
	}

	/**
	 * Records every field that is not in {@code known}; fields named in {@code misplaced} get the message given
	 * there (used for tree levels that appear in the wrong place).
	 */
	public void rejectUnknownFields(Set<String> known, Map<String, String> misplaced) {
		for (Object key : fields.keySet()) {
			String field = String.valueOf(key);
			if (known.contains(field)) {
				continue;
			}
			String explanation = misplaced.get(field);
			if (explanation != null) {
				problem(field, ProblemCode.MISPLACED_LEVEL, explanation);
			}
			else {
				problem(field, ProblemCode.UNKNOWN_FIELD,
						"Unknown field '" + field + "'; expected one of " + known.stream().sorted().toList() + ".");
			}
		}
	}

	private String text(String field, Object value, boolean required) {
		if (!(value instanceof String s)) {
			problem(field, ProblemCode.WRONG_TYPE, "'" + field + "' must be a text, not " + describe(value) + ".");
			return null;
		}
		String visible = VisibleText.of(s);
		if (visible.isBlank()) {
			if (required) {
				problem(field, ProblemCode.EMPTY, "'" + field + "' must not be empty"
						+ (s.isBlank() ? "." : " (it holds only invisible characters such as zero-width spaces or "
								+ "control characters)."));
			}
			return null;
		}
		return visible.strip();
	}

	private String checkId(String field, String id) {
		if (ID.matcher(id).matches()) {
			return id;
		}
		problem(field, ProblemCode.INVALID_VALUE, "'" + field + "' must be an id of at most 120 letters, digits, "
				+ "'.', '_', ':' or '-' starting with a letter or digit, not '" + id + "'.");
		return null;
	}

	private static boolean isIntegral(Number number) {
		if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
				|| number instanceof BigInteger) {
			return true;
		}
		if (number instanceof BigDecimal decimal) {
			return decimal.stripTrailingZeros().scale() <= 0;
		}
		return number.doubleValue() == Math.rint(number.doubleValue());
	}

	static String describe(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof String s) {
			return "the text '" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
		}
		if (value instanceof Number n) {
			return "the number " + n;
		}
		if (value instanceof Boolean b) {
			return "the value " + b;
		}
		if (value instanceof List<?>) {
			return "a list";
		}
		if (value instanceof Map<?, ?>) {
			return "an object";
		}
		return "a " + value.getClass().getSimpleName();
	}
}
