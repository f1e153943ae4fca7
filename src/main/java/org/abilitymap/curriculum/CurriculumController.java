package org.abilitymap.curriculum;

import java.util.List;
import java.util.Map;

import org.abilitymap.curriculum.CurriculumReadRepository.Assessed;
import org.abilitymap.curriculum.CurriculumReadRepository.ClusterLead;
import org.abilitymap.curriculum.EducationCatalogImport.EducationCatalogResult;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.jobs.Job;
import org.abilitymap.points.Point;
import org.abilitymap.points.PointMatch;
import org.abilitymap.support.graphql.Batches;
import org.abilitymap.support.graphql.Connection;
import org.abilitymap.support.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL for the education side: schools, clusters, programmes, courses, textbooks, certificates, bases. */
@Controller
class CurriculumController {

	private final CurriculumReadRepository curricula;

	private final ProgrammeImport programmeImport;

	private final EducationCatalogImport catalogImport;

	CurriculumController(CurriculumReadRepository curricula, ProgrammeImport programmeImport,
			EducationCatalogImport catalogImport) {
		this.curricula = curricula;
		this.programmeImport = programmeImport;
		this.catalogImport = catalogImport;
	}

	/** Filter of {@code programmes}. */
	record ProgrammeFilter(String schoolId, String groupId, String code, String jobId, String nameContains) {
	}

	/** Result of {@code saveEducationCatalog}. */
	record SaveEducationCatalogPayload(int schools, int industryBodies, int clusters, int programmeGroups,
			List<Problem> errors) {
	}

	/** Result of {@code saveProgramme}. */
	record SaveProgrammePayload(ProgrammeSaveResult.Outcome outcome, Integer version, Programme programme,
			List<PointMatch> matchedPoints, List<Point> createdPoints, List<org.abilitymap.points.PointWarning> warnings,
			List<Problem> errors) {
	}

	@QueryMapping
	Programme programme(@Argument String id) {
		return curricula.programme(id).orElse(null);
	}

	@QueryMapping("programmes")
	Connection<Programme> programmeList(@Argument ProgrammeFilter filter, @Argument Integer first,
			@Argument String after) {
		ProgrammeFilter f = filter == null ? new ProgrammeFilter(null, null, null, null, null) : filter;
		return curricula.programmes(f.schoolId(), f.groupId(), f.code(), f.jobId(), f.nameContains(),
				PageRequest.of(first, after));
	}

	@QueryMapping
	Connection<School> schools(@Argument Integer first, @Argument String after) {
		return curricula.schools(PageRequest.of(first, after));
	}

	@QueryMapping
	Connection<Cluster> clusters(@Argument Integer first, @Argument String after) {
		return curricula.clusters(PageRequest.of(first, after));
	}

	@QueryMapping
	Course course(@Argument String id) {
		return curricula.course(id).orElse(null);
	}

	@QueryMapping
	Certificate certificate(@Argument String id) {
		return curricula.certificate(id).orElse(null);
	}

	@QueryMapping
	Connection<Certificate> certificates(@Argument String jobId, @Argument Integer first, @Argument String after) {
		return curricula.certificates(jobId, PageRequest.of(first, after));
	}

	@MutationMapping
	SaveEducationCatalogPayload saveEducationCatalog(@Argument Map<String, Object> input) {
		try {
			EducationCatalogResult r = catalogImport.save(input);
			return new SaveEducationCatalogPayload(r.schools(), r.industryBodies(), r.clusters(), r.programmeGroups(),
					List.of());
		}
		catch (InvalidDocumentException ex) {
			return new SaveEducationCatalogPayload(0, 0, 0, 0, ex.problems());
		}
	}

	@MutationMapping
	SaveProgrammePayload saveProgramme(@Argument Map<String, Object> input) {
		try {
			ProgrammeSaveResult r = programmeImport.save(input);
			return new SaveProgrammePayload(r.outcome(), r.version(), curricula.programme(r.programmeId()).orElseThrow(),
					r.matchedPoints(), r.createdPoints(), r.warnings(), List.of());
		}
		catch (InvalidDocumentException ex) {
			return new SaveProgrammePayload(null, null, null, List.of(), List.of(), List.of(), ex.problems());
		}
	}

	@BatchMapping(typeName = "Programme")
	List<School> school(List<Programme> sources) {
		return Batches.singles(sources, Programme::schoolId, curricula.schoolsById(Batches.keys(sources, Programme::schoolId)));
	}

	@BatchMapping(typeName = "Programme")
	List<ProgrammeGroup> group(List<Programme> sources) {
		return Batches.singles(sources, Programme::groupId, curricula.groupsById(Batches.keys(sources, Programme::groupId)));
	}

	@BatchMapping(typeName = "Programme")
	List<List<Job>> targetJobs(List<Programme> sources) {
		return Batches.lists(sources, Programme::id, curricula.targetJobs(Batches.keys(sources, Programme::id)));
	}

	@BatchMapping(typeName = "Programme")
	List<List<Course>> courses(List<Programme> sources) {
		return Batches.lists(sources, Programme::id, curricula.coursesOfProgrammes(Batches.keys(sources, Programme::id)));
	}

	@BatchMapping(typeName = "Programme")
	List<List<Certificate>> certificates(List<Programme> sources) {
		return Batches.lists(sources, Programme::id, curricula.certificatesOfProgrammes(Batches.keys(sources, Programme::id)));
	}

	@BatchMapping(typeName = "Programme")
	List<List<TrainingBase>> trainingBases(List<Programme> sources) {
		return Batches.lists(sources, Programme::id, curricula.basesOfProgrammes(Batches.keys(sources, Programme::id)));
	}

	@BatchMapping(typeName = "Programme")
	List<List<ProgrammeRevision>> revisions(List<Programme> sources) {
		return Batches.lists(sources, Programme::id, curricula.revisionsOfProgrammes(Batches.keys(sources, Programme::id)));
	}

	@BatchMapping(typeName = "Course")
	List<List<CourseTeaching>> teaches(List<Course> sources) {
		return Batches.lists(sources, Course::id, curricula.teachingOfCourses(Batches.keys(sources, Course::id)));
	}

	@BatchMapping(typeName = "Course", field = "textbooks")
	List<List<Textbook>> textbooksOfCourses(List<Course> sources) {
		return Batches.lists(sources, Course::id, curricula.textbooksOfCourses(Batches.keys(sources, Course::id)));
	}

	@BatchMapping(typeName = "Textbook", field = "courses")
	List<List<Course>> coursesOfTextbooks(List<Textbook> sources) {
		return Batches.lists(sources, Textbook::id, curricula.coursesOfTextbooks(Batches.keys(sources, Textbook::id)));
	}

	@BatchMapping(typeName = "Textbook")
	List<List<Point>> covers(List<Textbook> sources) {
		return Batches.lists(sources, Textbook::id, curricula.pointsOfTextbooks(Batches.keys(sources, Textbook::id)));
	}

	@BatchMapping(typeName = "Certificate")
	List<List<Assessed>> assesses(List<Certificate> sources) {
		return Batches.lists(sources, Certificate::id, curricula.assessmentsOfCertificates(Batches.keys(sources, Certificate::id)));
	}

	@BatchMapping(typeName = "Certificate")
	List<List<Job>> qualifiesFor(List<Certificate> sources) {
		return Batches.lists(sources, Certificate::id, curricula.jobsOfCertificates(Batches.keys(sources, Certificate::id)));
	}

	@BatchMapping(typeName = "TrainingBase")
	List<List<Point>> supports(List<TrainingBase> sources) {
		return Batches.lists(sources, TrainingBase::id, curricula.pointsOfBases(Batches.keys(sources, TrainingBase::id)));
	}

	@BatchMapping(typeName = "TrainingBase", field = "courses")
	List<List<Course>> coursesOfBases(List<TrainingBase> sources) {
		return Batches.lists(sources, TrainingBase::id, curricula.coursesOfBases(Batches.keys(sources, TrainingBase::id)));
	}

	@BatchMapping(typeName = "School", field = "programmes")
	List<List<Programme>> programmesOfSchools(List<School> sources) {
		return Batches.lists(sources, School::id, curricula.programmesOfSchools(Batches.keys(sources, School::id)));
	}

	@BatchMapping(typeName = "ProgrammeGroup", field = "programmes")
	List<List<Programme>> programmesOfGroups(List<ProgrammeGroup> sources) {
		return Batches.lists(sources, ProgrammeGroup::id, curricula.programmesOfGroups(Batches.keys(sources, ProgrammeGroup::id)));
	}

	@BatchMapping(typeName = "ProgrammeGroup", field = "school")
	List<School> schoolOfGroups(List<ProgrammeGroup> sources) {
		return Batches.singles(sources, ProgrammeGroup::schoolId,
				curricula.schoolsById(Batches.keys(sources, ProgrammeGroup::schoolId)));
	}

	@BatchMapping(typeName = "Cluster")
	List<List<ClusterLead>> leads(List<Cluster> sources) {
		return Batches.lists(sources, Cluster::id, curricula.leadsOfClusters(Batches.keys(sources, Cluster::id)));
	}

	@BatchMapping(typeName = "Cluster")
	List<List<ProgrammeGroup>> programmeGroups(List<Cluster> sources) {
		return Batches.lists(sources, Cluster::id, curricula.groupsOfClusters(Batches.keys(sources, Cluster::id)));
	}
}
