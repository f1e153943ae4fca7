package org.abilitymap.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The fingerprint that makes imports idempotent: equal validated documents give equal hashes. */
public final class ContentHash {

	private ContentHash() {
	}

	/** SHA-256 of the canonical JSON of a validated document, in hexadecimal. */
	public static String of(String canonicalJson) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by the Java platform", ex);
		}
	}
}
