package org.abilitymap.jobs;

import org.abilitymap.points.Point;

/**
 * A skill required by one process step, at a level.
 *
 * @param stepId the step
 * @param skill the skill point
 * @param level the level the step requires
 */
public record StepSkill(String stepId, Point skill, ProficiencyLevel level) {

	/** Key of the knowledge recorded for this skill in this step. */
	String knowledgeKey() {
		return stepId + "|" + skill.id();
	}
}
