package org.abilitymap.reports;

/**
 * A small HTML builder that escapes every text and attribute value it is given; only {@link #trusted} writes
 * markup as is, for the report's own constant style sheet.
 */
final class Html {

	private final StringBuilder out = new StringBuilder(64 * 1024);

	/** Opens an element; attributes come as name, value pairs (a {@code null} value leaves the attribute out). */
	Html open(String tag, String... attributes) {
		out.append('<').append(tag);
		for (int i = 0; i + 1 < attributes.length; i += 2) {
			if (attributes[i + 1] != null) {
				out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
			}
		}
		out.append('>');
		return this;
	}

	Html close(String tag) {
		out.append("</").append(tag).append('>');
		return this;
	}

	/** An element holding only text. */
	Html element(String tag, String text, String... attributes) {
		return open(tag, attributes).text(text).close(tag);
	}

	/** Escaped text; nothing for {@code null}. */
	Html text(String text) {
		if (text != null) {
			out.append(escape(text));
		}
		return this;
	}

	/** A Chinese label with its English form in smaller text. */
	Html label(Bilingual label) {
		return text(label.zh()).element("span", label.en(), "class", "en");
	}

	/** Markup written as is: only for constants of this code, never for data. */
	Html trusted(String markup) {
		out.append(markup);
		return this;
	}

	@Override
	public String toString() {
		return out.toString();
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}
}
