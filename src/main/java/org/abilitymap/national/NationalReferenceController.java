package org.abilitymap.national;

import java.util.List;

import org.abilitymap.curriculum.Programme;
import org.abilitymap.jobs.ReferenceOccupation;
import org.abilitymap.national.CatalogueParts.CompetencyRequirement;
import org.abilitymap.national.CatalogueParts.OccupationDictionaryEntry;
import org.abilitymap.national.CatalogueParts.ProgrammeCategory;
import org.abilitymap.national.CatalogueParts.ProgrammeClass;
import org.abilitymap.support.graphql.Batches;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL reads of the national reference data: catalogue programmes and national occupations. */
@Controller
class NationalReferenceController {

	private final NationalReadRepository national;

	NationalReferenceController(NationalReadRepository national) {
		this.national = national;
	}

	@QueryMapping
	CatalogueProgramme catalogueProgramme(@Argument String code) {
		return national.programme(code.strip()).orElse(null);
	}

	@QueryMapping
	ReferenceOccupation referenceOccupation(@Argument String code) {
		return national.occupation(code.strip()).orElse(null);
	}

	@BatchMapping(typeName = "CatalogueProgramme")
	List<ProgrammeClass> programmeClass(List<CatalogueProgramme> sources) {
		return Batches.singles(sources, CatalogueProgramme::code,
				national.classes(Batches.keys(sources, CatalogueProgramme::code)));
	}

	@BatchMapping(typeName = "ProgrammeClass")
	List<ProgrammeCategory> category(List<ProgrammeClass> sources) {
		return Batches.singles(sources, ProgrammeClass::code, national.categories(Batches.keys(sources, ProgrammeClass::code)));
	}

	@BatchMapping(typeName = "CatalogueProgramme")
	List<List<CompetencyRequirement>> competencyRequirements(List<CatalogueProgramme> sources) {
		return Batches.lists(sources, CatalogueProgramme::code,
				national.competencies(Batches.keys(sources, CatalogueProgramme::code)));
	}

	@BatchMapping(typeName = "CatalogueProgramme")
	List<List<ReferenceOccupation>> occupations(List<CatalogueProgramme> sources) {
		return Batches.lists(sources, CatalogueProgramme::code,
				national.crosswalkOccupations(Batches.keys(sources, CatalogueProgramme::code)));
	}

	@BatchMapping(typeName = "CatalogueProgramme")
	List<List<ReferenceOccupation>> targetOccupations(List<CatalogueProgramme> sources) {
		return Batches.lists(sources, CatalogueProgramme::code,
				national.targetOccupations(Batches.keys(sources, CatalogueProgramme::code)));
	}

	@BatchMapping(typeName = "CatalogueProgramme")
	List<List<Programme>> programmes(List<CatalogueProgramme> sources) {
		return Batches.lists(sources, CatalogueProgramme::code,
				national.implementingProgrammes(Batches.keys(sources, CatalogueProgramme::code)));
	}

	@BatchMapping(typeName = "ReferenceOccupation")
	List<OccupationDictionaryEntry> dictionary(List<ReferenceOccupation> sources) {
		return Batches.singles(sources, ReferenceOccupation::id,
				national.dictionaryEntries(Batches.keys(sources, ReferenceOccupation::id)));
	}

	@BatchMapping(typeName = "ReferenceOccupation")
	List<List<CatalogueProgramme>> catalogueProgrammes(List<ReferenceOccupation> sources) {
		return Batches.lists(sources, ReferenceOccupation::id,
				national.programmesOfOccupations(Batches.keys(sources, ReferenceOccupation::id)));
	}
}
