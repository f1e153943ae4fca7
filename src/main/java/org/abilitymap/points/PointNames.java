package org.abilitymap.points;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import com.ibm.icu.text.SpoofChecker;
import org.abilitymap.documents.VisibleText;

/**
 * The rule that decides when two point names are the same point: equal after removing invisible characters
 * ({@link VisibleText}: zero-width characters, byte-order marks, direction marks, soft hyphens, variation selectors,
 * controls), Unicode NFKC (full-width and half-width forms fold together), white space collapsed (runs become one
 * space, and a space next to a Chinese, Japanese or Korean character is dropped, since those scripts do not
 * separate words), and case folded.
 */
public final class PointNames {

	private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\u3000]+");

	/** A space with a CJK ideograph, kana, hangul or CJK punctuation on either side. */
	private static final Pattern SPACE_BESIDE_CJK = Pattern.compile(
			"(?<=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}\\u3000-\\u303f\\uff00-\\uffef]) "
					+ "| (?=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}\\u3000-\\u303f\\uff00-\\uffef])");

	private static final SpoofChecker SPOOF_CHECKER = new SpoofChecker.Builder().build();

	private PointNames() {
	}

	/** The normalised key stored as {@code nameKey}; equal keys mean one point. */
	public static String key(String name) {
		String folded = VisibleText.of(Normalizer.normalize(VisibleText.of(name), Normalizer.Form.NFKC));
		String collapsed = WHITE_SPACE.matcher(folded).replaceAll(" ").strip();
		return SPACE_BESIDE_CJK.matcher(collapsed).replaceAll("").toLowerCase(Locale.ROOT);
	}

	/**
	 * The key of the name a mixed-script name imitates, or {@code null} when it does not mix scripts: a name with
	 * Cyrillic or Greek letters among Latin or Chinese ones gets each of those letters replaced by the Latin letters
	 * of its confusable skeleton (Unicode UTS #39, by ICU4J), as in {@code "BMS cоntroller"} with a Cyrillic {@code о}.
	 * Letters whose skeleton is not Latin (such as {@code ж}) stay as they are.
	 */
	public static String lookAlikeKey(String name) {
		String visible = Normalizer.normalize(VisibleText.of(name), Normalizer.Form.NFKC);
		boolean foreign = false;
		boolean host = false;
		for (int i = 0; i < visible.length(); i += Character.charCount(visible.codePointAt(i))) {
			Character.UnicodeScript script = Character.UnicodeScript.of(visible.codePointAt(i));
			foreign |= script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.GREEK;
			host |= script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.HAN;
		}
		if (!foreign || !host) {
			return null;
		}
		String key = key(latinised(visible));
		return key.equals(key(name)) ? null : key;
	}

	/**
	 * Whether two names are drawn alike: equal keys once their Cyrillic and Greek letters are replaced by their Latin
	 * confusable skeletons. (Whole-name skeletons are not compared, since case folding changes them: a capital Greek
	 * Β looks like B, its small β does not look like b.)
	 */
	public static boolean confusable(String name, String other) {
		return key(latinised(name)).equals(key(latinised(other)));
	}

	private static String latinised(String name) {
		StringBuilder latin = new StringBuilder(name.length());
		Normalizer.normalize(VisibleText.of(name), Normalizer.Form.NFKC).codePoints().forEach(c -> {
			Character.UnicodeScript script = Character.UnicodeScript.of(c);
			String skeleton = script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.GREEK
					? SPOOF_CHECKER.getSkeleton(Character.toString(c)) : null;
			latin.append(skeleton != null && skeleton.chars().allMatch(s -> s >= 'A' && s <= 'Z' || s >= 'a' && s <= 'z')
					? skeleton : Character.toString(c));
		});
		return latin.toString();
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
