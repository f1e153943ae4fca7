package org.abilitymap.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.abilitymap.alignment.Coverage;
import org.abilitymap.alignment.CurriculumMatrix;
import org.abilitymap.alignment.Gap;
import org.abilitymap.alignment.Orphan;
import org.abilitymap.alignment.Share;
import org.abilitymap.alignment.Target;
import org.abilitymap.curriculum.Course;
import org.abilitymap.imports.Progress;
import org.abilitymap.jobs.Job;
import org.abilitymap.points.PointKind;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the matrix and alignment reports as spreadsheets (Apache POI): a summary sheet, then coverage, gaps,
 * orphans, the matrix coloured by teaching level and the teaching cells one per row with their hours.
 */
final class ReportWorkbooks {

	static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final Bilingual SUMMARY = Bilingual.of("说明", "Summary");

	static final Bilingual COVERAGE = Bilingual.of("覆盖率", "Coverage");

	static final Bilingual GAPS = Bilingual.of("缺口", "Gaps");

	static final Bilingual ORPHANS = Bilingual.of("孤立点", "Orphans");

	static final Bilingual MATRIX = Bilingual.of("课程矩阵", "Matrix");

	static final Bilingual TEACHING = Bilingual.of("教学明细", "Teaching");

	/** Rows above the courses in the matrix sheet: point names, kinds, required levels, importance. */
	static final int MATRIX_HEADER_ROWS = 4;

	/** Columns left of the points in the matrix sheet: course, block, hours. */
	static final int MATRIX_HEADER_COLUMNS = 3;

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

	private ReportWorkbooks() {
	}

	/** The sheet name of a bilingual label, as the workbooks name their sheets. */
	static String sheetName(Bilingual label) {
		return label.zh() + " " + label.en();
	}

	static void writeMatrix(MatrixReport report, OutputStream out, Progress progress) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			SheetWriter.Styles styles = new SheetWriter.Styles(workbook);
			progress.begin("writing", report.matrix().courses().size() + report.matrix().cells().size() + 1);
			SheetWriter summary = summaryStart(workbook, styles, report, Bilingual.of("课程矩阵", "Curriculum matrix"));
			matrixFigures(summary, report);
			notes(summary, List.of(SUMMARY, MATRIX, TEACHING));
			summary.finish();
			progress.advance(1);
			matrix(workbook, styles, report, progress);
			teaching(workbook, styles, report, progress);
			workbook.write(out);
		}
	}

	static void writeAlignment(AlignmentReport report, OutputStream out, Progress progress) throws IOException {
		MatrixReport matrix = report.matrix();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			SheetWriter.Styles styles = new SheetWriter.Styles(workbook);
			progress.begin("writing", 1 + report.gaps().size() + report.orphans().size() + matrix.matrix().courses().size()
					+ matrix.matrix().cells().size());
			SheetWriter summary = summaryStart(workbook, styles, matrix, Bilingual.of("专业对接报告", "Alignment report"));
			summary.row(report.targetLines().size()).text(label("对接目标", "Target"), styles.label)
				.text(String.join("\n", report.targetLines()), styles.wrapped);
			Share overall = report.coverage().overall();
			summary.row(2).text(label("总覆盖率", "Overall coverage"), styles.label).percent(overall.ratio());
			summary.row(2).text(label("加权覆盖率", "Weighted coverage"), styles.label).percent(overall.weightedRatio());
			summary.row(2).text(label("要求点 / 已覆盖", "Required / covered points"), styles.label)
				.text(overall.required() + " / " + overall.covered());
			summary.row(2).text(label("缺口", "Gaps"), styles.label).integer(report.gaps().size());
			summary.row(2).text(label("孤立点", "Orphans"), styles.label).integer(report.orphans().size());
			matrixFigures(summary, matrix);
			notes(summary, List.of(SUMMARY, COVERAGE, GAPS, ORPHANS, MATRIX, TEACHING));
			summary.finish();
			progress.advance(1);
			coverage(workbook, styles, report.coverage());
			gaps(workbook, styles, report.gaps(), progress);
			orphans(workbook, styles, report.orphans(), progress);
			matrix(workbook, styles, matrix, progress);
			teaching(workbook, styles, matrix, progress);
			workbook.write(out);
		}
	}

	private static SheetWriter summaryStart(XSSFWorkbook workbook, SheetWriter.Styles styles, MatrixReport report,
			Bilingual title) {
		SheetWriter sheet = new SheetWriter(workbook, styles, SUMMARY);
		sheet.width(0, 26).width(1, 70);
		sheet.row(2).text(title.zh() + " · " + report.programme().name(), styles.title);
		sheet.row().text(title.en() + (report.programme().nameEn() == null ? "" : " · " + report.programme().nameEn()));
		sheet.gap();
		sheet.row(2).text(label("专业", "Programme"), styles.label).text(report.programme().name());
		sheet.row(2).text(label("英文名称", "English name"), styles.label).text(report.programme().nameEn());
		sheet.row(2).text(label("专业代码", "Programme code"), styles.label).text(report.programme().code());
		sheet.row(2).text(label("专业编号", "Programme id"), styles.label).text(report.programme().id());
		sheet.row(2).text(label("学校", "School"), styles.label).text(report.school().map(Named::describe).orElse(null));
		sheet.row(2).text(label("生成时间", "Generated at"), styles.label).text(TIME.format(report.generatedAt()));
		return sheet;
	}

	private static void matrixFigures(SheetWriter sheet, MatrixReport report) {
		SheetWriter.Styles styles = sheet.styles();
		sheet.row(Math.max(2, report.programmeJobs().size())).text(label("矩阵的要求等级来自", "Matrix required levels of"),
				styles.label).text(report.programmeJobs().isEmpty() ? "—"
						: Bilingual.targetKind(Target.Kind.PROGRAMME_JOBS).joined() + ":\n"
								+ report.programmeJobs().stream().map(Named::describe).collect(Collectors.joining("\n")),
						styles.wrapped);
		sheet.row(2).text(label("课程数", "Courses"), styles.label).integer(report.matrix().courses().size());
		sheet.row(2).text(label("能力点数", "Points"), styles.label).integer(report.matrix().points().size());
		sheet.row(2).text(label("教学单元", "Teaching cells"), styles.label).integer(report.matrix().cells().size());
	}

	private static void notes(SheetWriter sheet, List<Bilingual> sheets) {
		SheetWriter.Styles styles = sheet.styles();
		sheet.gap();
		sheet.row(sheets.size()).text(label("工作表", "Sheets"), styles.label).text(sheets.stream()
			.map(ReportWorkbooks::sheetName)
			.collect(Collectors.joining("\n")), styles.wrapped);
		sheet.row(3).text(label("教学等级", "Teaching levels"), styles.label).text("""
				了解 Introduced (1) — meets 了解 Aware
				理解 Reinforced (2) — meets 熟练 Practised
				掌握 Mastered (3) — meets 掌握 Mastered""", styles.wrapped);
		sheet.row(3).text(label("覆盖规则", "Coverage rule"), styles.label).text("""
				要求点由某门课程以不低于要求等级的等级教授即为已覆盖；加权覆盖率按重要度（1–5）加权。
				A required point is covered when some course teaches it at or above the required level; \
				the weighted coverage weighs points by importance (1–5).""", styles.wrapped);
	}

	private static void coverage(XSSFWorkbook workbook, SheetWriter.Styles styles, Coverage coverage) {
		SheetWriter sheet = new SheetWriter(workbook, styles, COVERAGE);
		sheet.header(Bilingual.of("分组", "Group"), Bilingual.of("范围", "Scope"), Bilingual.of("编号", "Id"),
				Bilingual.of("要求点数", "Required"), Bilingual.of("已覆盖", "Covered"), Bilingual.of("覆盖率", "Coverage"),
				Bilingual.of("要求重要度", "Required weight"), Bilingual.of("已覆盖重要度", "Covered weight"),
				Bilingual.of("加权覆盖率", "Weighted coverage"));
		share(sheet, Bilingual.of("总体", "Overall"), Bilingual.of("全部要求点", "All required points"), null, coverage.overall());
		share(sheet, Bilingual.of("类型", "Kind"), Bilingual.of("技能点", "Skills"), "SKILL", coverage.skills());
		share(sheet, Bilingual.of("类型", "Kind"), Bilingual.of("知识点", "Knowledge"), "KNOWLEDGE", coverage.knowledge());
		for (Coverage.BlockShare block : coverage.byBlock()) {
			share(sheet, Bilingual.of("课程模块", "Course block"), Bilingual.block(block.block()), block.block(), block.share());
		}
		for (Coverage.JobShare job : coverage.byJob()) {
			share(sheet, Bilingual.of("岗位", "Job"), jobName(job.job()), job.job().id(), job.share());
		}
		sheet.freeze(0, 1).finish();
	}

	private static void share(SheetWriter sheet, Bilingual group, Bilingual scope, String id, Share share) {
		sheet.row().text(group.joined()).text(scope.en() == null ? scope.zh() : scope.joined()).text(id)
			.integer(share.required()).integer(share.covered()).percent(share.ratio())
			.integer(share.requiredWeight()).integer(share.coveredWeight()).percent(share.weightedRatio());
	}

	private static void gaps(XSSFWorkbook workbook, SheetWriter.Styles styles, List<Gap> gaps, Progress progress) {
		SheetWriter sheet = new SheetWriter(workbook, styles, GAPS);
		sheet.header(Bilingual.of("序号", "No."), Bilingual.of("缺口类型", "Gap kind"), Bilingual.of("能力点编号", "Point id"),
				Bilingual.of("能力点", "Point"), Bilingual.of("英文名称", "English name"), Bilingual.of("类型", "Kind"),
				Bilingual.of("要求等级", "Required level"), Bilingual.of("已教等级", "Taught level"),
				Bilingual.of("重要度", "Importance"), Bilingual.of("需要的岗位", "Jobs needing it"),
				Bilingual.of("最接近的课程", "Closest course"));
		int number = 0;
		for (Gap gap : gaps) {
			sheet.row().integer(++number)
				.text(Bilingual.gapKind(gap.kind()).joined(),
						gap.kind() == Gap.Kind.NOT_TAUGHT ? styles.notTaught : styles.belowLevel)
				.text(gap.point().id()).text(gap.point().name()).text(gap.point().nameEn())
				.text(Bilingual.pointKind(gap.point().kind()).joined())
				.text(Bilingual.requiredLevel(gap.requiredLevel()).joined(), styles.centred)
				.text(Bilingual.teachingLevel(gap.taughtLevelRank()).joined(), styles.level(gap.taughtLevelRank()))
				.integer(gap.importance())
				.text(gap.jobs().stream().map(j -> jobName(j).zh()).collect(Collectors.joining("、")))
				.text(gap.closestCourse() == null ? null : gap.closestCourse().name());
			progress.advance(1);
		}
		sheet.freeze(0, 1).filter(0, 11).finish();
	}

	private static void orphans(XSSFWorkbook workbook, SheetWriter.Styles styles, List<Orphan> orphans,
			Progress progress) {
		SheetWriter sheet = new SheetWriter(workbook, styles, ORPHANS);
		sheet.header(Bilingual.of("序号", "No."), Bilingual.of("能力点编号", "Point id"), Bilingual.of("能力点", "Point"),
				Bilingual.of("英文名称", "English name"), Bilingual.of("类型", "Kind"), Bilingual.of("已教等级", "Taught level"),
				Bilingual.of("教授课程", "Taught in"));
		int number = 0;
		for (Orphan orphan : orphans) {
			sheet.row().integer(++number).text(orphan.point().id()).text(orphan.point().name())
				.text(orphan.point().nameEn()).text(Bilingual.pointKind(orphan.point().kind()).joined())
				.text(Bilingual.teachingLevel(orphan.taughtLevelRank()).joined(), styles.level(orphan.taughtLevelRank()))
				.text(orphan.courses().stream().map(ReportWorkbooks::teaching).collect(Collectors.joining("；")));
			progress.advance(1);
		}
		sheet.freeze(0, 1).filter(0, 7).finish();
	}

	/** {@code 课程（理解，4 学时）}. */
	static String teaching(Orphan.Teaching teaching) {
		return teaching.course().name() + "（" + Bilingual.teachingLevel(teaching.levelRank()).zh()
				+ (teaching.hours() == null ? "" : "，" + hours(teaching.hours()) + " 学时") + "）";
	}

	static String hours(Double hours) {
		return hours == hours.longValue() ? Long.toString(hours.longValue()) : hours.toString();
	}

	private static void matrix(XSSFWorkbook workbook, SheetWriter.Styles styles, MatrixReport report,
			Progress progress) {
		CurriculumMatrix matrix = report.matrix();
		Map<String, CurriculumMatrix.Cell> cells = report.cellsByCourseAndPoint();
		Map<String, Integer> taught = report.highestTaught();
		SheetWriter sheet = new SheetWriter(workbook, styles, MATRIX);
		sheet.sheet().getPrintSetup().setLandscape(true);
		int longestName = matrix.points().stream().mapToInt(p -> p.point().name() == null ? 0 : p.point().name().length())
			.max().orElse(4);
		sheet.row(Math.min(16, Math.max(4, longestName)));
		sheet.text(label("课程", "Course"), styles.header).text(label("模块", "Block"), styles.header)
			.text(label("学时", "Hours"), styles.header);
		matrix.points().forEach(p -> sheet.text(p.point().name(), styles.pointName));
		sheet.row().text(label("类型", "Kind"), styles.label).blank(styles.label).blank(styles.label);
		matrix.points().forEach(p -> sheet.text(p.point().kind() == PointKind.SKILL ? "技能" : "知识",
				styles.centred));
		sheet.row().text(label("要求等级", "Required level"), styles.label).blank(styles.label).blank(styles.label);
		matrix.points().forEach(p -> sheet.text(Bilingual.requiredLevel(p.requiredLevel()).zh(),
				p.requiredLevelRank() == 0 ? styles.notRequired
						: report.isGap(p, taught) ? styles.gapColumn : styles.centred));
		sheet.row().text(label("重要度", "Importance"), styles.label).blank(styles.label).blank(styles.label);
		matrix.points().forEach(p -> {
			if (p.requiredLevelRank() == 0) {
				sheet.blank(styles.notRequired);
			}
			else {
				sheet.integer(p.importance(), styles.centred);
			}
		});
		for (Course course : matrix.courses()) {
			sheet.row().text(course.name()).text(Bilingual.block(course.block()).zh()).number(course.hours());
			for (CurriculumMatrix.MatrixPoint point : matrix.points()) {
				CurriculumMatrix.Cell cell = cells.get(MatrixReport.key(course.id(), point.point().id()));
				if (cell == null) {
					sheet.blank(styles.text);
				}
				else {
					sheet.text(Bilingual.teachingLevel(cell.levelRank()).zh(), styles.level(cell.levelRank()));
				}
			}
			progress.advance(1);
		}
		for (int i = 0; i < matrix.points().size(); i++) {
			sheet.width(MATRIX_HEADER_COLUMNS + i, 5);
		}
		sheet.width(1, 10).width(2, 8);
		sheet.freeze(MATRIX_HEADER_COLUMNS, MATRIX_HEADER_ROWS).finish();
	}

	private static void teaching(XSSFWorkbook workbook, SheetWriter.Styles styles, MatrixReport report,
			Progress progress) {
		CurriculumMatrix matrix = report.matrix();
		Map<String, CurriculumMatrix.Cell> cells = report.cellsByCourseAndPoint();
		SheetWriter sheet = new SheetWriter(workbook, styles, TEACHING);
		sheet.header(Bilingual.of("课程编号", "Course id"), Bilingual.of("课程", "Course"), Bilingual.of("模块", "Block"),
				Bilingual.of("能力点编号", "Point id"), Bilingual.of("能力点", "Point"), Bilingual.of("类型", "Kind"),
				Bilingual.of("教学等级", "Taught level"), Bilingual.of("等级序号", "Level rank"), Bilingual.of("学时", "Hours"),
				Bilingual.of("要求等级", "Required level"));
		for (Course course : matrix.courses()) {
			for (CurriculumMatrix.MatrixPoint point : matrix.points()) {
				CurriculumMatrix.Cell cell = cells.get(MatrixReport.key(course.id(), point.point().id()));
				if (cell == null) {
					continue;
				}
				sheet.row().text(course.id()).text(course.name()).text(Bilingual.block(course.block()).zh())
					.text(point.point().id()).text(point.point().name())
					.text(Bilingual.pointKind(point.point().kind()).zh())
					.text(Bilingual.teachingLevel(cell.levelRank()).joined(), styles.level(cell.levelRank()))
					.integer(cell.levelRank()).number(cell.hours())
					.text(Bilingual.requiredLevel(point.requiredLevel()).joined());
				progress.advance(1);
			}
		}
		sheet.freeze(0, 1).filter(0, 10).finish();
	}

	private static Bilingual jobName(Job job) {
		return new Bilingual(job.name(), job.nameEn());
	}

	private static String label(String zh, String en) {
		return zh + "\n" + en;
	}
}
