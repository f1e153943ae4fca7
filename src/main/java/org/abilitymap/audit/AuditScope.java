package org.abilitymap.audit;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the write in progress on this thread touched, filled in by the services that do it (inside the transaction
 * that writes it, so that the entry written in that transaction names it) and read by the audit trail; outside an
 * audited write every call here does nothing.
 */
public final class AuditScope {

	private static final ThreadLocal<Details> CURRENT = new ThreadLocal<>();

	private AuditScope() {
	}

	/** The ids of what the write touched. */
	public static void touched(String... ids) {
		Details details = CURRENT.get();
		if (details != null) {
			details.touched(ids);
		}
	}

	/** The document the write stored: its content hash and version. */
	public static void document(String contentHash, Integer version) {
		Details details = CURRENT.get();
		if (details != null) {
			details.document(contentHash, version);
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

	/**
	 * The details collected so far; read by the writer threads of a write too, hence synchronised. The ids only grow,
	 * except when a transaction that noted some is rolled back.
	 */
	static final class Details {

		private final Set<String> entityIds = new LinkedHashSet<>();

		private String contentHash;

		private Integer version;

		synchronized void touched(String... ids) {
			for (String id : ids) {
				if (id != null && !id.isBlank()) {
					entityIds.add(id);
				}
			}
		}

		synchronized void document(String contentHash, Integer version) {
			this.contentHash = contentHash;
			this.version = version;
		}

		synchronized Snapshot snapshot() {
			return new Snapshot(List.copyOf(entityIds), contentHash, version);
		}

		/** Back to what {@code mark} holds: forgets what a rolled-back transaction noted. */
		synchronized void restore(Snapshot mark) {
			entityIds.retainAll(new HashSet<>(mark.entityIds()));
			contentHash = mark.contentHash();
			version = mark.version();
		}
	}

	/** The details at one moment. */
	record Snapshot(List<String> entityIds, String contentHash, Integer version) {
	}
}
