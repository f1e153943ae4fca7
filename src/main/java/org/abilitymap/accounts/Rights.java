package org.abilitymap.accounts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.neo4j.driver.TransactionContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Answers whether the caller may perform an operation: by role (for {@link Allowed}) and in its scope, checked against
 * the graph inside the transaction that writes, so that the answer and the write see the same graph.
 */
@Component
public class Rights {

	/** Whether the job is in an industry that the body covers: through a cluster it leads. */
	private static final String JOB_IN_BODY_INDUSTRIES = """
			OPTIONAL MATCH (:Job {id: $jobId})-[:IN_GROUP]->(:JobGroup)-[:SERVES_SEGMENT]->(segment:ChainSegment)
			WITH collect(DISTINCT segment.industryId) AS jobIndustries
			OPTIONAL MATCH (cluster:Cluster)-[:LED_BY]->(:IndustryBody {id: $bodyId})
			WITH jobIndustries, collect(DISTINCT cluster.industryId) AS covered
			RETURN any(industry IN jobIndustries WHERE industry IN covered) AS inScope
			""";

	/**
	 * Whether the caller, given as the parameter {@code $viewer} ({@link #viewer()}), may see the submission version
	 * {@code s}: approved versions are for everyone; any other only for its own enterprise, the reviewers in scope
	 * and admins.
	 */
	public static final String SUBMISSION_VISIBLE = """
			(s.status = 'APPROVED' OR $viewer.all OR s.enterpriseId = $viewer.enterpriseId
			 OR ($viewer.industryBodyId IS NOT NULL AND EXISTS {
			       MATCH (s)-[:FOR_JOB]->(:Job)-[:IN_GROUP]->(:JobGroup)-[:SERVES_SEGMENT]->(segment:ChainSegment)
			       MATCH (cluster:Cluster)-[:LED_BY]->(:IndustryBody {id: $viewer.industryBodyId})
			       WHERE cluster.industryId = segment.industryId }))""";

	/**
	 * The caller as the {@code $viewer} parameter of {@link #SUBMISSION_VISIBLE}: {@code all} for the system and
	 * admins, the enterprise of an enterprise's account, the body of a reviewer.
	 */
	public static Map<String, Object> viewer() {
		Actor actor = current().orElse(null);
		Map<String, Object> viewer = new java.util.HashMap<>();
		viewer.put("all", actor != null && (actor.system() || actor.hasRole(Role.ADMIN)));
		viewer.put("enterpriseId", actor != null && actor.organisationKind() == OrganisationKind.ENTERPRISE
				? actor.organisationId() : null);
		viewer.put("industryBodyId", actor != null && actor.hasRole(Role.INDUSTRY_REVIEWER)
				? actor.organisationId() : null);
		return viewer;
	}

	/** The caller, when signed in. */
	public static Optional<Actor> current() {
		return actorOf(SecurityContextHolder.getContext().getAuthentication());
	}

	/** The actor behind an authentication; empty for none or an anonymous one. */
	public static Optional<Actor> actorOf(Authentication authentication) {
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return Optional.empty();
		}
		if (authentication.getPrincipal() instanceof ActorPrincipal principal) {
			return Optional.of(principal.actor());
		}
		if (authentication.getPrincipal() instanceof Actor actor) {
			return Optional.of(actor);
		}
		return Optional.empty();
	}

	/**
	 * Runs {@code work} as {@code actor} on this thread (the command line and the demo loader act as the system),
	 * restoring whoever was acting before.
	 */
	public static <T> T runAs(Actor actor, Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/**
	 * The caller.
	 *
	 * @throws AuthenticationCredentialsNotFoundException when nobody is signed in
	 */
	public static Actor requireActor() {
		return current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException(
				"Sign in first: this needs an account (the page's login, HTTP Basic or an access token)."));
	}

	/** Whether the actor holds a role that may perform {@code operation} in some scope (the role gate). */
	public static boolean mayAttempt(Actor actor, Operation operation) {
		return actor.system() || operation.scopes().keySet().stream().anyMatch(actor::hasRole);
	}

	/**
	 * Checks that the caller may perform {@code operation} on {@code target} (an enterprise, school, job or username,
	 * as the operation's scope says); {@code tx} reads the graph where the scope needs it.
	 *
	 * @throws AuthenticationCredentialsNotFoundException when nobody is signed in
	 * @throws MissingRightException when the caller lacks the right
	 */
	public void require(TransactionContext tx, Operation operation, String target) {
		Actor actor = requireActor();
		if (actor.system()) {
			return;
		}
		if (operation == Operation.MANAGE_OWN_ACCOUNT && actor.external()) {
			throw new MissingRightException(operation, "Not allowed: '" + actor.username() + "' signed in through "
					+ "the identity provider and has no account here: its password and tokens are the provider's.");
		}
		for (Map.Entry<Role, Scope> right : operation.scopes().entrySet()) {
			if (actor.hasRole(right.getKey()) && inScope(tx, actor, right.getValue(), target)) {
				return;
			}
		}
		throw new MissingRightException(operation, refusal(actor, operation, target));
	}

	/**
	 * Checks the role gate alone, for operations whose scope is {@link Scope#ANY} or checked later.
	 *
	 * @throws MissingRightException when the actor holds none of the operation's roles
	 */
	public static void requireRole(Actor actor, Operation operation) {
		if (!mayAttempt(actor, operation)) {
			throw new MissingRightException(operation, refusal(actor, operation, null));
		}
	}

	/**
	 * The organisation of {@code kind} the caller acts for: its own, which {@code requested} may repeat but not
	 * change; the system acts for whichever is requested. Null when the caller belongs to no such organisation and
	 * none is requested.
	 *
	 * @throws MissingRightException when an account asks to act for another organisation than its own
	 */
	public static String onBehalfOf(Operation operation, OrganisationKind kind, String requested) {
		Actor actor = requireActor();
		if (actor.system()) {
			return requested;
		}
		if (actor.organisationKind() == kind && (requested == null || requested.equals(actor.organisationId()))) {
			return actor.organisationId();
		}
		if (requested == null) {
			return null;
		}
		throw new MissingRightException(operation, "Not allowed: " + operation + " for " + kind + " '" + requested
				+ "': account '" + actor.username() + "' acts for its own " + actor.organisationKind() + " '"
				+ actor.organisationId() + "' only.");
	}

	private static boolean inScope(TransactionContext tx, Actor actor, Scope scope, String target) {
		return switch (scope) {
			case ANY -> true;
			case OWN_ENTERPRISE -> actor.belongsTo(OrganisationKind.ENTERPRISE, target);
			case OWN_SCHOOL -> actor.belongsTo(OrganisationKind.SCHOOL, target);
			case OWN_ACCOUNT -> !actor.external() && actor.username().equals(target);
			case INDUSTRY_OF_JOB -> actor.organisationKind() == OrganisationKind.INDUSTRY_BODY && target != null
					&& tx.run(JOB_IN_BODY_INDUSTRIES, Map.of("jobId", target, "bodyId", actor.organisationId()))
						.single()
						.get("inScope")
						.asBoolean();
		};
	}

	private static String refusal(Actor actor, Operation operation, String target) {
		String needed = operation.scopes().entrySet().stream()
			.map(e -> e.getKey() + (e.getValue() == Scope.ANY ? "" : " (" + describe(e.getValue()) + ")"))
			.collect(Collectors.joining(" or "));
		return "Not allowed: " + operation + (target == null ? "" : " for '" + target + "'") + " needs the role "
				+ needed + "; account '" + actor.username() + "' of " + actor.organisationKind() + " '"
				+ actor.organisationId() + "' holds " + (actor.roles().isEmpty() ? "no role" : actor.roles()) + ".";
	}

	private static String describe(Scope scope) {
		return switch (scope) {
			case ANY -> "anywhere";
			case OWN_ENTERPRISE -> "of that enterprise";
			case OWN_SCHOOL -> "of the school that runs the programme";
			case INDUSTRY_OF_JOB -> "of an industry body covering the job's industry";
			case OWN_ACCOUNT -> "on one's own account";
		};
	}
}
