package org.abilitymap.reports;

import org.abilitymap.alignment.Gap;
import org.abilitymap.alignment.Target;
import org.abilitymap.curriculum.ProgrammeDocument.CourseBlock;
import org.abilitymap.jobs.ProficiencyLevel;
import org.abilitymap.points.PointKind;

/**
 * A label in Chinese with its English form, and the labels of the values the reports show (the same words as the
 * web page's dictionary).
 */
record Bilingual(String zh, String en) {

	/** Both on one line, Chinese first: {@code 掌握 Mastered}. */
	String joined() {
		return en.isEmpty() ? zh : zh + " " + en;
	}

	/** Chinese on the first line, English on the second: the spreadsheets' header text. */
	String twoLines() {
		return zh + "\n" + en;
	}

	static Bilingual of(String zh, String en) {
		return new Bilingual(zh, en);
	}

	/** A teaching level rank 1–3 (了解, 理解, 掌握). */
	static Bilingual teachingLevel(int rank) {
		return switch (rank) {
			case 1 -> of("了解", "Introduced");
			case 2 -> of("理解", "Reinforced");
			case 3 -> of("掌握", "Mastered");
			default -> of("—", "");
		};
	}

	/** The one-character form of a teaching level rank in the printed matrix (了, 理, 掌), as on the web page. */
	static String teachingLevelShort(int rank) {
		return switch (rank) {
			case 1 -> "了";
			case 2 -> "理";
			case 3 -> "掌";
			default -> "";
		};
	}

	/** The one-character form of a required level in the printed matrix (了, 熟, 掌). */
	static String requiredLevelShort(ProficiencyLevel level) {
		return level == null ? "–" : requiredLevel(level).zh().substring(0, 1);
	}

	/** A required level (了解, 熟练, 掌握). */
	static Bilingual requiredLevel(ProficiencyLevel level) {
		if (level == null) {
			return of("—", "");
		}
		return switch (level) {
			case AWARE -> of("了解", "Aware");
			case PRACTISED -> of("熟练", "Practised");
			case MASTERED -> of("掌握", "Mastered");
		};
	}

	static Bilingual pointKind(PointKind kind) {
		return kind == PointKind.SKILL ? of("技能点", "Skill") : of("知识点", "Knowledge");
	}

	static Bilingual block(String block) {
		return switch (CourseBlock.valueOf(block)) {
			case PUBLIC_FOUNDATION -> of("公共基础", "Public foundation");
			case PROFESSIONAL_CORE -> of("专业核心", "Professional core");
			case INDUSTRY_FEATURE -> of("产业特色", "Industry feature");
			case PRACTICE_TRAINING -> of("实践实训", "Practice & training");
		};
	}

	static Bilingual gapKind(Gap.Kind kind) {
		return kind == Gap.Kind.NOT_TAUGHT ? of("未教授", "Not taught") : of("等级不足", "Below level");
	}

	static Bilingual targetKind(Target.Kind kind) {
		return switch (kind) {
			case PROGRAMME_JOBS -> of("本专业职业面向岗位", "The programme's own target jobs");
			case JOBS -> of("所选岗位", "Chosen jobs");
			case JOB_GROUP -> of("岗位群", "Job group");
			case CERTIFICATE -> of("证书", "Certificate");
		};
	}
}
