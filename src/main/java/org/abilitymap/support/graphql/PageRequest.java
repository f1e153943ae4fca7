package org.abilitymap.support.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The {@code first} / {@code after} arguments of a paginated field, checked and turned into an offset and a limit.
 *
 * @param offset how many items to skip
 * @param limit how many items to return
 */
public record PageRequest(int offset, int limit) {

	/** Largest page a client may ask for. */
	public static final int MAX_PAGE_SIZE = 100;

	private static final String PREFIX = "offset:";

	/** Reads {@code first} (1–100, default 20) and {@code after} (a cursor from an earlier page). */
	public static PageRequest of(Integer first, String after) {
		int limit = first == null ? 20 : first;
		if (limit < 1 || limit > MAX_PAGE_SIZE) {
			throw new InvalidArgumentException("first", "'first' must be between 1 and " + MAX_PAGE_SIZE + ", not " + limit + ".");
		}
		int offset = 0;
		if (after != null && !after.isBlank()) {
			offset = decode(after) + 1;
		}
		return new PageRequest(offset, limit);
	}

	/** Query parameters {@code offset} and {@code fetch} (one more than the limit, to see whether more follow). */
	public Map<String, Object> parameters() {
		return Map.of("offset", offset, "fetch", limit + 1);
	}

	static String cursor(int position) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
	}

	private static int decode(String cursor) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (text.startsWith(PREFIX)) {
				int position = Integer.parseInt(text.substring(PREFIX.length()));
				if (position >= 0 && position < Integer.MAX_VALUE) { // the next offset, position + 1, must fit
					return position;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the error below
		}
		throw new InvalidArgumentException("after", "'after' is not a cursor returned by this list: '" + cursor + "'.");
	}
}
