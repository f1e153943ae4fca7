package org.abilitymap.documents;

/**
 * Removes the characters that change a text's bytes but not how it looks: zero-width characters, the byte-order
 * mark, direction marks and embeddings, the soft hyphen, variation selectors, and control characters other than tab,
 * line feed and carriage return.
 */
public final class VisibleText {

	private VisibleText() {
	}

	/** The text without its invisible characters; the same instance when it has none. */
	public static String of(String text) {
		int i = 0;
		while (i < text.length() && !invisible(text.codePointAt(i))) {
			i += Character.charCount(text.codePointAt(i));
		}
		if (i == text.length()) {
			return text;
		}
		StringBuilder visible = new StringBuilder(text.length()).append(text, 0, i);
		text.codePoints().skip(text.codePointCount(0, i)).filter(c -> !invisible(c)).forEach(visible::appendCodePoint);
		return visible.toString();
	}

	/** Whether a character is one that {@link #of} removes. */
	public static boolean invisible(int c) {
		return c < 0x20 && c != '\t' && c != '\n' && c != '\r' // NUL and the other C0 controls
				|| c >= 0x7F && c <= 0x9F // DEL and the C1 controls
				|| c == 0x00AD // soft hyphen
				|| c >= 0x200B && c <= 0x200F // zero-width space, non-joiner, joiner; left-to-right and right-to-left marks
				|| c >= 0x202A && c <= 0x202E // direction embeddings and overrides
				|| c == 0x2060 // word joiner
				|| c >= 0x2066 && c <= 0x2069 // direction isolates
				|| c >= 0xFE00 && c <= 0xFE0F // variation selectors
				|| c == 0xFEFF // byte-order mark, zero-width no-break space
				|| c >= 0xE0100 && c <= 0xE01EF; // variation selectors supplement
	}
}
