package org.abilitymap.audit;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the write in progress on this thread touched, filled in by the services that do it and read by the audit
 * trail when the write ends; outside an audited write every call here does nothing.
 */
public final class AuditScope {

	private static final ThreadLocal<Details> CURRENT = new ThreadLocal<>();

	private AuditScope() {
	}

	/** The ids of what the write touched. */
	public static void touched(String... ids) {
		Details details = CURRENT.get();
		if (details != null) {
			for (String id : ids) {
				if (id != null && !id.isBlank()) {
					details.entityIds.add(id);
				}
			}
		}
	}

	/** The document the write stored: its content hash and version. */
	public static void document(String contentHash, Integer version) {
		Details details = CURRENT.get();
		if (details != null) {
			details.contentHash = contentHash;
			details.version = version;
		}
	}

	static Details open() {
		Details details = new Details();
		CURRENT.set(details);
		return details;
	}

	static void close(Details previous) {
		if (previous == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(previous);
		}
	}

	static Details current() {
		return CURRENT.get();
	}

	/** The details collected so far. */
	static final class Details {

		final Set<String> entityIds = new LinkedHashSet<>();

		String contentHash;

		Integer version;
	}
}
