package org.abilitymap.alignment;

import java.util.List;

/**
 * What a programme is measured against: its own target jobs (职业面向), chosen jobs, a job group's jobs, or a
 * certificate.
 *
 * @param kind which of the four
 * @param jobIds the jobs, resolved ({@code null} for the programme's own jobs and for a certificate)
 * @param jobGroupId the job group, when the target is one
 * @param certificateId the certificate, when the target is one
 */
public record Target(Kind kind, List<String> jobIds, String jobGroupId, String certificateId) {

	/** The kinds of target. */
	public enum Kind {
		PROGRAMME_JOBS, JOBS, JOB_GROUP, CERTIFICATE
	}

	static final Target PROGRAMME_JOBS = new Target(Kind.PROGRAMME_JOBS, null, null, null);
}
