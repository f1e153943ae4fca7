package org.abilitymap.jobs;

/**
 * The merged ability map of one job; its submissions, projects and skills are resolved field by field.
 *
 * @param job the job
 */
public record AbilityMap(Job job) {
}
