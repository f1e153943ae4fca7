package org.abilitymap.audit;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.abilitymap.accounts.AuditedRequests;
import org.abilitymap.audit.AuditEntry.Outcome;
import org.abilitymap.audit.AuditTrail.Source;
import org.springframework.stereotype.Component;

/**
 * Records every REST write ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} under {@code /api/}) with its
 * caller and outcome: a 2xx answer is done, 4xx refused, 5xx or an exception failed.
 */
@Component
class RestWriteAudit implements AuditedRequests {

	private final AuditTrail trail;

	RestWriteAudit(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	public void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (request.getMethod().equals("GET") || request.getMethod().equals("HEAD")
				|| request.getMethod().equals("OPTIONS") || !path.startsWith("/api/")) {
			chain.doFilter(request, response);
			return;
		}
		String operation = request.getMethod() + " " + path;
		Object begun = trail.begin(Source.REST, operation);
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			// Refusals by the security chain arrive here as exceptions and become 401 / 403 further up.
			trail.end(begun, AuditTrail.outcomeOf(ex), ex.getMessage());
			throw ex;
		}
		int status = response.getStatus();
		Outcome outcome = status < 400 ? Outcome.DONE : status < 500 ? Outcome.REFUSED : Outcome.FAILED;
		trail.end(begun, outcome, outcome == Outcome.DONE ? null : "HTTP " + status);
	}
}
