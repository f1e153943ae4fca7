package org.abilitymap.jobs;

import java.time.LocalDate;
import java.util.List;

import org.abilitymap.points.PointRequest;

/**
 * One enterprise's validated job-shadowing results for one job: the project → task → process step → skill point →
 * knowledge point tree, as read from JSON, a REST upload, the command line or GraphQL.
 *
 * @param enterprise who found these tasks
 * @param jobId the job (岗位) the tasks belong to
 * @param shadowing when, by whom and how the shadowing was done; may be {@code null}
 * @param projects the work projects (项目)
 */
public record WorkTaskDocument(EnterpriseEntry enterprise, String jobId, Shadowing shadowing,
		List<ProjectEntry> projects) {

	/** The submitting enterprise, created or renamed on import. */
	public record EnterpriseEntry(String id, String name, String nameEn) {
	}

	/** How the tasks were found (跟岗挖掘). */
	public record Shadowing(LocalDate startDate, LocalDate endDate, List<String> observers, String method,
			String notes) {
	}

	/** A work project (项目). {@code id} is the document's own optional id. */
	public record ProjectEntry(String path, String id, String name, String nameEn, String description,
			List<TaskEntry> tasks) {
	}

	/** A typical work task (典型工作任务) with the analyst's ratings. */
	public record TaskEntry(String path, String id, String name, String nameEn, String description,
			Frequency frequency, Integer importance, Integer difficulty, List<StepEntry> steps) {
	}

	/** A process step (流程) of a task. */
	public record StepEntry(String path, String id, String name, String nameEn, String description,
			List<SkillEntry> skills) {
	}

	/** A skill a step requires, at a level, with the knowledge that skill rests on. */
	public record SkillEntry(PointRequest point, ProficiencyLevel level, List<PointRequest> knowledge) {
	}

	/** How often a task is performed. */
	public enum Frequency {
		DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY, OCCASIONAL
	}

	/** Number of entries in the tree, for reporting. */
	public int entryCount() {
		int count = 0;
		for (ProjectEntry project : projects) {
			count++;
			for (TaskEntry task : project.tasks()) {
				count++;
				for (StepEntry step : task.steps()) {
					count++;
					for (SkillEntry skill : step.skills()) {
						count += 1 + skill.knowledge().size();
					}
				}
			}
		}
		return count;
	}
}
