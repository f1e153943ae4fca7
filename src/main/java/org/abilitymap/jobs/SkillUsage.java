package org.abilitymap.jobs;

import java.util.List;

/**
 * Everything that requires one skill in the latest submissions.
 *
 * @param steps process steps requiring it
 * @param tasks tasks with such steps
 * @param jobs jobs with such tasks
 * @param enterprises enterprises that submitted them
 */
public record SkillUsage(List<ProcessStep> steps, List<Task> tasks, List<Job> jobs, List<Enterprise> enterprises) {

	static final SkillUsage NONE = new SkillUsage(List.of(), List.of(), List.of(), List.of());
}
