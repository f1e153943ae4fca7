package org.abilitymap.curriculum;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.support.neo4j.Graph;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL mutations for one education-catalogue entry at a time; each is an education catalogue holding that entry
 * alone, so it gets the same checks, the same transaction and the same idempotency.
 */
@Controller
class CatalogEntryController {

	private static final String BY_ID = "MATCH (%s {id: $id}) RETURN %s AS item";

	private final EducationCatalogImport catalogs;

	private final Graph graph;

	CatalogEntryController(EducationCatalogImport catalogs, Graph graph) {
		this.catalogs = catalogs;
		this.graph = graph;
	}

	/** Result of {@code saveSchool}. */
	record SaveSchoolPayload(School school, List<Problem> errors) {
	}

	/** Result of {@code saveIndustryBody}. */
	record SaveIndustryBodyPayload(IndustryBody industryBody, List<Problem> errors) {
	}

	/** Result of {@code saveCluster}. */
	record SaveClusterPayload(Cluster cluster, List<Problem> errors) {
	}

	/** Result of {@code saveProgrammeGroup}. */
	record SaveProgrammeGroupPayload(ProgrammeGroup programmeGroup, List<Problem> errors) {
	}

	@MutationMapping
	SaveSchoolPayload saveSchool(@Argument Map<String, Object> input) {
		return save("schools", input, "s:School", School.PROJECTION, School::of, SaveSchoolPayload::new);
	}

	@MutationMapping
	SaveIndustryBodyPayload saveIndustryBody(@Argument Map<String, Object> input) {
		return save("industryBodies", input, "b:IndustryBody", IndustryBody.PROJECTION, IndustryBody::of,
				SaveIndustryBodyPayload::new);
	}

	@MutationMapping
	SaveClusterPayload saveCluster(@Argument Map<String, Object> input) {
		return save("clusters", input, "cl:Cluster", Cluster.PROJECTION, Cluster::of, SaveClusterPayload::new);
	}

	@MutationMapping
	SaveProgrammeGroupPayload saveProgrammeGroup(@Argument Map<String, Object> input) {
		return save("programmeGroups", input, "g:ProgrammeGroup", ProgrammeGroup.PROJECTION, ProgrammeGroup::of,
				SaveProgrammeGroupPayload::new);
	}

	/**
	 * Saves one entry as a catalogue of one, then reads it back; problems come back with paths inside the entry
	 * (the catalogue's {@code schools[0].} prefix removed).
	 */
	private <T, P> P save(String list, Map<String, Object> input, String pattern, String projection,
			Function<org.neo4j.driver.Value, T> mapper, java.util.function.BiFunction<T, List<Problem>, P> payload) {
		try {
			catalogs.save(Map.of(list, List.of(input)));
			T saved = graph.queryOne(BY_ID.formatted(pattern, projection), Map.of("id", input.get("id")),
					r -> mapper.apply(r.get("item"))).orElseThrow();
			return payload.apply(saved, List.of());
		}
		catch (InvalidDocumentException ex) {
			String prefix = list + "[0].";
			return payload.apply(null, ex.problems().stream()
				.map(p -> new Problem(p.path().startsWith(prefix) ? p.path().substring(prefix.length()) : p.path(),
						p.code(), p.message()))
				.toList());
		}
	}
}
