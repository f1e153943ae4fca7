package org.abilitymap.accounts;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every kind of write, with the roles that may perform it and in which scope: the table of
 * {@code docs/authorisation.md}, which the authorisation test checks against this enum.
 */
public enum Operation {

	/** Submit or revise work tasks (GraphQL, REST upload, spreadsheets). */
	SUBMIT_WORK_TASKS(Map.of(Role.ENTERPRISE_EDITOR, Scope.OWN_ENTERPRISE)),

	/** Approve, reject or ask for changes to a submission. */
	REVIEW_SUBMISSION(Map.of(Role.INDUSTRY_REVIEWER, Scope.INDUSTRY_OF_JOB)),

	/** Set or remove an explicit requirement of a job's standard. */
	SET_JOB_REQUIREMENT(Map.of(Role.INDUSTRY_REVIEWER, Scope.INDUSTRY_OF_JOB)),

	/** Classify a job under a reference occupation (reference data of a job). */
	CLASSIFY_JOB(Map.of(Role.INDUSTRY_REVIEWER, Scope.INDUSTRY_OF_JOB, Role.ADMIN, Scope.ANY)),

	/** Save a programme document, or edit one of its parts (courses, teaching, textbooks, certificates, bases). */
	SAVE_PROGRAMME(Map.of(Role.CURRICULUM_DESIGNER, Scope.OWN_SCHOOL)),

	/** Save the job catalogue: industries, segments, job groups, jobs, occupations, enterprises. */
	SAVE_JOB_CATALOG(Map.of(Role.ADMIN, Scope.ANY)),

	/** Save organisations of the education side: schools, industry bodies, clusters, programme groups. */
	SAVE_EDUCATION_CATALOG(Map.of(Role.ADMIN, Scope.ANY)),

	/** Import reference frameworks: ESCO, the national catalogue and dictionary, CASE packages. */
	IMPORT_REFERENCE_DATA(Map.of(Role.ADMIN, Scope.ANY)),

	/** Create, disable and re-assign accounts. */
	MANAGE_ACCOUNTS(Map.of(Role.ADMIN, Scope.ANY)),

	/** Change one's own password; create and revoke one's own access tokens. */
	MANAGE_OWN_ACCOUNT(Map.of(Role.ENTERPRISE_EDITOR, Scope.OWN_ACCOUNT, Role.INDUSTRY_REVIEWER, Scope.OWN_ACCOUNT,
			Role.CURRICULUM_DESIGNER, Scope.OWN_ACCOUNT, Role.AUDITOR, Scope.OWN_ACCOUNT, Role.CLUSTER_LEAD,
			Scope.OWN_ACCOUNT, Role.ADMIN, Scope.OWN_ACCOUNT));

	private final Map<Role, Scope> scopes;

	Operation(Map<Role, Scope> scopes) {
		this.scopes = Collections.unmodifiableMap(new EnumMap<>(scopes));
	}

	/** The roles that may perform this operation, each with its scope. */
	public Map<Role, Scope> scopes() {
		return scopes;
	}
}
