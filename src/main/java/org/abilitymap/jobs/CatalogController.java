package org.abilitymap.jobs;

import java.util.List;
import java.util.Map;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.jobs.JobCatalogImport.CatalogResult;
import org.abilitymap.support.graphql.Batches;
import org.abilitymap.support.graphql.Connection;
import org.abilitymap.support.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL for the job catalogue: industries, chain segments, job groups, jobs, occupations and enterprises. */
@Controller
class CatalogController {

	private final JobReadRepository jobs;

	private final JobCatalogImport catalogImport;

	CatalogController(JobReadRepository jobs, JobCatalogImport catalogImport) {
		this.jobs = jobs;
		this.catalogImport = catalogImport;
	}

	/** Filter of {@code jobs}. */
	record JobFilter(String groupId, String industryId, String nameContains) {
	}

	/** Filter of {@code jobGroups}. */
	record JobGroupFilter(String industryId) {
	}

	/** Filter of {@code enterprises}. */
	record EnterpriseFilter(String industryId, String nameContains) {
	}

	/** Result of {@code saveJobCatalog}. */
	record SaveJobCatalogPayload(int industries, int segments, int referenceOccupations, int jobGroups, int jobs,
			int enterprises, List<Problem> errors) {

		static SaveJobCatalogPayload of(CatalogResult r) {
			return new SaveJobCatalogPayload(r.industries(), r.segments(), r.referenceOccupations(), r.jobGroups(),
					r.jobs(), r.enterprises(), List.of());
		}

		static SaveJobCatalogPayload rejected(List<Problem> problems) {
			return new SaveJobCatalogPayload(0, 0, 0, 0, 0, 0, problems);
		}
	}

	@QueryMapping
	Job job(@Argument String id) {
		return jobs.job(id).orElse(null);
	}

	@QueryMapping("jobs")
	Connection<Job> jobList(@Argument JobFilter filter, @Argument Integer first, @Argument String after) {
		JobFilter f = filter == null ? new JobFilter(null, null, null) : filter;
		return jobs.jobs(f.groupId(), f.industryId(), f.nameContains(), PageRequest.of(first, after));
	}

	@QueryMapping
	Connection<JobGroup> jobGroups(@Argument JobGroupFilter filter, @Argument Integer first, @Argument String after) {
		return jobs.jobGroups(filter == null ? null : filter.industryId(), PageRequest.of(first, after));
	}

	@QueryMapping
	Connection<Industry> industries(@Argument Integer first, @Argument String after) {
		return jobs.industries(PageRequest.of(first, after));
	}

	@QueryMapping
	Connection<Enterprise> enterprises(@Argument EnterpriseFilter filter, @Argument Integer first,
			@Argument String after) {
		EnterpriseFilter f = filter == null ? new EnterpriseFilter(null, null) : filter;
		return jobs.enterprises(f.industryId(), f.nameContains(), PageRequest.of(first, after));
	}

	@MutationMapping
	SaveJobCatalogPayload saveJobCatalog(@Argument Map<String, Object> input) {
		try {
			return SaveJobCatalogPayload.of(catalogImport.save(input));
		}
		catch (InvalidDocumentException ex) {
			return SaveJobCatalogPayload.rejected(ex.problems());
		}
	}

	@BatchMapping(typeName = "Job")
	List<JobGroup> group(List<Job> sources) {
		return Batches.singles(sources, Job::id, jobs.groupsOfJobs(Batches.keys(sources, Job::id)));
	}

	@BatchMapping(typeName = "Job")
	List<List<ReferenceOccupation>> referenceOccupations(List<Job> sources) {
		return Batches.lists(sources, Job::id, jobs.occupationsOfJobs(Batches.keys(sources, Job::id)));
	}

	@BatchMapping(typeName = "Job", field = "enterprises")
	List<List<Enterprise>> enterprisesOfJobs(List<Job> sources) {
		return Batches.lists(sources, Job::id, jobs.enterprisesOfJobs(Batches.keys(sources, Job::id)));
	}

	@BatchMapping(typeName = "JobGroup", field = "segments")
	List<List<ChainSegment>> segmentsOfGroups(List<JobGroup> sources) {
		return Batches.lists(sources, JobGroup::id, jobs.segmentsOfGroups(Batches.keys(sources, JobGroup::id)));
	}

	@BatchMapping(typeName = "JobGroup", field = "jobs")
	List<List<Job>> jobsOfGroups(List<JobGroup> sources) {
		return Batches.lists(sources, JobGroup::id, jobs.jobsOfGroups(Batches.keys(sources, JobGroup::id)));
	}

	@BatchMapping(typeName = "Industry", field = "segments")
	List<List<ChainSegment>> segmentsOfIndustries(List<Industry> sources) {
		return Batches.lists(sources, Industry::id, jobs.segmentsOfIndustries(Batches.keys(sources, Industry::id)));
	}

	@BatchMapping(typeName = "ChainSegment")
	List<List<JobGroup>> jobGroups(List<ChainSegment> sources) {
		return Batches.lists(sources, ChainSegment::id, jobs.groupsOfSegments(Batches.keys(sources, ChainSegment::id)));
	}

	@BatchMapping(typeName = "Enterprise")
	List<List<Industry>> industries(List<Enterprise> sources) {
		return Batches.lists(sources, Enterprise::id, jobs.industriesOfEnterprises(Batches.keys(sources, Enterprise::id)));
	}

	@BatchMapping(typeName = "Enterprise")
	List<List<Submission>> submissions(List<Enterprise> sources) {
		return Batches.lists(sources, Enterprise::id, jobs.latestSubmissionsOfEnterprises(Batches.keys(sources, Enterprise::id)));
	}
}
