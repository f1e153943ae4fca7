package org.abilitymap.support.neo4j;

import org.neo4j.driver.TransactionContext;

/**
 * A record kept of the writes made on this thread, written by {@link Graph#write} in each write's own transaction
 * after its work and before its commit, so that the write and its record commit together or not at all.
 */
public interface WriteJournal {

	/**
	 * Starts the record of one run of a write transaction's work; the driver runs the work again after a transient
	 * failure, and each run gets its own.
	 */
	Run start();

	/** The record of one run of a write transaction's work. */
	interface Run {

		/** Records in {@code tx} what the run did: its last statements before the commit. */
		void record(TransactionContext tx);

		/** The run's transaction committed. */
		void committed();

		/** The run's transaction was rolled back (its work, its record or its commit failed). */
		void rolledBack();
	}

	/** The journal of this thread's writes, or {@code null} when they are not journalled. */
	static WriteJournal current() {
		return BoundJournal.CURRENT.get();
	}

	/**
	 * Journals this thread's writes in {@code journal} ({@code null}: in none) until bound otherwise.
	 *
	 * @return the journal bound before, to bind again when done
	 */
	static WriteJournal bind(WriteJournal journal) {
		WriteJournal previous = BoundJournal.CURRENT.get();
		if (journal == null) {
			BoundJournal.CURRENT.remove();
		}
		else {
			BoundJournal.CURRENT.set(journal);
		}
		return previous;
	}
}
