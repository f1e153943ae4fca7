package org.abilitymap.accounts;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A step of the security filter chain after authentication and before authorisation, where a write over REST is
 * seen with its caller and whatever answer it gets, refusals included; implemented by the audit trail.
 */
public interface AuditedRequests {

	/** Passes the request on down the chain, recording it when it is a write. */
	void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException;
}
