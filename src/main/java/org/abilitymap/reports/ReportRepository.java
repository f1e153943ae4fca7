package org.abilitymap.reports;

import java.util.List;
import java.util.Optional;

import org.abilitymap.alignment.Target;
import org.abilitymap.curriculum.Programme;
import org.abilitymap.support.neo4j.Graph;
import org.abilitymap.support.neo4j.Rows;
import org.springframework.stereotype.Repository;

/** Reads what a report says about its programme and target besides the alignment figures: names. */
@Repository
class ReportRepository {

	private static final String PROGRAMMES_BY_CODE = """
			MATCH (p:Programme {code: $code})
			RETURN %s AS programme
			ORDER BY p.id
			""".formatted(Programme.PROJECTION);

	private static final String NAMES = """
			RETURN
			  COLLECT { MATCH (s:School)-[:OFFERS]->(:Programme {id: $programmeId})
			            RETURN s {.id, .name, .nameEn} AS s ORDER BY s.id } AS schools,
			  COLLECT { MATCH (:Programme {id: $programmeId})-[:TARGETS]->(j:Job)
			            RETURN j {.id, .name, .nameEn} AS j ORDER BY j.id } AS programmeJobs,
			  COLLECT { UNWIND coalesce($jobIds, []) AS jobId MATCH (j:Job {id: jobId})
			            RETURN j {.id, .name, .nameEn} AS j } AS jobs,
			  COLLECT { MATCH (g:JobGroup {id: $groupId}) RETURN g {.id, .name, .nameEn} AS g } AS groups,
			  COLLECT { MATCH (c:Certificate {id: $certificateId}) RETURN c {.id, .name, .nameEn} AS c } AS certificates
			""";

	private final Graph graph;

	ReportRepository(Graph graph) {
		this.graph = graph;
	}

	/** The programmes with this code (专业代码), by id. */
	List<Programme> programmesByCode(String code) {
		return graph.query(PROGRAMMES_BY_CODE, Rows.of("code", code), r -> Programme.of(r.get("programme")));
	}

	/** The names a report shows for its programme's school and jobs and for its target. */
	record Names(Optional<Named> school, List<Named> programmeJobs, List<Named> jobs, Optional<Named> group,
			Optional<Named> certificate) {
	}

	Names names(String programmeId, Target target) {
		return graph.queryOne(NAMES, Rows.of("programmeId", programmeId, "jobIds", target.jobIds(), "groupId",
				target.jobGroupId(), "certificateId", target.certificateId()), r -> new Names(
						r.get("schools").asList(Named::of).stream().findFirst(),
						r.get("programmeJobs").asList(Named::of), r.get("jobs").asList(Named::of),
						r.get("groups").asList(Named::of).stream().findFirst(),
						r.get("certificates").asList(Named::of).stream().findFirst()))
			.orElseThrow();
	}
}
