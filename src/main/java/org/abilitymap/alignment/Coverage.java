package org.abilitymap.alignment;

import java.util.List;

import org.abilitymap.jobs.Job;

/**
 * How well a programme covers a target's required points, overall and split by kind, course block and job.
 *
 * @param programmeId the programme
 * @param target what the programme was measured against
 * @param overall all required points
 * @param skills the required skill points
 * @param knowledge the required knowledge points
 * @param byBlock for each course block, the required points that block alone covers (same denominator as overall)
 * @param byJob for each target job, its own required points
 */
public record Coverage(String programmeId, Target target, Share overall, Share skills, Share knowledge,
		List<BlockShare> byBlock, List<JobShare> byJob) {

	/** Coverage by the courses of one block. */
	public record BlockShare(String block, Share share) {
	}

	/** Coverage of one target job's required points. */
	public record JobShare(Job job, Share share) {
	}
}
