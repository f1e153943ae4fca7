package org.abilitymap.national;

import org.neo4j.driver.Value;

/** The small values around catalogue programmes and national occupations, as GraphQL returns them. */
final class CatalogueParts {

	private CatalogueParts() {
	}

	/** A 专业大类. */
	record ProgrammeCategory(String code, String name) {

		static ProgrammeCategory of(Value v) {
			return new ProgrammeCategory(v.get("code").asString(), v.get("name").asString());
		}
	}

	/** A 专业类. */
	record ProgrammeClass(String code, String name) {

		static ProgrammeClass of(Value v) {
			return new ProgrammeClass(v.get("code").asString(), v.get("name").asString());
		}
	}

	/** A numbered 主要专业能力要求. */
	record CompetencyRequirement(int number, String text) {

		static CompetencyRequirement of(Value v) {
			return new CompetencyRequirement(v.get("number").asInt(), v.get("text").asString());
		}
	}

	/** 定义, 主要工作任务 and 工种 of a national occupation. */
	record OccupationDictionaryEntry(String definition, java.util.List<String> mainTasks,
			java.util.List<String> workTypes, boolean green, boolean digital, String edition) {

		static OccupationDictionaryEntry of(Value v) {
			return new OccupationDictionaryEntry(v.get("definition").asString(null),
					CatalogueProgramme.strings(v.get("mainTasks")), CatalogueProgramme.strings(v.get("workTypes")),
					v.get("green").asBoolean(false), v.get("digital").asBoolean(false), v.get("edition").asString());
		}
	}
}
