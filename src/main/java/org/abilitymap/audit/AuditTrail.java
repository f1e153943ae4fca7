package org.abilitymap.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.abilitymap.accounts.Actor;
import org.abilitymap.accounts.Rights;
import org.abilitymap.accounts.Role;
import org.abilitymap.audit.AuditEntry.Outcome;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.support.graphql.InvalidArgumentException;
import org.abilitymap.support.neo4j.Graph;
import org.abilitymap.support.neo4j.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;

/**
 * Appends an entry for every write and lists them. A write is recorded once it has ended, in a transaction of its
 * own: its outcome is only known then, and a refused or failed write has no transaction to share.
 */
@Service
public class AuditTrail {

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	private static final int MAX_DETAIL = 500;

	/** Where a write came from. */
	public enum Source {
		/** A GraphQL mutation. */
		GRAPHQL,
		/** A REST upload. */
		REST,
		/** The command line. */
		CLI,
		/** A login. */
		LOGIN,
		/** The application itself (the demo data). */
		SYSTEM
	}

	private final Graph graph;

	private final AuditRepository repository;

	AuditTrail(Graph graph, AuditRepository repository) {
		this.graph = graph;
		this.repository = repository;
	}

	/**
	 * Runs a write and records it: done when it returns, refused when it is refused (not signed in, not allowed,
	 * invalid input), failed on any other exception, which is rethrown.
	 */
	public <T> T record(Source source, String operation, Supplier<T> write) {
		Object begun = begin();
		T result;
		try {
			result = write.get();
		}
		catch (RuntimeException ex) {
			end(begun, source, operation, outcomeOf(ex), ex.getMessage());
			throw ex;
		}
		end(begun, source, operation, Outcome.DONE, null);
		return result;
	}

	/** Opens the scope of a write whose outcome is decided by its caller (see {@link #end}). */
	public Object begin() {
		AuditScope.Details previous = AuditScope.current();
		AuditScope.open();
		return new Open(previous);
	}

	/** Records the write begun with {@link #begin} with its outcome, and closes its scope. */
	public void end(Object begun, Source source, String operation, Outcome outcome, String detail) {
		AuditScope.Details details = AuditScope.current();
		try {
			append(source, operation, details == null ? new AuditScope.Details() : details, outcome, detail);
		}
		finally {
			AuditScope.close(((Open) begun).previous());
		}
	}

	/**
	 * Closes the scope of a write begun with {@link #begin} whose outcome is known only later, keeping what it
	 * touched for {@link #endLater}.
	 */
	public Object detach(Object begun) {
		AuditScope.Details details = AuditScope.current();
		AuditScope.close(((Open) begun).previous());
		return new Detached(details == null ? new AuditScope.Details() : details, Rights.current().orElse(null));
	}

	/** Records a write detached with {@link #detach}, once its outcome is known (on any thread). */
	public void endLater(Object detached, Source source, String operation, Outcome outcome, String detail) {
		Detached write = (Detached) detached;
		write(write.actor(), source, operation, write.details(), outcome, detail);
	}

	/** Records a write that happened without a scope, such as a failed login; {@code actor} may be null. */
	public void recordEvent(Source source, String operation, Actor actor, List<String> entityIds, Outcome outcome,
			String detail) {
		AuditScope.Details details = new AuditScope.Details();
		details.entityIds.addAll(entityIds);
		write(actor, source, operation, details, outcome, detail);
	}

	/** How an exception ends a write. */
	public static Outcome outcomeOf(Throwable ex) {
		return ex instanceof AccessDeniedException || ex instanceof AuthenticationException
				|| ex instanceof InvalidDocumentException || ex instanceof InvalidArgumentException ? Outcome.REFUSED
						: Outcome.FAILED;
	}

	/**
	 * The entries matching a filter, newest first. Auditors and admins see every entry; any other account only those
	 * of its own organisation. What the caller may see is fixed here, so the listing can be read on another thread.
	 */
	public Listing listing(AuditFilter filter) {
		return new Listing(parameters(visible(filter)));
	}

	/** The entries of one filter, as fixed for one caller by {@link #listing}. */
	public final class Listing {

		private final java.util.Map<String, Object> parameters;

		private Listing(java.util.Map<String, Object> parameters) {
			this.parameters = parameters;
		}

		/** A page of entries, newest first. */
		public List<AuditEntry> page(long offset, int limit) {
			return graph.read(tx -> repository.page(tx, parameters, offset, limit));
		}

		/** How many entries match. */
		public long count() {
			return graph.read(tx -> repository.count(tx, parameters));
		}
	}

	private static AuditFilter visible(AuditFilter filter) {
		Actor actor = Rights.requireActor();
		if (actor.system() || actor.hasRole(Role.AUDITOR) || actor.hasRole(Role.ADMIN)) {
			return filter;
		}
		return filter.ofOrganisation(actor.organisationId());
	}

	private static java.util.Map<String, Object> parameters(AuditFilter filter) {
		return AuditRepository.parameters(filter, instant(filter.from(), "from", false), instant(filter.to(), "to", true));
	}

	/** A date means its first moment, or for {@code to} the first moment of the next day. */
	private static String instant(String text, String argument, boolean end) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		try {
			if (value.length() == 10) {
				LocalDate date = LocalDate.parse(value);
				return (end ? date.plusDays(1) : date) + "T00:00:00Z";
			}
			return java.time.OffsetDateTime.parse(value).toString();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidArgumentException(argument, "'" + argument + "' is a date (2026-12-07) or a date-time "
					+ "with its offset (2026-12-07T08:30:00Z), not '" + value + "'.");
		}
	}

	private void append(Source source, String operation, AuditScope.Details details, Outcome outcome, String detail) {
		write(Rights.current().orElse(null), source, operation, details, outcome, detail);
	}

	private void write(Actor actor, Source source, String operation, AuditScope.Details details, Outcome outcome,
			String detail) {
		String text = detail == null ? null : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
		try {
			graph.write(tx -> {
				repository.append(tx, Rows.of("actor", actor == null ? "anonymous" : actor.username(),
						"organisationKind", actor == null || actor.organisationKind() == null ? null
								: actor.organisationKind().name(),
						"organisationId", actor == null ? null : actor.organisationId(), "source", source.name(),
						"operation", operation, "entityIds", new ArrayList<>(details.entityIds), "outcome",
						outcome.name(), "contentHash", details.contentHash, "version", details.version, "detail",
						text));
				return null;
			});
		}
		catch (RuntimeException ex) {
			// The write itself has ended either way; a lost entry is logged rather than turned into its failure.
			log.error("Could not record the audit entry of {} {} ({})", source, operation, outcome, ex);
		}
	}

	private record Open(AuditScope.Details previous) {
	}

	private record Detached(AuditScope.Details details, Actor actor) {
	}
}
