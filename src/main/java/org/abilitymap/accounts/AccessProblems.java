package org.abilitymap.accounts;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.abilitymap.support.graphql.InvalidArgumentException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * REST refusals as problem details (the one REST error handler): 400 for a bad query parameter, 401 for a caller
 * who is not signed in, 403 with the missing right for one who may not, from the filter chain and from method
 * security in controllers alike; 503 when the database is busy or out of reach and 500 for any other failure, with a
 * reference to the log and never the failure's own message.
 */
@Component
@RestControllerAdvice
class AccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final Logger log = LoggerFactory.getLogger(AccessProblems.class);

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

	/**
	 * A failure that is nobody's input: logged with a reference the answer gives. Spring's own exceptions keep the
	 * status they carry (404, 405, 415…), so they are passed on.
	 */
	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<ProblemDetail> failed(RuntimeException ex) {
		if (ex instanceof ErrorResponse || ex.getClass().getName().startsWith("org.springframework.")) {
			throw ex;
		}
		String reference = UUID.randomUUID().toString().substring(0, 8);
		boolean busy = ex instanceof TransientException || ex instanceof ServiceUnavailableException
				|| ex instanceof SessionExpiredException;
		HttpStatus status = busy ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
		log.error("Request failed with {} (reference {})", status.value(), reference, ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, busy
				? "The database is busy or out of reach; the request was not completed. Try again in a moment (reference "
						+ reference + ")."
				: "The server failed on this request; it was not completed. The server log holds the cause under "
						+ "reference " + reference + ".");
		problem.setTitle(busy ? "Database unavailable" : "Server error");
		problem.setProperty("reference", reference);
		return ResponseEntity.status(status).body(problem);
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
