package org.abilitymap.national;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Tidies text recognised from PDFs: stray spaces inside Chinese text, list separators, trailing punctuation. */
final class ChineseText {

	private static final String CJK = "[\\p{IsHan}\\p{InCJK_Symbols_and_Punctuation}\\p{InHalfwidth_and_Fullwidth_Forms}]";

	private static final Pattern SPACE_BETWEEN_CJK = Pattern.compile("(?<=" + CJK + ")[\\s\\u3000]+(?=" + CJK + ")");

	private static final Pattern SPACE_AFTER_CJK_PUNCTUATION = Pattern.compile("(?<=[，。、；：！？）])[\\s\\u3000]+");

	private static final Pattern SPACES = Pattern.compile("[\\s\\u3000\\u00a0]+");

	private ChineseText() {
	}

	/** Collapses white space, drops it between Chinese characters and after Chinese punctuation, trims. */
	static String clean(String text) {
		String collapsed = SPACES.matcher(text).replaceAll(" ").strip();
		collapsed = SPACE_BETWEEN_CJK.matcher(collapsed).replaceAll("");
		return SPACE_AFTER_CJK_PUNCTUATION.matcher(collapsed).replaceAll("");
	}

	/** Joins a line broken by the PDF conversion to the text before it. */
	static String join(String before, String continuation) {
		return before.isEmpty() ? clean(continuation) : clean(before + " " + continuation);
	}

	/** Removes list-ending punctuation (。；; and full stops) at the end. */
	static String withoutEndPunctuation(String text) {
		return text.replaceAll("[。；;，,.\\s]+$", "");
	}

	/** Splits a list on 、 (and ；), but not inside brackets, so "汽车构造（含拆装、实训）" stays whole. */
	static List<String> splitList(String text) {
		List<String> items = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		int depth = 0;
		for (char c : text.toCharArray()) {
			if (c == '（' || c == '(' || c == '《' || c == '“') {
				depth++;
			}
			else if ((c == '）' || c == ')' || c == '》' || c == '”') && depth > 0) {
				depth--;
			}
			if (depth == 0 && (c == '、' || c == '；' || c == ';')) {
				add(items, current);
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		add(items, current);
		return items;
	}

	private static void add(List<String> items, StringBuilder item) {
		String text = withoutEndPunctuation(clean(item.toString()));
		if (!text.isEmpty()) {
			items.add(text);
		}
	}
}
