package org.abilitymap.curriculum;

import java.time.LocalDate;
import java.util.List;

import org.abilitymap.jobs.ProficiencyLevel;
import org.abilitymap.points.PointRequest;

/**
 * A validated programme document: one school's programme (专业) with its courses and the points they teach, and the
 * textbooks, certificates and training bases that serve it.
 */
public record ProgrammeDocument(SchoolEntry school, ProgrammeEntry programme, List<CourseEntry> courses,
		List<TextbookEntry> textbooks, List<CertificateEntry> certificates, List<TrainingBaseEntry> trainingBases) {

	/** The school offering the programme; upserted. */
	public record SchoolEntry(String id, String name, String nameEn) {
	}

	/** The programme itself and the jobs it claims to serve (职业面向). */
	public record ProgrammeEntry(String id, String code, String name, String nameEn, ProgrammeLevel level,
			String groupId, List<String> targetJobIds) {
	}

	/** A course (课程) in one of the four blocks. */
	public record CourseEntry(String path, String id, String name, String nameEn, CourseBlock block, Double hours,
			Double credits, Integer semester, String convertedFromProjectId, List<TeachingEntry> teaches) {
	}

	/** A point a course teaches, at a level, for some hours. */
	public record TeachingEntry(PointRequest point, TeachingLevel level, Double hours) {
	}

	/** A textbook (教材) used in courses and covering points. */
	public record TextbookEntry(String path, String id, String title, TextbookForm form, LocalDate editionDate,
			List<Editor> editors, List<String> courseIds, List<PointRequest> covers) {
	}

	/** One editor of a textbook and where they come from. */
	public record Editor(String name, EditorAffiliation affiliation, String organisation) {
	}

	/** A certificate (证书) assessing points and qualifying for jobs. */
	public record CertificateEntry(String path, String id, String name, String nameEn, CertificateType type,
			String issuer, String level, List<Assessment> assesses, List<String> qualifiesForJobIds) {
	}

	/** A point a certificate assesses, at a job level, with an importance for weighted coverage. */
	public record Assessment(PointRequest point, ProficiencyLevel level, int importance) {
	}

	/** A training base (实训基地) supporting practice of points in courses. */
	public record TrainingBaseEntry(String path, String id, String name, String nameEn, TrainingBaseKind kind,
			List<PointRequest> supports, List<String> courseIds) {
	}

	/** Levels of vocational programmes. */
	public enum ProgrammeLevel {
		/** 中职. */
		SECONDARY,
		/** 高职专科. */
		HIGHER_VOCATIONAL,
		/** 高职本科. */
		UNDERGRADUATE_VOCATIONAL
	}

	/** The four course blocks (四位一体). */
	public enum CourseBlock {
		/** 公共基础. */
		PUBLIC_FOUNDATION,
		/** 专业核心. */
		PROFESSIONAL_CORE,
		/** 产业特色. */
		INDUSTRY_FEATURE,
		/** 实践实训. */
		PRACTICE_TRAINING
	}

	/** New and old textbook forms. */
	public enum TextbookForm {
		/** 活页式. */
		LOOSE_LEAF,
		/** 工作手册式. */
		WORKBOOK,
		/** 数字教材. */
		DIGITAL,
		/** Printed in the usual way. */
		PRINTED
	}

	/** Where a textbook editor comes from. */
	public enum EditorAffiliation {
		ENTERPRISE, COLLEGE, INDUSTRY
	}

	/** Kinds of certificate. */
	public enum CertificateType {
		/** 职业技能等级证书 (1+X). */
		VOCATIONAL_SKILL_LEVEL,
		/** 职业资格证书. */
		QUALIFICATION,
		/** Industry certifications. */
		INDUSTRY
	}

	/** Kinds of training base. */
	public enum TrainingBaseKind {
		REAL, VIRTUAL_SIMULATION, DIGITAL_TWIN
	}
}
