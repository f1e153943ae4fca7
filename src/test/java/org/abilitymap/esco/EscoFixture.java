package org.abilitymap.esco;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small ESCO download in the real layout: the classification zip (occupations, skills, skill groups, hierarchy) and,
 * beside it, the relations zip (broader relations, occupation–skill relations), a few rows per file with the official
 * columns, multi-line alternative labels and the short rows skillsHierarchy_en.csv really has.
 */
public final class EscoFixture {

	static final String ESCO = "http://data.europa.eu/esco/";

	public static final String ASSEMBLER = ESCO + "occupation/0a1b2c3d-0000-4000-8000-000000000001";

	/** The URI the test catalogue (documents/catalog.json) gives its ESCO occupation t-esco-automotive-engineer. */
	static final String AUTOMOTIVE_ENGINEER = ESCO + "occupation/c4f2b8a9-1d7e-4a1b-9c39-3e1a1b1a0c11";

	static final String TECHNICIAN = ESCO + "occupation/0a1b2c3d-0000-4000-8000-000000000003";

	static final String MISSING_OCCUPATION = ESCO + "occupation/0a1b2c3d-0000-4000-8000-0000000000ff";

	static final String ASSEMBLE_PACKS = ESCO + "skill/5a000000-0000-4000-8000-000000000001";

	static final String POWER_TOOLS = ESCO + "skill/5a000000-0000-4000-8000-000000000002";

	static final String ICT_SAFETY = ESCO + "skill/5a000000-0000-4000-8000-000000000003";

	static final String EV_BATTERIES = ESCO + "skill/5a000000-0000-4000-8000-000000000011";

	static final String QUALITY_STANDARDS = ESCO + "skill/5a000000-0000-4000-8000-000000000012";

	static final String MISSING_SKILL = ESCO + "skill/5a000000-0000-4000-8000-0000000000ff";

	static final String SKILLS_ROOT = ESCO + "skill/6b000000-0000-4000-8000-000000000000";

	static final String ASSEMBLING = ESCO + "skill/6b000000-0000-4000-8000-000000000001";

	static final String POSITIONING = ESCO + "skill/6b000000-0000-4000-8000-000000000002";

	static final String ENGINEERING = ESCO + "isced-f/07";

	static final String CLASSIFICATION_ZIP = "ESCO dataset - v1.1.1 - classification - en - csv.zip";

	static final String RELATIONS_ZIP = "ESCO dataset - v1.1.1 - classification -  - csv.zip";

	static final String OCCUPATIONS = """
			conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code
			Occupation,%s,8211,motor vehicle assembler,"car assembler
			vehicle assembly worker",,released,2023-08-01T10:00:00Z,,,,http://data.europa.eu/esco/concept-scheme/occupations,"Motor vehicle assemblers assemble vehicles, ""by hand"" or by machine.",8211.1
			Occupation,%s,2144,automotive engineer,automobile engineer,,released,2023-08-01T10:00:00Z,,,,http://data.europa.eu/esco/concept-scheme/occupations,Automotive engineers design vehicles.,2144.1.1
			Occupation,%s,7231,automotive battery technician,,,released,2023-08-01T10:00:00Z,,,,http://data.europa.eu/esco/concept-scheme/occupations,Automotive battery technicians test batteries.,7231.2
			""".formatted(ASSEMBLER, AUTOMOTIVE_ENGINEER, TECHNICIAN);

	static final String SKILLS = """
			conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description
			KnowledgeSkillCompetence,%s,skill/competence,sector-specific,assemble battery packs,"build battery packs
			put battery packs together",,released,2023-08-01T10:00:00Z,,,http://data.europa.eu/esco/concept-scheme/skills,Assemble battery modules into packs.
			KnowledgeSkillCompetence,%s,skill/competence,cross-sector,use power tools,operate power tools,,released,2023-08-01T10:00:00Z,,,http://data.europa.eu/esco/concept-scheme/skills,Operate power-driven pumps and tools.
			KnowledgeSkillCompetence,%s,,,ICT safety,,,released,2023-08-01T10:00:00Z,,,http://data.europa.eu/esco/concept-scheme/skills,Protect devices and data.
			KnowledgeSkillCompetence,%s,knowledge,sector-specific,electric vehicle batteries,EV batteries,,released,2023-08-01T10:00:00Z,,,http://data.europa.eu/esco/concept-scheme/skills,"The chemistry, cells and packs of traction batteries."
			KnowledgeSkillCompetence,%s,knowledge,cross-sector,quality standards,,,released,2023-08-01T10:00:00Z,,,http://data.europa.eu/esco/concept-scheme/skills,National and international quality requirements.
			""".formatted(ASSEMBLE_PACKS, POWER_TOOLS, ICT_SAFETY, EV_BATTERIES, QUALITY_STANDARDS);

	static final String SKILL_GROUPS = """
			conceptType,conceptUri,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,inScheme,description,code
			SkillGroup,%s,skills,,,released,,,"http://data.europa.eu/esco/concept-scheme/skills
			http://data.europa.eu/esco/concept-scheme/skills-hierarchy",Skills of every kind.,S
			SkillGroup,%s,assembling and installing,,,released,,,http://data.europa.eu/esco/concept-scheme/skills-hierarchy,Putting things together.,S6
			SkillGroup,%s,"engineering, manufacturing and construction",,,released,,,http://data.europa.eu/esco/concept-scheme/isced-f,Engineering fields.,07
			""".formatted(SKILLS_ROOT, ASSEMBLING, ENGINEERING);

	/** The positioning group is only named here, as seven groups of v1.1.1 are; the first row is cut short. */
	static final String SKILLS_HIERARCHY = """
			Level 0 URI,Level 0 preferred term,Level 1 URI,Level 1 preferred term,Level 2 URI,Level 2 preferred term,Level 3 URI,Level 3 preferred term,Description,Scope note,Level 0 code,Level 1 code,Level 2 code,Level 3 code
			%1$s,skills,,,,,,,,,S
			%1$s,skills,%2$s,assembling and installing,,,,,Putting things together.,,S,S6
			%1$s,skills,%2$s,assembling and installing,%3$s,positioning tools or equipment,,,,,S,S6,S6.1
			""".formatted(SKILLS_ROOT, ASSEMBLING, POSITIONING);

	static final String BROADER = """
			conceptType,conceptUri,broaderType,broaderUri
			SkillGroup,%s,SkillGroup,%s
			KnowledgeSkillCompetence,%s,SkillGroup,%s
			KnowledgeSkillCompetence,%s,SkillGroup,%s
			KnowledgeSkillCompetence,%s,KnowledgeSkillCompetence,%s
			KnowledgeSkillCompetence,%s,SkillGroup,%s
			KnowledgeSkillCompetence,%s,SkillGroup,%s
			KnowledgeSkillCompetence,%s,SkillGroup,%s
			""".formatted(ASSEMBLING, SKILLS_ROOT, ASSEMBLE_PACKS, ASSEMBLING, POWER_TOOLS, ASSEMBLING, POWER_TOOLS,
			ASSEMBLE_PACKS, ICT_SAFETY, POSITIONING, EV_BATTERIES, ENGINEERING, QUALITY_STANDARDS, MISSING_SKILL);

	static final String RELATIONS = """
			occupationUri,relationType,skillType,skillUri
			%1$s,essential,skill/competence,%3$s
			%1$s,essential,knowledge,%4$s
			%1$s,optional,skill/competence,%5$s
			%2$s,essential,knowledge,%6$s
			%2$s,optional,,%7$s
			%8$s,essential,skill/competence,%3$s
			""".formatted(ASSEMBLER, TECHNICIAN, ASSEMBLE_PACKS, EV_BATTERIES, POWER_TOOLS, QUALITY_STANDARDS, ICT_SAFETY,
			MISSING_OCCUPATION);

	/** Concepts and links the fixture holds that the import keeps (a relation and a broader link name missing concepts). */
	static final int OCCUPATION_COUNT = 3;

	static final int SKILL_COUNT = 3;

	static final int KNOWLEDGE_COUNT = 2;

	/** Three in skillGroups_en.csv, one more only in the hierarchy. */
	static final int GROUP_COUNT = 4;

	/** Six from the broader file (one names a missing skill), plus positioning → assembling from the hierarchy. */
	static final int BROADER_COUNT = 7;

	static final int RELATION_COUNT = 5;

	private EscoFixture() {
	}

	/** The two files of the classification zip and the relations zip, by name, to be changed by a test. */
	static Map<String, String> classificationFiles() {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("occupations_en.csv", OCCUPATIONS);
		files.put("skills_en.csv", SKILLS);
		files.put("skillGroups_en.csv", SKILL_GROUPS);
		files.put("skillsHierarchy_en.csv", SKILLS_HIERARCHY);
		return files;
	}

	static Map<String, String> relationFiles() {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("broaderRelationsSkillPillar.csv", BROADER);
		files.put("occupationSkillRelations.csv", RELATIONS);
		return files;
	}

	/** Writes both zips into the folder and returns the classification zip, the one a user names. */
	static Path write(Path folder, Map<String, String> classification, Map<String, String> relations)
			throws IOException {
		zip(folder.resolve(RELATIONS_ZIP), relations);
		return zip(folder.resolve(CLASSIFICATION_ZIP), classification);
	}

	public static Path write(Path folder) throws IOException {
		return write(folder, classificationFiles(), relationFiles());
	}

	static Path zip(Path file, Map<String, String> entries) throws IOException {
		try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (var entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return file;
	}
}
