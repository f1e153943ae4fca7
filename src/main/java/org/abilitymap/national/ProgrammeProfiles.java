package org.abilitymap.national;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abilitymap.national.NationalData.Competency;
import org.abilitymap.national.NationalData.ProgrammeProfile;

/**
 * Reads the markdown text of 职业教育专业简介, one file per programme class: per programme its code, name, duration,
 * 职业面向, 培养目标定位, numbered 主要专业能力要求, courses and example certificates. Headings may lack their {@code #}
 * or be worded slightly differently; a block whose 专业代码 line was lost is skipped with a warning.
 */
final class ProgrammeProfiles {

	private static final Pattern CLASS_HEADING = Pattern.compile("^#\\s*(\\d{4})\\s*(\\S.*)$");

	private static final Pattern CODE_LINE = Pattern.compile("^专业代码\\s*(\\d{6}K?)\\s*$");

	private static final Pattern NAME_LINE = Pattern.compile("^专业名称[\\s\\u3000]*(.*)$");

	private static final Pattern DURATION_LINE = Pattern.compile("^基本修业年限\\s*(.*)$");

	private static final Pattern NUMBERED = Pattern.compile("^(\\d+)\\s*[.．、]\\s*(.*)$");

	private static final Pattern COURSE_LABEL = Pattern.compile("^(专业基础课程|专业核心课程|实习实训)\\s*[:：]\\s*(.*)$");

	private static final Pattern CERTIFICATE_LABEL = Pattern.compile("^([^:：]{2,20})[:：]\\s*(.*)$");

	private enum Section {
		ORIENTATION, GOAL, COMPETENCIES, COURSES, CERTIFICATES, CONTINUATION, OTHER
	}

	/** The section headings and the variants the PDF text has for them. */
	private static final Map<String, Section> HEADINGS = new LinkedHashMap<>();

	static {
		HEADINGS.put("职业面向", Section.ORIENTATION);
		HEADINGS.put("培养目标定位", Section.GOAL);
		HEADINGS.put("培养目标", Section.GOAL);
		HEADINGS.put("主要专业能力要求", Section.COMPETENCIES);
		HEADINGS.put("专业能力要求", Section.COMPETENCIES);
		HEADINGS.put("主要专业课程与实习实训", Section.COURSES);
		HEADINGS.put("主要专业课程和实训实习", Section.COURSES);
		HEADINGS.put("主要专业课程和实习实训", Section.COURSES);
		HEADINGS.put("主要专业课程", Section.COURSES);
		HEADINGS.put("职业类证书举例", Section.CERTIFICATES);
		HEADINGS.put("职业类证书列举", Section.CERTIFICATES);
		HEADINGS.put("职类证书举例", Section.CERTIFICATES);
		HEADINGS.put("职业资格证书举例", Section.CERTIFICATES);
		HEADINGS.put("职业证书类型", Section.CERTIFICATES);
		HEADINGS.put("接续专业举例", Section.CONTINUATION);
	}

	private final List<ReadingWarning> warnings;

	ProgrammeProfiles(List<ReadingWarning> warnings) {
		this.warnings = warnings;
	}

	/** The profiles of one file, in file order. */
	List<ProgrammeProfile> read(String file, List<String> lines) {
		List<ProgrammeProfile> profiles = new ArrayList<>();
		String classCode = null;
		String className = null;
		Profile profile = null;
		int orphanStart = 0;
		for (int i = 0; i < lines.size(); i++) {
			String line = ChineseText.clean(lines.get(i));
			int number = i + 1;
			Matcher classHeading = CLASS_HEADING.matcher(line);
			Matcher code = CODE_LINE.matcher(line.replace(" ", ""));
			Section section = HEADINGS.get(line.replaceFirst("^#+\\s*", ""));
			if (classHeading.matches()) {
				finish(profile, profiles);
				profile = null;
				classCode = classHeading.group(1);
				className = classHeading.group(2).strip();
			}
			else if (code.matches()) {
				finish(profile, profiles);
				orphanEnd(file, orphanStart, number - 1);
				orphanStart = 0;
				if (classCode == null || !code.group(1).startsWith(classCode)) {
					warnings.add(new ReadingWarning(file, number, "programme " + code.group(1)
							+ " is not under a heading of its class (# " + code.group(1).substring(0, 4)
							+ " …); it was skipped"));
					profile = null;
				}
				else {
					profile = new Profile(code.group(1), classCode, className, file, number);
				}
			}
			else if (section != null) {
				if (profile != null && profile.seen.contains(section)) {
					// The 专业代码 line of the next programme was lost in the PDF text: its sections follow on.
					finish(profile, profiles);
					profile = null;
					orphanStart = number;
				}
				else if (profile != null) {
					profile.seen.add(section);
					profile.closeItem();
					profile.section = section;
				}
				else if (orphanStart == 0 && classCode != null) {
					orphanStart = number;
				}
			}
			else if (line.startsWith("#")) {
				if (profile != null) {
					profile.closeItem();
					profile.section = Section.OTHER;
				}
			}
			else if (profile != null && !line.isEmpty()) {
				profile.take(line, number);
			}
		}
		finish(profile, profiles);
		orphanEnd(file, orphanStart, lines.size());
		return profiles;
	}

	private void orphanEnd(String file, int start, int end) {
		if (start > 0) {
			warnings.add(new ReadingWarning(file, start, "a programme profile without its 专业代码 line (lines " + start
					+ "–" + end + "); it was skipped"));
		}
	}

	private void finish(Profile profile, List<ProgrammeProfile> profiles) {
		if (profile == null) {
			return;
		}
		profile.closeItem();
		if (profile.seen.isEmpty()) {
			warnings.add(new ReadingWarning(profile.file, profile.line, "programme " + profile.code
					+ " has no profile sections" + (profile.placeholder ? " (the text says （略）)" : "")));
		}
		else if (!profile.seen.contains(Section.COMPETENCIES) || profile.competencies.isEmpty()) {
			warnings.add(new ReadingWarning(profile.file, profile.line, "programme " + profile.code
					+ " has no numbered 主要专业能力要求"));
		}
		profiles.add(new ProgrammeProfile(profile.code, profile.name, profile.classCode, profile.className,
				profile.duration, nullIfEmpty(profile.orientation), nullIfEmpty(profile.goal),
				List.copyOf(profile.competencies), ChineseText.splitList(profile.foundation),
				ChineseText.splitList(profile.core), nullIfEmpty(profile.training), List.copyOf(profile.certificates),
				profile.file, profile.line));
	}

	private static String nullIfEmpty(String text) {
		return text.isEmpty() ? null : text;
	}

	/** A profile being read. */
	private final class Profile {

		final String code;

		final String classCode;

		final String className;

		final String file;

		final int line;

		final java.util.EnumSet<Section> seen = java.util.EnumSet.noneOf(Section.class);

		Section section = Section.OTHER;

		String name;

		String duration;

		boolean placeholder;

		String orientation = "";

		String goal = "";

		final List<Competency> competencies = new ArrayList<>();

		int openNumber;

		int lastNumber;

		int openLine;

		String openText = "";

		String courseLabel;

		String foundation = "";

		String core = "";

		String training = "";

		final List<String> certificates = new ArrayList<>();

		Profile(String code, String classCode, String className, String file, int line) {
			this.code = code;
			this.classCode = classCode;
			this.className = className;
			this.file = file;
			this.line = line;
		}

		void take(String text, int number) {
			Matcher name = NAME_LINE.matcher(text);
			Matcher duration = DURATION_LINE.matcher(text);
			if (this.name == null && name.matches()) {
				this.name = ChineseText.clean(name.group(1));
				return;
			}
			if (this.duration == null && duration.matches()) {
				this.duration = ChineseText.clean(duration.group(1));
				return;
			}
			if (text.equals("（略）") || text.equals("(略)")) {
				placeholder = true;
				return;
			}
			switch (section) {
				case ORIENTATION -> orientation = ChineseText.join(orientation, text);
				case GOAL -> goal = ChineseText.join(goal, text);
				case COMPETENCIES -> competency(text, number);
				case COURSES -> course(text);
				case CERTIFICATES -> certificate(text);
				case CONTINUATION, OTHER -> {
				}
			}
		}

		private void competency(String text, int number) {
			Matcher numbered = NUMBERED.matcher(text);
			if (numbered.matches()) {
				closeItem();
				openNumber = Integer.parseInt(numbered.group(1));
				openLine = number;
				openText = numbered.group(2);
			}
			else if (openNumber > 0) {
				openText = ChineseText.join(openText, text);
			}
			else {
				warnings.add(new ReadingWarning(file, number, "text before the first numbered 主要专业能力要求 of "
						+ code + " was skipped: " + abbreviated(text)));
			}
		}

		private void course(String text) {
			Matcher label = COURSE_LABEL.matcher(text);
			String rest = text;
			if (label.matches()) {
				courseLabel = label.group(1);
				rest = label.group(2);
			}
			if (courseLabel == null) {
				return;
			}
			switch (courseLabel) {
				case "专业基础课程" -> foundation = foundation + rest;
				case "专业核心课程" -> core = core + rest;
				default -> training = ChineseText.join(training, rest);
			}
		}

		private void certificate(String text) {
			Matcher label = CERTIFICATE_LABEL.matcher(text);
			String list = label.matches() ? label.group(2) : text;
			for (String certificate : ChineseText.splitList(list)) {
				if (!certificates.contains(certificate)) {
					certificates.add(certificate);
				}
			}
		}

		void closeItem() {
			if (openNumber > 0) {
				String text = ChineseText.withoutEndPunctuation(ChineseText.clean(openText));
				int expected = lastNumber + 1;
				if (text.isEmpty()) {
					warnings.add(new ReadingWarning(file, openLine, "主要专业能力要求 " + openNumber + " of " + code
							+ " is empty; it was skipped"));
				}
				else if (competencies.stream().anyMatch(c -> c.number() == openNumber)) {
					warnings.add(new ReadingWarning(file, openLine, "主要专业能力要求 " + openNumber + " of " + code
							+ " appears twice; the second was skipped"));
				}
				else {
					if (openNumber != expected) {
						warnings.add(new ReadingWarning(file, openLine, "主要专业能力要求 of " + code + " are numbered "
								+ openNumber + " where " + expected + " was expected (a number is missing or misread); kept as numbered"));
					}
					competencies.add(new Competency(openNumber, text));
					lastNumber = openNumber;
				}
			}
			openNumber = 0;
			openText = "";
		}
	}

	private static String abbreviated(String text) {
		return text.length() <= 30 ? text : text.substring(0, 30) + "…";
	}
}
