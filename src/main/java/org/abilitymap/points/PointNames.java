package org.abilitymap.points;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rule that decides when two point names are the same point: equal after Unicode NFKC (full-width and
 * half-width forms fold together), white space collapsed (runs become one space, and a space next to a Chinese,
 * Japanese or Korean character is dropped, since those scripts do not separate words), and case folded.
 */
public final class PointNames {

	private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\u3000]+");

	/** A space with a CJK ideograph, kana, hangul or CJK punctuation on either side. */
	private static final Pattern SPACE_BESIDE_CJK = Pattern.compile(
			"(?<=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}\\u3000-\\u303f\\uff00-\\uffef]) "
					+ "| (?=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}\\u3000-\\u303f\\uff00-\\uffef])");

	private PointNames() {
	}

	/** The normalised key stored as {@code nameKey}; equal keys mean one point. */
	public static String key(String name) {
		String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
		String collapsed = WHITE_SPACE.matcher(folded).replaceAll(" ").strip();
		return SPACE_BESIDE_CJK.matcher(collapsed).replaceAll("").toLowerCase(Locale.ROOT);
	}

	/** A stable id derived from a name, used when a new point arrives without one. */
	public static String derivedId(PointKind kind, String name) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key(name).getBytes(StandardCharsets.UTF_8));
			return kind.idPrefix() + HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by the Java platform", ex);
		}
	}
}
