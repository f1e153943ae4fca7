package org.abilitymap.alignment;

import java.util.List;

import org.abilitymap.curriculum.Certificate;
import org.abilitymap.curriculum.Course;
import org.abilitymap.curriculum.TeachingLevel;
import org.abilitymap.jobs.ProficiencyLevel;
import org.abilitymap.curriculum.Textbook;
import org.abilitymap.curriculum.TrainingBase;
import org.abilitymap.jobs.Enterprise;
import org.abilitymap.jobs.Job;
import org.abilitymap.jobs.ProcessStep;
import org.abilitymap.jobs.Task;
import org.abilitymap.jobs.WorkProject;
import org.abilitymap.points.Point;
import org.abilitymap.standards.JobRequirement;

/**
 * Everything around one point: up to the work that needs it (latest submissions) and the job standards that
 * require it; across to the courses, textbooks, certificates and training bases that serve it.
 */
public record Trace(Point point, String programmeId, List<ProcessStep> steps, List<Task> tasks,
		List<WorkProject> projects, List<Job> jobs, List<Enterprise> enterprises, List<JobRequirement> requirements,
		List<CourseTeaching> courses, List<Textbook> textbooks, List<CertificateAssessment> certificates,
		List<TrainingBase> trainingBases) {

	/** A course teaching the point, with its programme. */
	public record CourseTeaching(Course course, String programmeName, int levelRank, Double hours) {

		public TeachingLevel level() {
			return TeachingLevel.ofRank(levelRank);
		}
	}

	/** A certificate assessing the point at a level. */
	public record CertificateAssessment(Certificate certificate, int levelRank) {

		public ProficiencyLevel level() {
			return ProficiencyLevel.ofRank(levelRank);
		}
	}
}
