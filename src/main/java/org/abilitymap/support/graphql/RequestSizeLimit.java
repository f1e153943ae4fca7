package org.abilitymap.support.graphql;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.abilitymap.documents.DocumentLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses GraphQL and upload requests whose declared body is larger than the document size limit before anything
 * reads them, so that an oversized payload costs neither memory nor a database transaction.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

	/** Room for the GraphQL envelope (query text, variable names) around a document of the maximum size. */
	private static final long ENVELOPE = 64 * 1024;

	private final long maxBytes;

	RequestSizeLimit(DocumentLimits limits) {
		this.maxBytes = limits.maxBytes() + ENVELOPE;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !(path.equals("/graphql") || path.startsWith("/api/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBytes) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter().write("{\"message\":\"The request body is " + request.getContentLengthLong()
					+ " bytes, more than the limit of " + maxBytes + " bytes; nothing was read or written.\","
					+ "\"errors\":[{\"path\":\"\",\"code\":\"TOO_LARGE\",\"message\":\"The request is larger than "
					+ maxBytes + " bytes.\"}]}");
			return;
		}
		chain.doFilter(request, response);
	}
}
