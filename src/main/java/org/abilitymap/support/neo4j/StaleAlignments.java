package org.abilitymap.support.neo4j;

import java.util.Collection;
import java.util.Map;

import org.neo4j.driver.TransactionContext;

/**
 * Drops the stored alignment snapshots ({@code AlignmentSnapshot}, see the {@code alignment} package) that a write
 * makes stale, inside the writing transaction: the writes that change a programme's courses and teaching, a job's
 * standard or a job's submissions call it, so a snapshot that exists is always up to date.
 *
 * <p>Each call locks the programmes first, whether or not they have a snapshot: a snapshot being computed at the same
 * time holds the same lock, so either it is computed after this write commits, or it is stored before and dropped here.
 */
public final class StaleAlignments {

	/**
	 * Locks the rows' {@code programme} nodes, in id order so that two transactions locking several cannot deadlock;
	 * whoever computes a snapshot takes the same lock first ({@code AlignmentSnapshots}).
	 */
	public static final String LOCK_PROGRAMMES = """
			WITH DISTINCT programme ORDER BY programme.id
			SET programme._lock = true
			REMOVE programme._lock
			WITH programme
			""";

	private static final String LOCK_AND_DROP = LOCK_PROGRAMMES + """
			OPTIONAL MATCH (programme)-[:HAS_ALIGNMENT]->(snapshot:AlignmentSnapshot)
			OPTIONAL MATCH (snapshot)-[:HAS_JOB_SHARE|HAS_GAP]->(part)
			DETACH DELETE snapshot, part
			""";

	private static final String DROP_FOR_JOBS = """
			UNWIND $jobIds AS jobId
			MATCH (:Job {id: jobId})<-[:TARGETS]-(programme:Programme)
			""" + LOCK_AND_DROP;

	private static final String DROP_FOR_PROGRAMMES = """
			UNWIND $programmeIds AS programmeId
			MATCH (programme:Programme {id: programmeId})
			""" + LOCK_AND_DROP;

	private StaleAlignments() {
	}

	/** Drops the snapshots of the programmes targeting these jobs (their standard or submissions changed). */
	public static void dropForJobs(TransactionContext tx, Collection<String> jobIds) {
		tx.run(DROP_FOR_JOBS, Map.of("jobIds", jobIds)).consume();
	}

	/** Drops the snapshots of these programmes (their courses, teaching or target jobs changed). */
	public static void dropForProgrammes(TransactionContext tx, Collection<String> programmeIds) {
		tx.run(DROP_FOR_PROGRAMMES, Map.of("programmeIds", programmeIds)).consume();
	}
}
