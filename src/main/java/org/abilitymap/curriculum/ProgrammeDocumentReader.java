package org.abilitymap.curriculum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abilitymap.curriculum.ProgrammeDocument.Assessment;
import org.abilitymap.curriculum.ProgrammeDocument.CertificateEntry;
import org.abilitymap.curriculum.ProgrammeDocument.CertificateType;
import org.abilitymap.curriculum.ProgrammeDocument.CourseBlock;
import org.abilitymap.curriculum.ProgrammeDocument.CourseEntry;
import org.abilitymap.curriculum.ProgrammeDocument.Editor;
import org.abilitymap.curriculum.ProgrammeDocument.EditorAffiliation;
import org.abilitymap.curriculum.ProgrammeDocument.ProgrammeEntry;
import org.abilitymap.curriculum.ProgrammeDocument.ProgrammeLevel;
import org.abilitymap.curriculum.ProgrammeDocument.SchoolEntry;
import org.abilitymap.curriculum.ProgrammeDocument.TeachingEntry;
import org.abilitymap.curriculum.ProgrammeDocument.TextbookEntry;
import org.abilitymap.curriculum.ProgrammeDocument.TextbookForm;
import org.abilitymap.curriculum.ProgrammeDocument.TrainingBaseEntry;
import org.abilitymap.curriculum.ProgrammeDocument.TrainingBaseKind;
import org.abilitymap.documents.DocumentObject;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.jobs.ProficiencyLevel;
import org.abilitymap.points.PointKind;
import org.abilitymap.points.PointNames;
import org.abilitymap.points.PointRequest;

/**
 * Turns a parsed programme document into a {@link ProgrammeDocument}, checking fields, types, ranges, ids unique in
 * the document and course references between its parts; references into the graph are checked on import. Every
 * problem is collected before the document is rejected.
 */
final class ProgrammeDocumentReader {

	private final List<Problem> problems = new ArrayList<>();

	/** Ids of courses, textbooks, certificates and training bases, each kind its own namespace. */
	private final Map<String, Map<String, String>> ids = new HashMap<>();

	private ProgrammeDocumentReader() {
	}

	/**
	 * A document as far as it could be read, with the problems found in it; when there are problems the document is
	 * partial (entries and fields may be missing or {@code null}), but its ids can still be checked against the graph
	 * so that those problems are reported too.
	 */
	record Checked(ProgrammeDocument document, List<Problem> problems) {
	}

	/**
	 * Reads and checks a document, collecting every problem; throws {@link InvalidDocumentException} only when the
	 * document is not a JSON object at all.
	 */
	static Checked check(Object document) {
		return new ProgrammeDocumentReader().readDocument(document);
	}

	private Checked readDocument(Object document) {
		DocumentObject root = DocumentObject.root(document, problems);
		if (root == null) {
			throw new InvalidDocumentException(problems);
		}
		root.rejectUnknownFields(Set.of("school", "programme", "courses", "textbooks", "certificates", "trainingBases"),
				Map.of("teaches", "'teaches' belongs inside a course: courses[i].teaches."));
		DocumentObject school = root.requiredObject("school");
		SchoolEntry schoolEntry = null;
		if (school != null) {
			school.rejectUnknownFields(Set.of("id", "name", "nameEn"), Map.of());
			schoolEntry = new SchoolEntry(school.requiredId("id"), school.requiredText("name"), school.optionalText("nameEn"));
		}
		ProgrammeEntry programme = readProgramme(root.requiredObject("programme"));
		List<CourseEntry> courses = new ArrayList<>();
		for (DocumentObject course : root.requiredList("courses")) {
			courses.add(readCourse(course));
		}
		Set<String> courseIds = new HashSet<>(ids.getOrDefault("course", Map.of()).keySet());
		List<TextbookEntry> textbooks = new ArrayList<>();
		for (DocumentObject textbook : root.optionalList("textbooks")) {
			textbooks.add(readTextbook(textbook, courseIds));
		}
		List<CertificateEntry> certificates = new ArrayList<>();
		for (DocumentObject certificate : root.optionalList("certificates")) {
			certificates.add(readCertificate(certificate));
		}
		List<TrainingBaseEntry> bases = new ArrayList<>();
		for (DocumentObject base : root.optionalList("trainingBases")) {
			bases.add(readTrainingBase(base, courseIds));
		}
		return new Checked(new ProgrammeDocument(schoolEntry, programme, courses, textbooks, certificates, bases),
				List.copyOf(problems));
	}

	private ProgrammeEntry readProgramme(DocumentObject programme) {
		if (programme == null) {
			return null;
		}
		programme.rejectUnknownFields(Set.of("id", "code", "name", "nameEn", "level", "groupId", "targetJobIds"),
				Map.of("courses", "'courses' belongs at the top of the document, beside 'programme'."));
		ProgrammeLevel level = programme.optionalEnum("level", ProgrammeLevel.class, null);
		if (!programme.has("level")) {
			programme.problem("level", ProblemCode.REQUIRED, "'level' is required: one of "
					+ List.of(ProgrammeLevel.values()) + ".");
		}
		String code = programme.requiredText("code");
		if (code != null && !code.matches("\\d{4,6}")) {
			programme.problem("code", ProblemCode.INVALID_VALUE,
					"'code' must be a national programme code of 4 to 6 digits, such as 460702, not '" + code + "'.");
		}
		return new ProgrammeEntry(programme.requiredId("id"), code, programme.requiredText("name"),
				programme.optionalText("nameEn"), level, programme.optionalId("groupId"),
				programme.optionalTextList("targetJobIds"));
	}

	private CourseEntry readCourse(DocumentObject course) {
		course.rejectUnknownFields(Set.of("id", "name", "nameEn", "block", "hours", "credits", "semester",
				"convertedFromProjectId", "teaches"), Map.of());
		String id = unique("course", course);
		CourseBlock block = course.optionalEnum("block", CourseBlock.class, null);
		if (!course.has("block")) {
			course.problem("block", ProblemCode.REQUIRED, "'block' is required: one of " + List.of(CourseBlock.values()) + ".");
		}
		List<TeachingEntry> teaches = new ArrayList<>();
		Set<String> listed = new HashSet<>();
		for (DocumentObject teaching : course.optionalList("teaches")) {
			teaching.rejectUnknownFields(Set.of("pointId", "kind", "name", "nameEn", "description", "level", "hours"),
					Map.of());
			PointRequest point = readPoint(teaching);
			TeachingLevel level = teaching.optionalEnum("level", TeachingLevel.class, null);
			if (!teaching.has("level")) {
				teaching.problem("level", ProblemCode.REQUIRED, "'level' is required: one of "
						+ List.of(TeachingLevel.values()) + ".");
			}
			if (point != null) {
				if (listedBefore(listed, point)) {
					problems.add(new Problem(teaching.path(), ProblemCode.DUPLICATE_ID,
							"This point is already listed in the same course's 'teaches'."));
				}
				teaches.add(new TeachingEntry(point, level, number(teaching, "hours")));
			}
		}
		return new CourseEntry(course.path(), id, course.requiredText("name"), course.optionalText("nameEn"), block,
				number(course, "hours"), number(course, "credits"), course.optionalInt("semester", 1, 12),
				course.optionalText("convertedFromProjectId"), teaches);
	}

	/**
	 * Whether a course's teaching entry names a point already listed in the same course: by the same id, or by a
	 * name equal after normalising; remembers both.
	 */
	private static boolean listedBefore(Set<String> listed, PointRequest point) {
		boolean before = false;
		if (point.id() != null) {
			before |= !listed.add("id:" + point.id());
		}
		if (point.name() != null) {
			before |= !listed.add(point.kind() + "|" + PointNames.key(point.name()));
		}
		return before;
	}

	/** A teaching entry's point: {@code pointId} of an existing point, or {@code kind} and {@code name}. */
	private PointRequest readPoint(DocumentObject teaching) {
		String pointId = teaching.optionalId("pointId");
		String name = teaching.optionalText("name");
		if (pointId != null && name == null) {
			return new PointRequest(teaching.path(), teaching.pathOf("pointId"), null, pointId, null, null, null);
		}
		if (name == null) {
			if (teaching.hasBlankText("name")) {
				teaching.problem("name", ProblemCode.EMPTY, "'name' must not be empty (it holds only white space or "
						+ "invisible characters).");
			}
			else if (!teaching.has("pointId")) {
				teaching.problem("pointId", ProblemCode.REQUIRED,
						"Give the 'pointId' of an existing point, or 'kind' and 'name' of a point to match or create.");
			}
			return null;
		}
		PointKind kind = teaching.optionalEnum("kind", PointKind.class, null);
		if (!teaching.has("kind")) {
			teaching.problem("kind", ProblemCode.REQUIRED, "'kind' (SKILL or KNOWLEDGE) is required with a 'name'.");
			return null;
		}
		return kind == null ? null
				: new PointRequest(teaching.path(), teaching.pathOf("pointId"), kind, pointId, name, teaching.optionalText("nameEn"),
						teaching.optionalText("description"));
	}

	private TextbookEntry readTextbook(DocumentObject textbook, Set<String> courseIds) {
		textbook.rejectUnknownFields(Set.of("id", "title", "form", "editionDate", "editors", "courseIds",
				"coversPointIds"), Map.of());
		String id = unique("textbook", textbook);
		TextbookForm form = textbook.optionalEnum("form", TextbookForm.class, null);
		if (!textbook.has("form")) {
			textbook.problem("form", ProblemCode.REQUIRED, "'form' is required: one of " + List.of(TextbookForm.values()) + ".");
		}
		List<Editor> editors = new ArrayList<>();
		for (DocumentObject editor : textbook.optionalList("editors")) {
			editor.rejectUnknownFields(Set.of("name", "affiliation", "organisation"), Map.of());
			editors.add(new Editor(editor.requiredText("name"),
					editor.optionalEnum("affiliation", EditorAffiliation.class, null), editor.optionalText("organisation")));
		}
		return new TextbookEntry(textbook.path(), id, textbook.requiredText("title"), form,
				textbook.optionalDate("editionDate"), editors, courseRefs(textbook, "courseIds", courseIds),
				pointRefs(textbook, "coversPointIds"));
	}

	private CertificateEntry readCertificate(DocumentObject certificate) {
		certificate.rejectUnknownFields(Set.of("id", "name", "nameEn", "type", "issuer", "level", "assesses",
				"qualifiesForJobIds"), Map.of());
		String id = unique("certificate", certificate);
		CertificateType type = certificate.optionalEnum("type", CertificateType.class, null);
		if (!certificate.has("type")) {
			certificate.problem("type", ProblemCode.REQUIRED, "'type' is required: one of "
					+ List.of(CertificateType.values()) + ".");
		}
		List<Assessment> assesses = new ArrayList<>();
		for (DocumentObject assessment : certificate.optionalList("assesses")) {
			assessment.rejectUnknownFields(Set.of("pointId", "level", "importance"), Map.of());
			String pointId = assessment.requiredId("pointId");
			ProficiencyLevel level = assessment.optionalEnum("level", ProficiencyLevel.class, ProficiencyLevel.PRACTISED);
			Integer importance = assessment.optionalInt("importance", 1, 5);
			if (pointId != null) {
				assesses.add(new Assessment(new PointRequest(assessment.path(), assessment.pathOf("pointId"), null,
						pointId, null, null, null), level, importance == null ? 3 : importance));
			}
		}
		return new CertificateEntry(certificate.path(), id, certificate.requiredText("name"),
				certificate.optionalText("nameEn"), type, certificate.optionalText("issuer"),
				certificate.optionalText("level"), assesses, certificate.optionalTextList("qualifiesForJobIds"));
	}

	private TrainingBaseEntry readTrainingBase(DocumentObject base, Set<String> courseIds) {
		base.rejectUnknownFields(Set.of("id", "name", "nameEn", "kind", "supportsPointIds", "courseIds"), Map.of());
		String id = unique("training base", base);
		TrainingBaseKind kind = base.optionalEnum("kind", TrainingBaseKind.class, null);
		if (!base.has("kind")) {
			base.problem("kind", ProblemCode.REQUIRED, "'kind' is required: one of " + List.of(TrainingBaseKind.values()) + ".");
		}
		return new TrainingBaseEntry(base.path(), id, base.requiredText("name"), base.optionalText("nameEn"), kind,
				pointRefs(base, "supportsPointIds"), courseRefs(base, "courseIds", courseIds));
	}

	private List<String> courseRefs(DocumentObject entry, String field, Set<String> courseIds) {
		List<String> refs = entry.optionalTextList(field);
		if (problemsUnder(entry.pathOf(field) + "[")) {
			return refs; // entries that are not texts were left out, so positions are not the document's
		}
		for (int i = 0; i < refs.size(); i++) {
			if (!courseIds.contains(refs.get(i))) {
				problems.add(new Problem(entry.pathOf(field) + "[" + i + "]", ProblemCode.UNKNOWN_REFERENCE,
						"There is no course with id '" + refs.get(i) + "' in this document's 'courses'."));
			}
		}
		return refs;
	}

	private List<PointRequest> pointRefs(DocumentObject entry, String field) {
		List<String> refs = entry.optionalTextList(field);
		List<PointRequest> points = new ArrayList<>();
		if (problemsUnder(entry.pathOf(field) + "[")) {
			return points; // entries that are not texts were left out, so positions are not the document's
		}
		for (int i = 0; i < refs.size(); i++) {
			String path = entry.pathOf(field) + "[" + i + "]";
			points.add(new PointRequest(path, path, null, refs.get(i), null, null, null));
		}
		return points;
	}

	private String unique(String kind, DocumentObject entry) {
		String id = entry.requiredId("id");
		if (id != null) {
			String first = ids.computeIfAbsent(kind, k -> new HashMap<>()).putIfAbsent(id, entry.path());
			if (first != null) {
				entry.problem("id", ProblemCode.DUPLICATE_ID, "The " + kind + " id '" + id + "' is already used at "
						+ first + ".");
			}
		}
		return id;
	}

	private boolean problemsUnder(String pathPrefix) {
		return problems.stream().anyMatch(p -> p.path().startsWith(pathPrefix));
	}

	private static Double number(DocumentObject entry, String field) {
		return entry.optionalNumber(field, 0, 10_000);
	}
}
