package org.abilitymap.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A POST over a raw socket whose body is sent in chunks (no Content-Length), as many bytes as asked for, while the
 * answer is read at the same time: the server may answer, and close, before the body is complete.
 */
public final class ChunkedPost {

	private static final int CHUNK = 64 * 1024;

	private ChunkedPost() {
	}

	/**
	 * The answer and how much of the body the server took.
	 *
	 * @param status the HTTP status
	 * @param headers the answer's headers, names in lower case
	 * @param body the answer's body as UTF-8 text
	 * @param bodyBytesSent body bytes the client could write before the server answered or closed
	 * @param completed whether the whole body, the last chunk included, was written
	 */
	public record Answer(int status, Map<String, String> headers, String body, long bodyBytesSent, boolean completed) {
	}

	/**
	 * Posts {@code start} and then filler bytes ({@code x}) up to {@code totalBytes}, chunked, with the request headers
	 * given (name, value, name, value…) besides Host and Transfer-Encoding.
	 */
	public static Answer post(int port, String path, byte[] start, long totalBytes, String... headers) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(120_000);
			AtomicLong sent = new AtomicLong();
			AtomicBoolean completed = new AtomicBoolean();
			AtomicBoolean answered = new AtomicBoolean();
			OutputStream out = socket.getOutputStream();
			StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port
					+ "\r\nTransfer-Encoding: chunked\r\n");
			for (int i = 0; i + 1 < headers.length; i += 2) {
				head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
			}
			out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
			out.flush();
			Thread writer = new Thread(() -> {
				try {
					byte[] filler = new byte[CHUNK];
					Arrays.fill(filler, (byte) 'x');
					byte[] first = Arrays.copyOf(start, (int) Math.min(totalBytes, Math.max(start.length, CHUNK)));
					Arrays.fill(first, start.length, first.length, (byte) 'x');
					writeChunk(out, first, first.length);
					sent.addAndGet(first.length);
					while (sent.get() < totalBytes && !answered.get()) {
						int length = (int) Math.min(CHUNK, totalBytes - sent.get());
						writeChunk(out, filler, length);
						sent.addAndGet(length);
					}
					if (!answered.get()) {
						out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
						out.flush();
						completed.set(true);
					}
				}
				catch (IOException ex) {
					// the server stopped reading and closed the connection: expected for an oversized body
				}
			});
			writer.setDaemon(true);
			writer.start();
			InputStream in = socket.getInputStream();
			String statusLine = line(in);
			int status = Integer.parseInt(statusLine.split(" ")[1]);
			Map<String, String> answerHeaders = new LinkedHashMap<>();
			for (String line = line(in); !line.isEmpty(); line = line(in)) {
				int colon = line.indexOf(':');
				answerHeaders.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
			}
			byte[] body;
			if (answerHeaders.containsKey("content-length")) {
				body = in.readNBytes(Integer.parseInt(answerHeaders.get("content-length")));
			}
			else if ("chunked".equalsIgnoreCase(answerHeaders.get("transfer-encoding"))) {
				ByteArrayOutputStream chunks = new ByteArrayOutputStream();
				for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
						size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
					chunks.writeBytes(in.readNBytes(size));
					line(in);
				}
				body = chunks.toByteArray();
			}
			else {
				body = in.readAllBytes();
			}
			answered.set(true);
			writer.join(30_000);
			return new Answer(status, answerHeaders, new String(body, StandardCharsets.UTF_8), sent.get(), completed.get());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void writeChunk(OutputStream out, byte[] bytes, int length) throws IOException {
		out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.write(bytes, 0, length);
		out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new IOException("The connection closed before the answer was complete: " + line);
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}
}
