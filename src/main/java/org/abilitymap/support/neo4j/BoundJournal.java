package org.abilitymap.support.neo4j;

/** Holds the {@link WriteJournal} bound to each thread. */
final class BoundJournal {

	static final ThreadLocal<WriteJournal> CURRENT = new ThreadLocal<>();

	private BoundJournal() {
	}
}
