package org.abilitymap.accounts;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.abilitymap.support.graphql.InvalidArgumentException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * REST refusals as problem details (the one REST error handler): 400 for a bad query parameter, 401 for a caller who is not signed in, 403 with the missing right for one who
 * may not; from the filter chain and from method security in controllers alike.
 */
@Component
@RestControllerAdvice
class AccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final String NOT_SIGNED_IN = "Sign in first: use the page's login, HTTP Basic "
			+ "(curl -u user:password) or a personal access token (Authorization: Bearer amt_…).";

	private final JsonMapper json;

	AccessProblems(JsonMapper json) {
		this.json = json;
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ProblemDetail> notSignedIn(AuthenticationException ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem(HttpStatus.UNAUTHORIZED, ex.getMessage()));
	}

	@ExceptionHandler(InvalidArgumentException.class)
	ResponseEntity<ProblemDetail> invalidArgument(InvalidArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid request parameter");
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> notAllowed(AccessDeniedException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, refusal(ex)));
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Basic realm=\"abilitymap\", Bearer");
		write(response, HttpStatus.UNAUTHORIZED, ex.getMessage() != null && ex.getMessage().startsWith("Sign in")
				? ex.getMessage() : NOT_SIGNED_IN + (isBearerFailure(ex) ? " " + ex.getMessage() : ""));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(response, HttpStatus.FORBIDDEN, ex instanceof MissingRightException ? ex.getMessage()
				: "Not allowed, or the CSRF token is missing: the page sends it as the X-XSRF-TOKEN header.");
	}

	void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem(status, detail));
	}

	private static boolean isBearerFailure(AuthenticationException ex) {
		return ex instanceof org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
	}

	static String refusal(AccessDeniedException ex) {
		return ex instanceof MissingRightException ? ex.getMessage() : "Not allowed.";
	}

	private static ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status == HttpStatus.UNAUTHORIZED ? "Not signed in" : "Not allowed");
		return problem;
	}
}
