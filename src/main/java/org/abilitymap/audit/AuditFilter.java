package org.abilitymap.audit;

/**
 * Which audit entries to list; every field is optional.
 *
 * @param actor username
 * @param organisationId the actor's organisation
 * @param entityId an id the write touched
 * @param operation the operation, such as {@code submitWorkTasks}
 * @param outcome DONE, REFUSED or FAILED
 * @param from earliest time, ISO date-time or date
 * @param to latest time, ISO date-time or date (a date includes that whole day)
 */
public record AuditFilter(String actor, String organisationId, String entityId, String operation, String outcome,
		String from, String to) {

	/** No filter. */
	public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null, null);

	/** The same filter limited to one organisation. */
	AuditFilter ofOrganisation(String id) {
		return new AuditFilter(actor, id, entityId, operation, outcome, from, to);
	}
}
