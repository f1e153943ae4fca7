package org.abilitymap.support.http;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.abilitymap.documents.DocumentLimits;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops reading every request body at its limit, whether its length is declared or it arrives in chunks, and
 * answers 413 before anything (the login included) sees it, so that an oversized body costs at most the limit in
 * memory and never a database transaction.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // before Spring Security, whose login filter reads the form
class RequestSizeLimit extends OncePerRequestFilter {

	/** Room for the GraphQL envelope (query text, variable names) or the multipart framing around a document. */
	static final long ENVELOPE = 64 * 1024;

	private static final int TOO_LARGE = HttpStatus.CONTENT_TOO_LARGE.value();

	private final long documentRequestBytes;

	private final long formBytes;

	RequestSizeLimit(DocumentLimits documents, RequestLimits limits) {
		this.documentRequestBytes = documents.maxBytes() + ENVELOPE;
		this.formBytes = limits.maxFormSize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean chunked = request.getHeader("Transfer-Encoding") != null;
		if (request.getContentLengthLong() <= 0 && !chunked) {
			chain.doFilter(request, response);
			return;
		}
		long limit = carriesDocuments(request) ? documentRequestBytes : formBytes;
		if (request.getContentLengthLong() > limit) {
			refuse(response, limit);
			return;
		}
		String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
		if (type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE) || type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
			// Tomcat parses these itself, counting as it reads, within the multipart (HttpLimits) and form limits.
			if (parsedTooLarge(request, type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE))) {
				refuse(response, limit);
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		if (body.length > limit) {
			refuse(response, limit);
			return;
		}
		chain.doFilter(new ReadBody(request, body), response);
	}

	private static boolean carriesDocuments(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/graphql") || path.startsWith("/api/");
	}

	/** Lets Tomcat parse a form or multipart body now, within its limits, and tells whether one of them was hit. */
	private static boolean parsedTooLarge(HttpServletRequest request, boolean multipart) {
		try {
			if (multipart) {
				request.getParts();
			}
			else {
				request.getParameterMap();
			}
			return false;
		}
		catch (IllegalStateException | IOException | ServletException ex) {
			// A malformed body is the handler's to refuse (Tomcat keeps the failure and raises it again there).
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof InvalidParameterException invalid && invalid.getErrorCode() == TOO_LARGE
						|| cause instanceof SizeException) {
					return true;
				}
			}
			return false;
		}
	}

	private static void refuse(HttpServletResponse response, long limit) throws IOException {
		String message = "The request body is larger than the limit of " + limit + " bytes; it was not read further "
				+ "and nothing was written.";
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		// the rest of the body is not read: the connection cannot carry another request
		response.setHeader("Connection", "close");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8);
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Request too large\",\"status\":413,"
				+ "\"detail\":\"" + message + "\",\"limit\":" + limit + ",\"message\":\"" + message + "\","
				+ "\"errors\":[{\"path\":\"\",\"code\":\"TOO_LARGE\",\"message\":\"The request is larger than " + limit
				+ " bytes.\"}]}");
	}

	/** The request with its body read into memory (at most the limit). */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		private final ServletInputStream stream;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
			this.stream = stream(new ByteArrayInputStream(body));
		}

		@Override
		public ServletInputStream getInputStream() {
			return stream;
		}

		private static ServletInputStream stream(ByteArrayInputStream input) {
			return new ServletInputStream() {
				@Override
				public int read() {
					return input.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return input.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return input.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body is already read");
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
			return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}
	}
}
