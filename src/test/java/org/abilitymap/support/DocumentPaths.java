package org.abilitymap.support;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reaches into a parsed test document by path, such as {@code projects[1].tasks[0]}, to break it in one spot. */
public final class DocumentPaths {

	private static final Pattern STEP = Pattern.compile("([A-Za-z]+)|\\[(\\d+)]");

	private DocumentPaths() {
	}

	/** The object at a path; the empty path is the document itself. */
	public static Map<String, Object> object(Object document, String path) {
		return at(document, path);
	}

	/** The list at a path. */
	public static List<Object> list(Object document, String path) {
		return at(document, path);
	}

	@SuppressWarnings("unchecked")
	private static <T> T at(Object document, String path) {
		Object current = document;
		Matcher step = STEP.matcher(path);
		while (step.find()) {
			current = step.group(1) != null ? ((Map<String, Object>) current).get(step.group(1))
					: ((List<Object>) current).get(Integer.parseInt(step.group(2)));
		}
		return (T) current;
	}
}
