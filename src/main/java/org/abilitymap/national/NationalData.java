package org.abilitymap.national;

import java.util.List;

/** What the readers took from the national data folder, before anything is written. */
record NationalData(List<CatalogueEntry> catalogue, List<CrosswalkLink> crosswalk,
		List<DictionaryOccupation> occupations, List<ProgrammeProfile> profiles, List<ReadingWarning> warnings) {

	/** One row of 职业教育专业目录: a programme with its class (专业类) and category (专业大类). */
	record CatalogueEntry(String code, String name, String level, String classCode, String className,
			String categoryCode, String categoryName, String note) {
	}

	/** One row of 专业-职业对照表: a programme leads to a national occupation. */
	record CrosswalkLink(String programmeCode, String programmeName, String occupationCode, String occupationName,
			String file, int line) {
	}

	/** A detailed occupation (细类) of 职业分类大典; green (绿色职业, L) and digital (数字职业, S) as the dictionary marks them. */
	record DictionaryOccupation(String code, String name, String definition, List<String> mainTasks,
			List<String> workTypes, boolean green, boolean digital, String edition, int line) {
	}

	/** A numbered line of 主要专业能力要求. */
	record Competency(int number, String text) {
	}

	/** One programme's entry in 职业教育专业简介. */
	record ProgrammeProfile(String code, String name, String classCode, String className, String duration,
			String orientation, String trainingGoal, List<Competency> competencies, List<String> foundationCourses,
			List<String> coreCourses, String practicalTraining, List<String> exampleCertificates, String file,
			int line) {
	}
}
