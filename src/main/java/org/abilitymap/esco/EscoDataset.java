package org.abilitymap.esco;

import java.util.List;

import org.abilitymap.points.PointKind;

/**
 * What an ESCO import read and checked, ready to write: concepts, the skill hierarchy and the occupation–skill
 * relations whose two ends are both in the files (the official v1.1.1 files name a few concepts they do not hold).
 *
 * @param version the ESCO version named by the file or folder, such as 1.1.1; null when it names none
 * @param skippedRelations occupation–skill relations left out because an end is not in the files
 * @param skippedBroader broader links left out because an end is not in the files
 * @param missingFiles the optional files that were found nowhere
 */
record EscoDataset(String version, List<Occupation> occupations, List<Skill> skills, List<SkillGroup> skillGroups,
		List<Broader> broader, List<OccupationSkill> occupationSkills, int skippedRelations, int skippedBroader,
		List<String> missingFiles) {

	/** The URI prefix of every ESCO concept; the rest, dashes for slashes, makes the graph id. */
	static final String URI_PREFIX = "http://data.europa.eu/esco/";

	/** The stable graph id of an ESCO concept: {@code esco-occupation-<uuid>}, {@code esco-skill-<uuid>}, {@code esco-isced-f-04}. */
	static String idOf(String uri) {
		return "esco-" + uri.substring(URI_PREFIX.length()).replace('/', '-');
	}

	/** An occupation of occupations_en.csv. */
	record Occupation(String uri, String preferredLabel, List<String> altLabels, String iscoGroup, String code,
			String description) {
	}

	/**
	 * A skill or knowledge concept of skills_en.csv.
	 *
	 * @param skillType as in the file: skill/competence, knowledge, or null (a handful of concepts have none; they
	 *     are imported as skills)
	 */
	record Skill(String uri, PointKind kind, String skillType, String reuseLevel, String preferredLabel,
			List<String> altLabels, String description) {
	}

	/** A group of the skills pillar (skillGroups_en.csv, or only named in skillsHierarchy_en.csv). */
	record SkillGroup(String uri, String preferredLabel, List<String> altLabels, String code, String description) {
	}

	/** A narrower concept and its broader one. */
	record Broader(String uri, String broaderUri) {
	}

	/** An essential or optional skill or knowledge of an occupation. */
	record OccupationSkill(String occupationUri, String skillUri, String relationType) {
	}

	/** How many concepts and links there are in all. */
	int elementCount() {
		return occupations.size() + skills.size() + skillGroups.size() + broader.size() + occupationSkills.size();
	}
}
