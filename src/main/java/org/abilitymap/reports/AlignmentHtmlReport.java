package org.abilitymap.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.abilitymap.alignment.Coverage;
import org.abilitymap.alignment.CurriculumMatrix;
import org.abilitymap.alignment.Gap;
import org.abilitymap.alignment.Orphan;
import org.abilitymap.alignment.Share;
import org.abilitymap.curriculum.Course;
import org.abilitymap.curriculum.Programme;
import org.abilitymap.imports.Progress;
import org.abilitymap.jobs.Job;
import org.abilitymap.points.Point;

/**
 * Writes the alignment report as one printable HTML page: A4 pages, table headers repeated on every page, rows
 * never split, the matrix on landscape pages in slices of {@value #PRINT_COLUMNS} points, every name escaped.
 */
final class AlignmentHtmlReport {

	static final String CONTENT_TYPE = "text/html;charset=UTF-8";

	/** Points per matrix slice: beside the course names they fill an A4 landscape page. */
	static final int PRINT_COLUMNS = 32;

	static final String STYLE = """
			@page { size: A4; margin: 16mm 12mm 16mm 12mm; }
			@page matrix { size: A4 landscape; margin: 12mm 10mm 12mm 10mm; }
			* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
			html { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
			  font-size: 10.5pt; color: #17202b; line-height: 1.45; }
			body { margin: 0 auto; max-width: 1120px; padding: 16px 20px 32px; }
			h1 { font-size: 18pt; margin: 0 0 2px; color: #0f2a4a; }
			h2 { font-size: 13pt; margin: 20px 0 6px; padding-bottom: 2px; border-bottom: 2px solid #1d4f91;
			  color: #0f2a4a; break-after: avoid; page-break-after: avoid; }
			h3 { font-size: 11pt; margin: 12px 0 4px; break-after: avoid; page-break-after: avoid; }
			.en { font-size: 0.78em; color: #5b6b7d; font-weight: normal; margin-left: 0.4em; }
			th .en { display: block; margin-left: 0; }
			.subtitle { margin: 0 0 12px; font-size: 12pt; }
			.count { display: inline-block; min-width: 1.6em; padding: 0 6px; margin-left: 6px; border-radius: 8px;
			  background: #eef1f5; font-size: 10pt; text-align: center; }
			table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; }
			th, td { border: 1px solid #b7c2cf; padding: 3px 5px; text-align: left; vertical-align: top; }
			thead th { background: #dce6f1; vertical-align: bottom; }
			thead { display: table-header-group; }
			tfoot { display: table-footer-group; }
			tr { break-inside: avoid; page-break-inside: avoid; }
			table.facts th { width: 11em; background: #eef1f5; }
			.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
			.muted { color: #5b6b7d; }
			.level { text-align: center; white-space: nowrap; }
			.lv1 { background: #cfe1f6; color: #17324d; }
			.lv2 { background: #6ea8dc; color: #08233f; }
			.lv3 { background: #1d4f91; color: #ffffff; }
			.not_taught td:first-child { background: #fdecec; box-shadow: inset 3px 0 0 #d64545; }
			.below_level td:first-child { background: #fdf3e2; box-shadow: inset 3px 0 0 #e9a23b; }
			.note { font-size: 9pt; color: #5b6b7d; margin: 4px 0 8px; }
			.legend span.swatch { display: inline-block; width: 1.4em; margin: 0 4px 0 10px; text-align: center;
			  border: 1px solid #b7c2cf; }
			.matrix-section { page: matrix; break-before: page; page-break-before: always; }
			table.matrix { width: auto; font-size: 8pt; }
			table.matrix th, table.matrix td { padding: 1px 2px; }
			table.matrix th.course { min-width: 11em; max-width: 16em; font-weight: normal; background: #fff; }
			table.matrix th.point { writing-mode: vertical-rl; white-space: nowrap; max-height: 11em; overflow: hidden;
			  width: 2.1em; text-align: left; vertical-align: bottom; }
			table.matrix td.cell, table.matrix th.req { width: 2.1em; text-align: center; }
			table.matrix th.req { font-weight: normal; background: #fff; }
			table.matrix th.req-gap { background: #d64545; color: #fff; }
			table.matrix th.req-none { background: #efedf8; color: #8a7fc2; }
			.matrix-slice { break-inside: auto; }
			.matrix-slice + .matrix-slice { break-before: page; page-break-before: always; }
			footer { margin-top: 24px; font-size: 8.5pt; color: #5b6b7d; }
			@media print {
			  body { max-width: none; padding: 0; }
			  h2 { margin-top: 12px; }
			}
			""";

	private AlignmentHtmlReport() {
	}

	static void write(AlignmentReport report, OutputStream out, Progress progress) throws IOException {
		MatrixReport matrix = report.matrix();
		progress.begin("writing", 5);
		Programme programme = matrix.programme();
		Html html = new Html();
		html.trusted("<!DOCTYPE html>\n").open("html", "lang", "zh-CN").open("head")
			.open("meta", "charset", "utf-8")
			.open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
			.element("title", "专业对接报告 Alignment report · " + programme.name()
					+ (programme.code() == null ? "" : "（" + programme.code() + "）"))
			.open("style").trusted(STYLE).close("style").close("head").open("body");
		header(html, report);
		progress.advance(1);
		coverage(html, report.coverage());
		progress.advance(1);
		gaps(html, report.gaps());
		progress.advance(1);
		orphans(html, report.orphans());
		progress.advance(1);
		matrix(html, matrix);
		html.open("footer").text("abilitymap · " + ReportWorkbooks.TIME.format(matrix.generatedAt())).close("footer");
		html.close("body").close("html").trusted("\n");
		out.write(html.toString().getBytes(StandardCharsets.UTF_8));
		progress.advance(1);
	}

	private static void header(Html html, AlignmentReport report) {
		MatrixReport matrix = report.matrix();
		Programme programme = matrix.programme();
		html.open("header").open("h1").label(Bilingual.of("专业对接报告", "Alignment report")).close("h1")
			.open("p", "class", "subtitle").element("strong", programme.name(), "data-test", "programme-name");
		if (programme.nameEn() != null) {
			html.element("span", programme.nameEn(), "class", "en");
		}
		html.close("p").open("table", "class", "facts").open("tbody");
		fact(html, Bilingual.of("专业代码", "Programme code"), programme.code());
		fact(html, Bilingual.of("专业编号", "Programme id"), programme.id());
		fact(html, Bilingual.of("学校", "School"), matrix.school().map(Named::describe).orElse("—"));
		html.open("tr").open("th", "scope", "row").label(Bilingual.of("对接目标", "Target")).close("th").open("td",
				"data-test", "target");
		List<String> lines = report.targetLines();
		for (int i = 0; i < lines.size(); i++) {
			if (i > 0) {
				html.trusted("<br>");
			}
			html.text(lines.get(i));
		}
		html.close("td").close("tr");
		fact(html, Bilingual.of("生成时间", "Generated at"), ReportWorkbooks.TIME.format(matrix.generatedAt()));
		html.close("tbody").close("table").close("header");
	}

	private static void fact(Html html, Bilingual label, String value) {
		html.open("tr").open("th", "scope", "row").label(label).close("th").element("td", value).close("tr");
	}

	private static void coverage(Html html, Coverage coverage) {
		html.open("section", "id", "coverage").open("h2").label(Bilingual.of("覆盖率", "Coverage")).close("h2");
		html.open("table", "class", "coverage").open("thead").open("tr");
		for (Bilingual column : List.of(Bilingual.of("范围", "Scope"), Bilingual.of("要求点数", "Required"),
				Bilingual.of("已覆盖", "Covered"), Bilingual.of("覆盖率", "Coverage"), Bilingual.of("要求重要度", "Required weight"),
				Bilingual.of("已覆盖重要度", "Covered weight"), Bilingual.of("加权覆盖率", "Weighted coverage"))) {
			html.open("th", "scope", "col").label(column).close("th");
		}
		html.close("tr").close("thead").open("tbody");
		share(html, Bilingual.of("总体", "Overall"), coverage.overall(), "overall");
		share(html, Bilingual.of("技能点", "Skills"), coverage.skills(), "skills");
		share(html, Bilingual.of("知识点", "Knowledge"), coverage.knowledge(), "knowledge");
		for (Coverage.BlockShare block : coverage.byBlock()) {
			share(html, Bilingual.block(block.block()), block.share(), block.block());
		}
		for (Coverage.JobShare job : coverage.byJob()) {
			share(html, new Bilingual(job.job().name(), job.job().nameEn()), job.share(), job.job().id());
		}
		html.close("tbody").close("table");
		html.element("p", "要求点由某门课程以不低于要求等级的等级教授即为已覆盖；加权覆盖率按重要度（1–5）加权。"
				+ "A required point is covered when some course teaches it at or above the required level; the weighted "
				+ "coverage weighs points by importance (1–5).", "class", "note");
		html.close("section");
	}

	private static void share(Html html, Bilingual scope, Share share, String key) {
		html.open("tr", "data-key", key).open("th", "scope", "row").text(scope.zh());
		if (scope.en() != null) {
			html.element("span", scope.en(), "class", "en");
		}
		html.close("th").element("td", String.valueOf(share.required()), "class", "num")
			.element("td", String.valueOf(share.covered()), "class", "num")
			.element("td", percent(share.ratio()), "class", "num")
			.element("td", String.valueOf(share.requiredWeight()), "class", "num")
			.element("td", String.valueOf(share.coveredWeight()), "class", "num")
			.element("td", percent(share.weightedRatio()), "class", "num").close("tr");
	}

	static String percent(double ratio) {
		return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
	}

	private static void gaps(Html html, List<Gap> gaps) {
		html.open("section", "id", "gaps").open("h2").label(Bilingual.of("缺口", "Gaps"))
			.element("span", String.valueOf(gaps.size()), "class", "count").close("h2");
		if (gaps.isEmpty()) {
			html.element("p", "没有缺口：所有要求的点都已按要求等级教授。No gaps: every required point is taught at the "
					+ "required level.", "class", "note").close("section");
			return;
		}
		html.open("table", "class", "gaps").open("thead").open("tr");
		for (Bilingual column : List.of(Bilingual.of("序号", "No."), Bilingual.of("缺口类型", "Gap kind"),
				Bilingual.of("能力点", "Point"), Bilingual.of("类型", "Kind"), Bilingual.of("要求等级", "Required"),
				Bilingual.of("已教等级", "Taught"), Bilingual.of("重要度", "Importance"), Bilingual.of("需要的岗位", "Jobs"),
				Bilingual.of("最接近的课程", "Closest course"))) {
			html.open("th", "scope", "col").label(column).close("th");
		}
		html.close("tr").close("thead").open("tbody");
		int number = 0;
		for (Gap gap : gaps) {
			html.open("tr", "class", gap.kind().name().toLowerCase(Locale.ROOT), "data-point", gap.point().id())
				.element("td", String.valueOf(++number), "class", "num")
				.open("td").label(Bilingual.gapKind(gap.kind())).close("td");
			point(html, gap.point());
			html.open("td").label(Bilingual.pointKind(gap.point().kind())).close("td")
				.open("td", "class", "level").label(Bilingual.requiredLevel(gap.requiredLevel())).close("td")
				.open("td", "class", "level lv" + gap.taughtLevelRank())
				.label(Bilingual.teachingLevel(gap.taughtLevelRank())).close("td")
				.element("td", String.valueOf(gap.importance()), "class", "num")
				.element("td", gap.jobs().stream().map(Job::name).collect(Collectors.joining("、")))
				.element("td", gap.closestCourse() == null ? "—" : gap.closestCourse().name())
				.close("tr");
		}
		html.close("tbody").close("table").close("section");
	}

	private static void point(Html html, Point point) {
		html.open("td").text(point.name());
		if (point.nameEn() != null) {
			html.element("span", point.nameEn(), "class", "en");
		}
		html.element("div", point.id(), "class", "muted en").close("td");
	}

	private static void orphans(Html html, List<Orphan> orphans) {
		html.open("section", "id", "orphans").open("h2").label(Bilingual.of("孤立点", "Orphans"))
			.element("span", String.valueOf(orphans.size()), "class", "count").close("h2");
		if (orphans.isEmpty()) {
			html.element("p", "没有孤立点：所教授的点都在目标要求之内。No orphans: everything taught is required by the "
					+ "target.", "class", "note").close("section");
			return;
		}
		html.open("table", "class", "orphans").open("thead").open("tr");
		for (Bilingual column : List.of(Bilingual.of("序号", "No."), Bilingual.of("能力点", "Point"),
				Bilingual.of("类型", "Kind"), Bilingual.of("已教等级", "Taught"), Bilingual.of("教授课程", "Taught in"))) {
			html.open("th", "scope", "col").label(column).close("th");
		}
		html.close("tr").close("thead").open("tbody");
		int number = 0;
		for (Orphan orphan : orphans) {
			html.open("tr", "data-point", orphan.point().id()).element("td", String.valueOf(++number), "class", "num");
			point(html, orphan.point());
			html.open("td").label(Bilingual.pointKind(orphan.point().kind())).close("td")
				.open("td", "class", "level lv" + orphan.taughtLevelRank())
				.label(Bilingual.teachingLevel(orphan.taughtLevelRank())).close("td")
				.element("td", orphan.courses().stream().map(ReportWorkbooks::teaching).collect(Collectors.joining("；")))
				.close("tr");
		}
		html.close("tbody").close("table").close("section");
	}

	private static void matrix(Html html, MatrixReport report) {
		CurriculumMatrix matrix = report.matrix();
		html.open("section", "id", "matrix", "class", "matrix-section").open("h2")
			.label(Bilingual.of("课程矩阵", "Curriculum matrix")).close("h2");
		html.open("p", "class", "note legend").text("教学等级 Teaching level:");
		for (int rank = 1; rank <= 3; rank++) {
			Bilingual level = Bilingual.teachingLevel(rank);
			html.element("span", Bilingual.teachingLevelShort(rank), "class", "swatch lv" + rank).text(level.joined());
		}
		html.text(" · 要求等级 Required: 了 了解 Aware, 熟 熟练 Practised, 掌 掌握 Mastered; 要求等级来自本专业职业面向岗位 "
				+ "Required levels are those of the programme's own target jobs"
				+ (report.programmeJobs().isEmpty() ? ""
						: ": " + report.programmeJobs().stream().map(Named::describe).collect(Collectors.joining("、")))
				+ "；红色为缺口 red: gap；紫色为不在要求内 purple: not required.");
		html.close("p");
		if (matrix.courses().isEmpty() || matrix.points().isEmpty()) {
			html.element("p", "没有课程或能力点。No courses or points.", "class", "note").close("section");
			return;
		}
		Map<String, CurriculumMatrix.Cell> cells = report.cellsByCourseAndPoint();
		Map<String, Integer> taught = report.highestTaught();
		List<CurriculumMatrix.MatrixPoint> points = matrix.points();
		int slices = (points.size() + PRINT_COLUMNS - 1) / PRINT_COLUMNS;
		for (int start = 0; start < points.size(); start += PRINT_COLUMNS) {
			List<CurriculumMatrix.MatrixPoint> slice = points.subList(start, Math.min(points.size(), start + PRINT_COLUMNS));
			html.open("div", "class", "matrix-slice");
			if (slices > 1) {
				html.element("h3", "能力点 Points " + (start + 1) + "–" + (start + slice.size()) + " / " + points.size());
			}
			html.open("table", "class", "matrix").open("thead").open("tr")
				.open("th", "scope", "col", "class", "course").label(Bilingual.of("课程 ＼ 能力点", "Course \\ point"))
				.close("th");
			for (CurriculumMatrix.MatrixPoint point : slice) {
				html.element("th", point.point().name(), "scope", "col", "class",
						"point kind-" + point.point().kind().name().toLowerCase(Locale.ROOT), "title",
						point.point().name() + " · " + Bilingual.pointKind(point.point().kind()).joined(), "data-point",
						point.point().id());
			}
			html.close("tr").open("tr").open("th", "scope", "row", "class", "course")
				.label(Bilingual.of("要求等级", "Required")).close("th");
			for (CurriculumMatrix.MatrixPoint point : slice) {
				String kind = point.requiredLevelRank() == 0 ? "req req-none"
						: report.isGap(point, taught) ? "req req-gap" : "req";
				html.element("th", Bilingual.requiredLevelShort(point.requiredLevel()), "scope", "col", "class", kind,
						"title", Bilingual.requiredLevel(point.requiredLevel()).joined());
			}
			html.close("tr").close("thead").open("tbody");
			for (Course course : matrix.courses()) {
				html.open("tr", "data-course", course.id()).open("th", "scope", "row", "class", "course")
					.text(course.name()).element("span", Bilingual.block(course.block()).zh(), "class", "en").close("th");
				for (CurriculumMatrix.MatrixPoint point : slice) {
					CurriculumMatrix.Cell cell = cells.get(MatrixReport.key(course.id(), point.point().id()));
					if (cell == null) {
						html.element("td", "", "class", "cell");
					}
					else {
						Bilingual level = Bilingual.teachingLevel(cell.levelRank());
						html.element("td", Bilingual.teachingLevelShort(cell.levelRank()), "class", "cell lv" + cell.levelRank(),
								"data-level", String.valueOf(cell.levelRank()), "title",
								level.joined() + (cell.hours() == null ? "" : " · " + ReportWorkbooks.hours(cell.hours())
										+ " 学时 hours"));
					}
				}
				html.close("tr");
			}
			html.close("tbody").close("table").close("div");
		}
		html.close("section");
	}
}
