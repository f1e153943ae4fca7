package org.abilitymap.curriculum;

import java.util.List;

/**
 * A validated education-catalogue document: schools, industry bodies, industry clusters with their three leads, and
 * programme groups. Every entry is upserted by id.
 */
public record EducationCatalog(List<Organisation> schools, List<Organisation> industryBodies,
		List<ClusterEntry> clusters, List<ProgrammeGroupEntry> programmeGroups) {

	/** A school or an industry body. */
	public record Organisation(String id, String name, String nameEn) {
	}

	/** An industry cluster (集群) with its three leads (三组长) and members. */
	public record ClusterEntry(String path, String id, String name, String nameEn, String industryId,
			String leadEnterpriseId, String leadSchoolId, String leadIndustryBodyId, List<String> memberSchoolIds,
			List<String> memberEnterpriseIds) {
	}

	/** A programme group (专业群) of a school, aligned with chain segments and job groups. */
	public record ProgrammeGroupEntry(String path, String id, String name, String nameEn, String schoolId,
			String clusterId, List<String> segmentIds, List<String> jobGroupIds) {
	}
}
