package org.abilitymap.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Test helper: a {@code multipart/form-data} body with one part named {@code file}, as a browser uploads it.
 *
 * @param contentType the request's Content-Type header, naming the boundary
 * @param body the encoded body
 */
public record MultipartFile(String contentType, byte[] body) {

	private static final String BOUNDARY = "abilitymap-test-boundary";

	/** The body of one file part with this name, media type and content. */
	public static MultipartFile of(String fileName, String fileType, byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + fileType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return new MultipartFile("multipart/form-data; boundary=" + BOUNDARY, body.toByteArray());
	}
}
