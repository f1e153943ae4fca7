package org.abilitymap.jobs;

import org.abilitymap.points.Point;

/**
 * A skill a job requires, summed over the latest submissions for the job.
 *
 * @param skill the skill point
 * @param highestLevel the highest level any step asks
 * @param enterpriseCount how many enterprises' submissions require it
 * @param stepCount how many process steps require it
 */
public record JobSkill(Point skill, ProficiencyLevel highestLevel, int enterpriseCount, int stepCount) {
}
