package org.abilitymap.points;

/**
 * A new point of a document whose name looks like an existing point's but is spelt with letters of another script
 * (a Cyrillic {@code о} in a Latin name, say); the point is still created, the warning lets the sender correct it.
 *
 * @param path where the point first appears in the document
 * @param givenName the name the document used
 * @param resembles the existing point (or the point created earlier in the same document) it looks like
 * @param message what was seen, in words
 */
public record PointWarning(String path, String givenName, Point resembles, String message) {
}
