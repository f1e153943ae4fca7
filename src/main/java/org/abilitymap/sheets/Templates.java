package org.abilitymap.sheets;

import java.util.List;

import org.abilitymap.curriculum.ProgrammeDocument.CertificateType;
import org.abilitymap.curriculum.ProgrammeDocument.CourseBlock;
import org.abilitymap.curriculum.ProgrammeDocument.EditorAffiliation;
import org.abilitymap.curriculum.ProgrammeDocument.ProgrammeLevel;
import org.abilitymap.curriculum.ProgrammeDocument.TextbookForm;
import org.abilitymap.curriculum.ProgrammeDocument.TrainingBaseKind;
import org.abilitymap.curriculum.TeachingLevel;
import org.abilitymap.jobs.ProficiencyLevel;
import org.abilitymap.jobs.WorkTaskDocument.Frequency;
import org.abilitymap.points.PointKind;

import static org.abilitymap.sheets.Column.choice;
import static org.abilitymap.sheets.Column.date;
import static org.abilitymap.sheets.Column.integer;
import static org.abilitymap.sheets.Column.list;
import static org.abilitymap.sheets.Column.number;
import static org.abilitymap.sheets.Column.text;

/** The two spreadsheet templates, work-task submission and programme, column by column. */
final class Templates {

	private static final List<String> PROFICIENCY = List.of("了解", "熟练", "掌握");

	static final SheetLayout WORK_TASKS_SHEET = new SheetLayout("工作任务 WorkTasks",
			"每行一条路径：项目 → 任务 → 流程 → 技能点 → 知识点。One row per path project → task → step → skill → knowledge.",
			List.of(
					text("enterpriseId", "企业编号", "Enterprise id (letters, digits, - _ . :); on the first row at least",
							"ent-jac").asRequired(),
					text("enterpriseName", "企业名称", "Enterprise name", "某汽车集团有限公司").asRequired(),
					text("enterpriseNameEn", "企业英文名", "Enterprise name in English (optional)", "An automobile group"),
					text("jobId", "岗位编号", "Id of a job in the job catalogue", "nev-battery-assembler").asRequired(),
					date("shadowingStartDate", "跟岗开始日期", "Job shadowing start date, 2026-03-02", "2026-03-02"),
					date("shadowingEndDate", "跟岗结束日期", "Job shadowing end date, not before the start", "2026-03-13"),
					list("shadowingObservers", "跟岗观察人", "Observers, separated by ; or 、", "王磊；李娜"),
					text("shadowingMethod", "跟岗方法", "How the tasks were found", "跟岗观察 + 访谈"),
					text("shadowingNotes", "跟岗备注", "Notes"),
					text("projectId", "项目编号", "Optional id, unique in the document", "battery-line"),
					text("projectName", "项目名称", "Project (项目); blank = the project of the row above",
							"动力电池包装配线调试").asRequired(),
					text("projectNameEn", "项目英文名", "Project name in English", "Battery pack line commissioning"),
					text("projectDescription", "项目描述", "Project description"),
					text("taskId", "任务编号", "Optional id, unique in the document"),
					text("taskName", "任务名称", "Task (任务); blank = the task of the row above", "高压连接器安装与紧固")
						.asRequired(),
					text("taskNameEn", "任务英文名", "Task name in English", "Install and torque HV connectors"),
					text("taskDescription", "任务描述", "Task description"),
					choice("frequency", "频次", Frequency.values(),
							List.of("每天", "每周", "每月", "每季度", "每年", "偶尔"), "How often the task is done", "DAILY"),
					integer("importance", "重要度", 1, 5, "Importance, a whole number 1–5", "5"),
					integer("difficulty", "难度", 1, 5, "Difficulty, a whole number 1–5", "4"),
					text("stepId", "流程编号", "Optional id, unique in the document"),
					text("stepName", "流程名称", "Process step (流程); blank = the step of the row above",
							"上电前检测绝缘电阻").asRequired(),
					text("stepNameEn", "流程英文名", "Step name in English", "Verify insulation resistance before power-up"),
					text("stepDescription", "流程描述", "Step description"),
					text("skillId", "技能点编号", "Id of an existing skill point, or of a new one (optional)",
							"sk-insulation-test"),
					text("skillName", "技能点名称", "Skill point (技能点); blank = the skill of the row above",
							"使用绝缘测试仪检测高压回路").asRequired(),
					text("skillNameEn", "技能点英文名", "Skill name in English", "Use an insulation tester on HV circuits"),
					text("skillDescription", "技能点描述", "Skill description"),
					choice("skillLevel", "技能等级", ProficiencyLevel.values(), PROFICIENCY,
							"Level the step requires; blank = PRACTISED", "MASTERED"),
					text("knowledgeId", "知识点编号", "Id of an existing knowledge point, or of a new one (optional)"),
					text("knowledgeName", "知识点名称", "Knowledge point (知识点), one per row", "动力电池绝缘电阻限值",
							"高压安全防护规范"),
					text("knowledgeNameEn", "知识点英文名", "Knowledge name in English",
							"Insulation resistance limits for traction batteries", "HV safety rules"),
					text("knowledgeDescription", "知识点描述", "Knowledge description")));

	static final Template WORK_TASKS = new Template("abilitymap-work-tasks-template.xlsx", "企业工作任务提交模板 Work-task submission template",
			List.of(
					"在“工作任务 WorkTasks”表中每行填写一条路径：项目 → 任务 → 流程 → 技能点 → 知识点（知识点可空）。",
					"Fill one row per path project → task → step → skill point → knowledge point (optional) on the sheet 'WorkTasks'.",
					"第 1 行为中文列名，第 2 行为英文列名，请勿修改；数据从第 3 行开始。Row 1 holds Chinese headers, row 2 English ones; data starts on row 3.",
					"企业、岗位和跟岗信息至少写在第一行，其余行可留空（若填写须一致）。Enterprise, job and shadowing go on the first row at least; other rows may leave them blank or repeat them.",
					"某一层的单元格全空表示沿用上一行的该层（同一任务下的多个技能点只写一次任务）。A level left blank continues the one of the row above.",
					"名称（或编号）相同的行属于同一个项目 / 任务 / 流程 / 技能点；其值须一致。Rows with the same name (or id) belong to the same node; their values must agree.",
					"频次、技能等级从下拉列表选择代码；也可填中文（如“每天”“掌握”）。Choose codes from the drop-down lists; the Chinese labels are accepted too.",
					"上传：网页“提交工作任务”、POST /api/submissions，或命令行 import 文件.xlsx；也可另存为 CSV（UTF-8）。",
					"Upload on the page 'Submit work tasks', with POST /api/submissions, or 'import FILE.xlsx'; the sheet may also be saved as CSV (UTF-8).",
					"有任何问题时不写入任何内容，所有问题按“表、行、列”一次列出；同一文件重复上传不产生变化。Any problem writes nothing; every problem is listed by sheet, row and column; the same file twice changes nothing."),
			List.of(WORK_TASKS_SHEET));

	static final SheetLayout PROGRAMME_SHEET = new SheetLayout("专业 Programme", "学校与专业（只填一行）。The school and the programme, on one row.",
			List.of(
					text("schoolId", "学校编号", "School id", "sch-hf-vtc").asRequired(),
					text("schoolName", "学校名称", "School name", "合肥某职业技术学院").asRequired(),
					text("schoolNameEn", "学校英文名", "School name in English", "A Hefei vocational college"),
					text("programmeId", "专业编号", "Programme id", "prg-hf-vtc-460702").asRequired(),
					text("code", "专业代码", "National programme code, 4–6 digits", "460702").asRequired(),
					text("programmeName", "专业名称", "Programme name", "新能源汽车技术").asRequired(),
					text("programmeNameEn", "专业英文名", "Programme name in English", "New energy vehicle technology"),
					choice("level", "办学层次", ProgrammeLevel.values(), List.of("中职", "高职专科", "高职本科"),
							"Level of the programme", "HIGHER_VOCATIONAL").asRequired(),
					text("groupId", "专业群编号", "Programme group id (optional)", "pg-hf-vtc-nev"),
					list("targetJobIds", "面向岗位编号", "Target job ids, separated by ;",
							"nev-battery-assembler; nev-ev-maintenance")));

	static final SheetLayout COURSES_SHEET = new SheetLayout("课程 Courses", "每行一门课程。One course per row.",
			List.of(
					text("id", "课程编号", "Course id, unique in the programme", "c-hv-safety").asRequired(),
					text("name", "课程名称", "Course name", "新能源汽车高压安全与防护").asRequired(),
					text("nameEn", "课程英文名", "Course name in English", "HV safety for NEVs"),
					choice("block", "课程模块", CourseBlock.values(), List.of("公共基础", "专业核心", "产业特色", "实践实训"),
							"Course block", "PROFESSIONAL_CORE").asRequired(),
					number("hours", "学时", "Hours, a number ≥ 0", "64"),
					number("credits", "学分", "Credits, a number ≥ 0", "4"),
					integer("semester", "学期", 1, 12, "Semester, 1–12", "3"),
					text("convertedFromProjectId", "转化自企业项目", "Id of the enterprise work project the course comes from",
							"sub:ent-hf-battery:nev-battery-assembler:v1/id:pack-line")));

	static final SheetLayout TEACHING_SHEET = new SheetLayout("课程教学点 Teaching",
			"课程讲授的技能点、知识点，每行一个。The points a course teaches, one per row.",
			List.of(
					text("courseId", "课程编号", "A course id of the sheet 'Courses'", "c-hv-safety", "c-hv-safety")
						.asRequired(),
					text("pointId", "点编号", "Id of an existing point; or give kind and name", "sk-insulation-resistance-test",
							"").asRequired(),
					choice("kind", "点类型", PointKind.values(), List.of("技能点", "知识点"), "SKILL or KNOWLEDGE, with a name",
							"", "KNOWLEDGE"),
					text("name", "点名称", "Name of a point to match or create", "", "动力电池绝缘电阻限值"),
					text("nameEn", "点英文名", "Name in English"),
					text("description", "点描述", "Description"),
					choice("level", "教学层次", TeachingLevel.values(), List.of("了解", "理解/熟练", "掌握"), "Teaching level",
							"MASTERED", "REINFORCED").asRequired(),
					number("hours", "学时", "Hours spent on the point", "8", "2")));

	static final SheetLayout TEXTBOOKS_SHEET = new SheetLayout("教材 Textbooks", "教材，每行一本。One textbook per row.",
			List.of(
					text("id", "教材编号", "Textbook id", "tb-hv-safety").asRequired(),
					text("title", "书名", "Title", "新能源汽车高压安全（活页式）").asRequired(),
					choice("form", "教材形态", TextbookForm.values(), List.of("活页式", "工作手册式", "数字教材", "纸质教材"),
							"Form", "LOOSE_LEAF").asRequired(),
					date("editionDate", "出版日期", "Edition date, 2025-09-01", "2025-09-01"),
					list("courseIds", "对应课程编号", "Course ids of this programme, separated by ;", "c-hv-safety"),
					list("coversPointIds", "覆盖点编号", "Point ids the textbook covers, separated by ;",
							"sk-insulation-resistance-test")));

	static final SheetLayout EDITORS_SHEET = new SheetLayout("教材编者 Editors", "教材编者，每行一人。Textbook editors, one per row.",
			List.of(
					text("textbookId", "教材编号", "A textbook id of the sheet 'Textbooks'", "tb-hv-safety", "tb-hv-safety")
						.asRequired(),
					text("name", "姓名", "Editor's name", "张伟", "李红").asRequired(),
					choice("affiliation", "来源", EditorAffiliation.values(), List.of("企业", "院校", "行业"),
							"Where the editor comes from", "ENTERPRISE", "COLLEGE"),
					text("organisation", "单位", "Organisation", "合肥某动力电池科技有限公司", "合肥某职业技术学院")));

	static final SheetLayout CERTIFICATES_SHEET = new SheetLayout("证书 Certificates", "证书，每行一个。One certificate per row.",
			List.of(
					text("id", "证书编号", "Certificate id", "cert-1x-nev-hv").asRequired(),
					text("name", "证书名称", "Certificate name", "新能源汽车动力电池及电控系统检测（1+X 中级）").asRequired(),
					text("nameEn", "证书英文名", "Name in English"),
					choice("type", "证书类型", CertificateType.values(), List.of("1+X职业技能等级证书", "职业资格证书", "行业证书"),
							"Certificate type", "VOCATIONAL_SKILL_LEVEL").asRequired(),
					text("issuer", "颁发机构", "Issuer", "某职业教育培训评价组织"),
					text("level", "证书等级", "Level as written on the certificate", "中级"),
					list("qualifiesForJobIds", "对应岗位编号", "Job ids it qualifies for, separated by ;",
							"nev-ev-maintenance")));

	static final SheetLayout ASSESSMENTS_SHEET = new SheetLayout("证书考核点 Assessments",
			"证书考核的点，每行一个。The points a certificate assesses, one per row.",
			List.of(
					text("certificateId", "证书编号", "A certificate id of the sheet 'Certificates'", "cert-1x-nev-hv")
						.asRequired(),
					text("pointId", "点编号", "Id of an existing point", "sk-insulation-resistance-test").asRequired(),
					choice("level", "考核等级", ProficiencyLevel.values(), PROFICIENCY, "Level; blank = PRACTISED",
							"PRACTISED"),
					integer("importance", "重要度", 1, 5, "Importance 1–5; blank = 3", "")));

	static final SheetLayout TRAINING_BASES_SHEET = new SheetLayout("实训基地 TrainingBases",
			"实训基地，每行一个。One training base per row.",
			List.of(
					text("id", "基地编号", "Training base id", "tb-base-nev-twin").asRequired(),
					text("name", "基地名称", "Name", "新能源汽车数字孪生实训中心").asRequired(),
					text("nameEn", "基地英文名", "Name in English"),
					choice("kind", "基地类型", TrainingBaseKind.values(), List.of("实体", "虚拟仿真", "数字孪生"), "Kind",
							"DIGITAL_TWIN").asRequired(),
					list("supportsPointIds", "支撑点编号", "Point ids it supports, separated by ;",
							"sk-insulation-resistance-test"),
					list("courseIds", "对应课程编号", "Course ids of this programme, separated by ;", "c-hv-safety")));

	static final Template PROGRAMME = new Template("abilitymap-programme-template.xlsx", "专业人才培养方案模板 Programme template",
			List.of(
					"一个工作簿为一个专业：专业、课程、课程教学点、教材、教材编者、证书、证书考核点、实训基地各占一表。",
					"One workbook is one programme: the sheets Programme, Courses, Teaching, Textbooks, Editors, Certificates, Assessments and TrainingBases.",
					"第 1 行为中文列名，第 2 行为英文列名，请勿修改；数据从第 3 行开始。Row 1 holds Chinese headers, row 2 English ones; data starts on row 3.",
					"“专业 Programme”表只填一行。课程教学点、教材编者、证书考核点通过编号指向课程、教材、证书。The Programme sheet has one row; Teaching, Editors and Assessments rows point at courses, textbooks and certificates by id.",
					"多个编号用分号分隔（如 a; b）。Several ids in one cell are separated by ';'.",
					"模块、层次、类型等从下拉列表选择代码；也可填中文。Choose codes from the drop-down lists; the Chinese labels are accepted too.",
					"上传：POST /api/programmes（multipart 文件或 xlsx 正文），或命令行 import 文件.xlsx。Upload with POST /api/programmes or 'import FILE.xlsx'.",
					"有任何问题时不写入任何内容，所有问题按“表、行、列”一次列出；同一文件重复上传不产生变化。Any problem writes nothing; every problem is listed by sheet, row and column; the same file twice changes nothing."),
			List.of(PROGRAMME_SHEET, COURSES_SHEET, TEACHING_SHEET, TEXTBOOKS_SHEET, EDITORS_SHEET, CERTIFICATES_SHEET,
					ASSESSMENTS_SHEET, TRAINING_BASES_SHEET));

	private Templates() {
	}
}
