package org.abilitymap.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.abilitymap.alignment.Coverage;
import org.abilitymap.alignment.Gap;
import org.abilitymap.alignment.Orphan;
import org.abilitymap.alignment.Target;

/**
 * Everything an auditor's alignment report shows: coverage, gaps and orphans of a programme against a target, and
 * the programme's curriculum matrix.
 *
 * @param matrix the programme, its names, the time of the report and its matrix
 * @param target what the programme is measured against
 * @param targetJobs the target's jobs with their names (the programme's own jobs, chosen jobs or the group's jobs)
 * @param targetGroup the job group, when the target is one
 * @param targetCertificate the certificate, when the target is one
 * @param coverage coverage of the target
 * @param gaps the gaps, most important first
 * @param orphans the orphans
 */
record AlignmentReport(MatrixReport matrix, Target target, List<Named> targetJobs, Optional<Named> targetGroup,
		Optional<Named> targetCertificate, Coverage coverage, List<Gap> gaps, List<Orphan> orphans) {

	/** The target in words: its kind, and the group, certificate or jobs it names. */
	List<String> targetLines() {
		List<String> lines = new ArrayList<>();
		lines.add(Bilingual.targetKind(target.kind()).joined());
		targetGroup.ifPresent(g -> lines.add(g.describe()));
		targetCertificate.ifPresent(c -> lines.add(c.describe()));
		if (target.kind() != Target.Kind.CERTIFICATE) {
			targetJobs.forEach(j -> lines.add(j.describe()));
		}
		return lines;
	}

	/** The file name stem: {@code alignment-<code>}, with the group, certificate or single job chosen. */
	String fileStem() {
		String stem = "alignment-" + matrix.fileStem();
		return switch (target.kind()) {
			case PROGRAMME_JOBS -> stem;
			case JOB_GROUP -> stem + "-" + target.jobGroupId();
			case CERTIFICATE -> stem + "-" + target.certificateId();
			case JOBS -> target.jobIds().size() == 1 ? stem + "-" + target.jobIds().get(0) : stem + "-jobs";
		};
	}
}
