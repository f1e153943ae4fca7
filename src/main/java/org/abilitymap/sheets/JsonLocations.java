package org.abilitymap.sheets;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each part of a document built from a sheet came from: JSON paths ({@code projects[0].tasks[1].importance})
 * mapped to the cell, row or sheet they were read from, so that the document validation's problems can be told by
 * sheet, row and column.
 */
final class JsonLocations {

	private final Map<String, Location> locations = new HashMap<>();

	private final Location fallback;

	JsonLocations(Location fallback) {
		this.fallback = fallback;
	}

	/** Remembers where a path came from; the first place given for a path stays. */
	void put(String path, Location location) {
		locations.putIfAbsent(path, location);
	}

	/** Replaces where a path came from, for a value that a later row gave first. */
	void replace(String path, Location location) {
		locations.put(path, location);
	}

	/**
	 * The place of a path, or of its nearest enclosing path that has one ({@code a.b[2].c} → {@code a.b[2]} →
	 * {@code a.b} → {@code a}), or the fallback.
	 */
	Location locate(String path) {
		String current = path;
		while (!current.isEmpty()) {
			Location location = locations.get(current);
			if (location != null) {
				return location;
			}
			current = parent(current);
		}
		return fallback;
	}

	static String child(String parent, String field) {
		return parent.isEmpty() ? field : parent + "." + field;
	}

	private static String parent(String path) {
		if (path.endsWith("]")) {
			return path.substring(0, path.lastIndexOf('['));
		}
		int dot = path.lastIndexOf('.');
		return dot < 0 ? "" : path.substring(0, dot);
	}
}
