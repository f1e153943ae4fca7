package org.abilitymap.national;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abilitymap.national.NationalData.DictionaryOccupation;

/**
 * Reads the markdown text of 职业分类大典 (2022) and of its yearly supplements: each detailed occupation with its
 * definition, main work tasks and work types (工种), tolerating the line breaks and stray spaces of the PDF text.
 */
final class OccupationDictionary {

	/** {@code # 6-01-01-01 制米工}: a detailed occupation of the 2022 edition. */
	private static final Pattern OCCUPATION_HEADING = Pattern.compile("^#+\\s*(\\d-\\d{2}-\\d{2}-\\d{2})(?!\\s*（GBM)\\s*(.*)$");

	/** {@code ### （三）4-04-04-07 网络安全等级保护测评师 `S`}: an occupation of a supplement, maybe without code yet. */
	private static final Pattern SUPPLEMENT_HEADING = Pattern
		.compile("^#{2,4}\\s*（[一二三四五六七八九十百]+）\\s*(?:(\\d-\\d{2}-\\d{2}-\\d{2})\\s*)?(.+)$");

	/** A classification line that closes an occupation: {@code 6-01-01（GBM60101）}, or a 本小类… list. */
	private static final Pattern CLASS_LINE = Pattern.compile("^(\\d(-\\d{2}){0,3}\\s*（GBM|本(大|中|小)类包括)");

	/** {@code | 1 | 营销员（4-01-02-01） | 汽配销售经理人、售后服务管理员 |}: new work types of an existing occupation. */
	private static final Pattern WORK_TYPE_ROW = Pattern.compile("^\\|\\s*\\d+\\s*\\|([^|]+)\\|([^|]+)\\|\\s*$");

	private static final Pattern CODE_IN_BRACKETS = Pattern.compile("[（(]\\s*(\\d-\\d{2}-\\d{2}-\\d{2})\\s*[)）]");

	private static final Pattern NUMBERED = Pattern.compile("^\\d+\\s*[.．、]\\s*(.*)$");

	/** The dictionary marks green (绿色职业, L) and digital (数字职业, S) occupations after their name. */
	private static final Pattern GREEN_DIGITAL = Pattern.compile("^(.*?[\\p{IsHan}）)])\\s*`?(L/S|L|S)`?$");

	private static final Pattern MARKS = Pattern.compile("`[^`]*`|[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}\\x{FE0F}]");

	private enum Part {
		DEFINITION, TASKS, WORK_TYPES, OTHER
	}

	private final List<ReadingWarning> warnings;

	private final List<WorkTypeAddition> additions = new ArrayList<>();

	/** New work types a supplement adds to an occupation named by code or, where it gives none, by name. */
	record WorkTypeAddition(String code, String name, List<String> workTypes, String file, int line) {
	}

	OccupationDictionary(List<ReadingWarning> warnings) {
		this.warnings = warnings;
	}

	/** The occupations of one file, in file order. */
	List<DictionaryOccupation> read(String file, List<String> lines) {
		List<DictionaryOccupation> occupations = new ArrayList<>();
		Entry entry = null;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			int number = i + 1;
			Matcher heading = OCCUPATION_HEADING.matcher(line);
			Matcher supplement = SUPPLEMENT_HEADING.matcher(line);
			if (heading.matches() || supplement.matches()) {
				finish(entry, occupations);
				Matcher found = heading.matches() ? heading : supplement;
				String code = found.group(1);
				String name = found.group(2).replaceAll("[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}\\x{FE0F}]", "").strip();
				Matcher marked = GREEN_DIGITAL.matcher(name);
				String mark = marked.matches() ? marked.group(2) : "";
				name = ChineseText.clean(MARKS.matcher(marked.matches() ? marked.group(1) : name).replaceAll(""));
				entry = null;
				if (code == null) {
					warnings.add(new ReadingWarning(file, number, "occupation '" + name
							+ "' has no code yet (职业编码 待公布); it was skipped"));
				}
				else if (name.isEmpty()) {
					warnings.add(new ReadingWarning(file, number, "occupation " + code + " has no name; it was skipped"));
				}
				else {
					entry = new Entry(code, name, heading.matches() ? "2022" : "supplement", file, number);
					entry.green = mark.contains("L");
					entry.digital = mark.contains("S");
				}
				continue;
			}
			String unmarked = line.replaceFirst("^#+\\s*", "");
			if (entry != null && line.startsWith("#")
					&& (unmarked.startsWith("主要工作任务") || unmarked.startsWith("本职业包含") || unmarked.startsWith("包含工种"))) {
				entry.take(unmarked);
				continue;
			}
			if (line.startsWith("#") || CLASS_LINE.matcher(line).find() || line.equals("---")) {
				finish(entry, occupations);
				entry = null;
				continue;
			}
			Matcher workTypeRow = WORK_TYPE_ROW.matcher(line);
			if (entry == null && workTypeRow.matches()) {
				String occupation = line.replace("**", "");
				Matcher row = WORK_TYPE_ROW.matcher(occupation);
				row.matches();
				Matcher code = CODE_IN_BRACKETS.matcher(row.group(1));
				String name = ChineseText.clean(MARKS.matcher(CODE_IN_BRACKETS.matcher(row.group(1)).replaceAll("")).replaceAll(""));
				Matcher marked = GREEN_DIGITAL.matcher(name);
				name = marked.matches() ? marked.group(1) : name;
				additions.add(new WorkTypeAddition(code.find() ? code.group(1) : null, name,
						ChineseText.splitList(row.group(2)), file, number));
				continue;
			}
			if (entry == null || line.isEmpty()) {
				continue;
			}
			entry.take(line);
		}
		finish(entry, occupations);
		return occupations;
	}

	/** The work-type additions of the tables read so far. */
	List<WorkTypeAddition> workTypeAdditions() {
		return List.copyOf(additions);
	}

	private void finish(Entry entry, List<DictionaryOccupation> occupations) {
		if (entry == null) {
			return;
		}
		entry.closeItem();
		if (entry.definition.isEmpty()) {
			warnings.add(new ReadingWarning(entry.file, entry.line, "occupation " + entry.code + " " + entry.name
					+ " has no definition"));
		}
		occupations.add(new DictionaryOccupation(entry.code, entry.name,
				entry.definition.isEmpty() ? null : entry.definition, List.copyOf(entry.tasks),
				entry.workTypes.stream().distinct().toList(), entry.green, entry.digital, entry.edition, entry.line));
	}

	/** An occupation being read. */
	private static final class Entry {

		final String code;

		final String name;

		final String edition;

		boolean green;

		boolean digital;

		final String file;

		final int line;

		String definition = "";

		final List<String> tasks = new ArrayList<>();

		final List<String> workTypes = new ArrayList<>();

		Part part = Part.DEFINITION;

		/** A task broken over several lines, until a line ends with ；or 。. */
		String openItem = "";

		Entry(String code, String name, String edition, String file, int line) {
			this.code = code;
			this.name = name;
			this.edition = edition;
			this.file = file;
			this.line = line;
		}

		void take(String raw) {
			String line = raw.replace("**", "").strip();
			if (line.startsWith("主要工作任务")) {
				closeItem();
				part = Part.TASKS;
				return;
			}
			if (line.contains("下列工种") || line.startsWith("包含工种")) {
				closeItem();
				part = Part.WORK_TYPES;
				return;
			}
			if (line.startsWith("定义")) {
				definition = ChineseText.clean(line.replaceFirst("^定义\\s*[:：]", ""));
				part = Part.OTHER;
				return;
			}
			if (line.startsWith("职业编码") || line.startsWith("*") && line.endsWith("*")) {
				return;
			}
			switch (part) {
				case DEFINITION -> definition = ChineseText.join(definition, line);
				case TASKS -> task(line);
				case WORK_TYPES -> {
					String types = line.startsWith("- ") ? line.substring(2) : line;
					for (String type : types.split("[\\s\\u3000、]+")) {
						String clean = ChineseText.withoutEndPunctuation(ChineseText.clean(type));
						if (!clean.isEmpty()) {
							workTypes.add(clean);
						}
					}
				}
				case OTHER -> {
				}
			}
		}

		private void task(String line) {
			Matcher numbered = NUMBERED.matcher(line);
			if (numbered.matches()) {
				closeItem();
				openItem = ChineseText.clean(numbered.group(1));
			}
			else {
				openItem = ChineseText.join(openItem, line);
			}
			if (openItem.endsWith("；") || openItem.endsWith(";") || openItem.endsWith("。")) {
				closeItem();
			}
		}

		void closeItem() {
			String task = ChineseText.withoutEndPunctuation(openItem);
			if (!task.isEmpty()) {
				tasks.add(task);
			}
			openItem = "";
		}
	}
}
