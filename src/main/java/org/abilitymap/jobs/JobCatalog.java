package org.abilitymap.jobs;

import java.util.List;

/**
 * A validated job-catalogue document: the reference data that submissions point at. Every entry is upserted by id.
 *
 * @param industries industries (产业) with their chain segments (产业链环节)
 * @param referenceOccupations national occupation-dictionary and ESCO occupations
 * @param jobGroups job groups (岗位群) and the segments they serve
 * @param jobs jobs (岗位)
 * @param enterprises enterprises (企业)
 */
public record JobCatalog(List<IndustryEntry> industries, List<OccupationEntry> referenceOccupations,
		List<JobGroupEntry> jobGroups, List<JobEntry> jobs, List<EnterpriseEntry> enterprises) {

	/** An industry and its chain segments. */
	public record IndustryEntry(String id, String name, String nameEn, List<SegmentEntry> segments) {
	}

	/** A segment of an industry chain. */
	public record SegmentEntry(String id, String name, String nameEn, ChainStage stage) {
	}

	/** A reference occupation a job can be classified under. */
	public record OccupationEntry(String id, OccupationScheme scheme, String code, String uri, String name,
			String nameEn) {
	}

	/** A job group and the chain segments it serves. */
	public record JobGroupEntry(String id, String name, String nameEn, List<String> segmentIds) {
	}

	/** A job. */
	public record JobEntry(String id, String name, String nameEn, String description, String groupId,
			List<String> referenceOccupationIds) {
	}

	/** An enterprise and the industries it works in. */
	public record EnterpriseEntry(String id, String name, String nameEn, List<String> industryIds) {
	}

	/** Where in an industry chain a segment sits. */
	public enum ChainStage {
		UPSTREAM, MIDSTREAM, DOWNSTREAM
	}

	/** Which classification a reference occupation comes from. */
	public enum OccupationScheme {
		/** 中华人民共和国职业分类大典 (2022). */
		CN_OCCUPATION_2022,
		/** European Skills, Competences, Qualifications and Occupations. */
		ESCO
	}
}
