package org.abilitymap.curriculum;

import org.abilitymap.audit.AuditScope;
import org.abilitymap.accounts.Allowed;
import org.abilitymap.accounts.Operation;
import org.abilitymap.accounts.Rights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.abilitymap.curriculum.CurriculumRepository.StoredProgramme;
import org.abilitymap.curriculum.ProgrammeDocument.Assessment;
import org.abilitymap.curriculum.ProgrammeDocument.CertificateEntry;
import org.abilitymap.curriculum.ProgrammeDocument.CourseEntry;
import org.abilitymap.curriculum.ProgrammeDocument.Editor;
import org.abilitymap.curriculum.ProgrammeDocument.TeachingEntry;
import org.abilitymap.curriculum.ProgrammeDocument.TextbookEntry;
import org.abilitymap.curriculum.ProgrammeDocument.TrainingBaseEntry;
import org.abilitymap.documents.ContentHash;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.JsonDocuments;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.points.PointRequest;
import org.abilitymap.points.PointResolver;
import org.abilitymap.support.neo4j.ExistingIds;
import org.abilitymap.support.neo4j.Graph;
import org.abilitymap.support.neo4j.Rows;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saves programme documents: validates them completely, then replaces the programme's courses and links in one
 * transaction, idempotently (the same document changes nothing) and versioned (each change keeps the previous
 * document as a revision).
 */
@Service
public class ProgrammeImport {

	private final Graph graph;

	private final CurriculumRepository repository;

	private final JsonDocuments documents;

	private final PointResolver pointResolver;

	private final JsonMapper json;

	private final Rights rights;

	ProgrammeImport(Graph graph, CurriculumRepository repository, JsonDocuments documents, PointResolver pointResolver,
			JsonMapper json, Rights rights) {
		this.graph = graph;
		this.rights = rights;
		this.repository = repository;
		this.documents = documents;
		this.pointResolver = pointResolver;
		this.json = json;
	}

	/**
	 * Saves one parsed programme document. A {@code baseVersion} field at its top names the version the document was
	 * based on (0 for a programme not yet saved): when another version has been saved since, the document is refused
	 * with a {@link ProblemCode#CONFLICT} problem instead of undoing that version's changes.
	 *
	 * @throws InvalidDocumentException with every problem found; nothing is written then
	 */
	@Allowed(Operation.SAVE_PROGRAMME)
	public ProgrammeSaveResult save(Object rawDocument) {
		List<Problem> problems = new ArrayList<>();
		Integer baseVersion = baseVersion(rawDocument, problems);
		Object document = withoutBaseVersion(rawDocument);
		documents.checkEntryCount(document);
		ProgrammeDocumentReader.Checked checked = ProgrammeDocumentReader.check(document);
		problems.addAll(checked.problems());
		String source = json.writeValueAsString(document);
		return graph.write(tx -> write(tx, checked.document(), problems, source, baseVersion));
	}

	/**
	 * Changes the programme's current document and saves the result as its next version, all in one transaction that
	 * first takes the programme's lock: concurrent edits of one programme run one after the other, each on the
	 * document the previous one saved, so that none is lost. The driver may run the transaction again after a
	 * transient failure (a deadlock), which reads the document again; {@code change} must only change the document
	 * it is given.
	 *
	 * @throws InvalidDocumentException for an unknown programme, or with the problems of the edited document
	 */
	@Allowed(Operation.SAVE_PROGRAMME)
	@SuppressWarnings("unchecked")
	public ProgrammeSaveResult edit(String programmeId, Consumer<Map<String, Object>> change) {
		return graph.write(tx -> {
			if (!repository.lockForEdit(tx, programmeId)) {
				throw new InvalidDocumentException(List.of(new Problem("programmeId", ProblemCode.UNKNOWN_REFERENCE,
						"There is no programme with id '" + programmeId + "'.")));
			}
			String current = repository.currentSource(tx, programmeId);
			if (current == null) {
				throw new InvalidDocumentException(List.of(new Problem("programmeId", ProblemCode.INVALID_VALUE,
						"Programme '" + programmeId + "' was saved before part-by-part edits existed; save its whole "
								+ "document once with saveProgramme.")));
			}
			Map<String, Object> document = json.readValue(current, LinkedHashMap.class);
			change.accept(document);
			documents.checkEntryCount(document);
			ProgrammeDocumentReader.Checked checked = ProgrammeDocumentReader.check(document);
			return write(tx, checked.document(), checked.problems(), json.writeValueAsString(document), null);
		});
	}

	/** The document's {@code baseVersion}, or {@code null} when it has none (or a wrong one, added to problems). */
	private static Integer baseVersion(Object rawDocument, List<Problem> problems) {
		if (!(rawDocument instanceof Map<?, ?> map) || map.get("baseVersion") == null) {
			return null;
		}
		Object value = map.get("baseVersion");
		if (!(value instanceof Number number)) {
			problems.add(new Problem("baseVersion", ProblemCode.WRONG_TYPE,
					"baseVersion must be a whole number, the version the document was based on."));
			return null;
		}
		double versionNumber = number.doubleValue();
		if (versionNumber != Math.rint(versionNumber) || versionNumber < 0 || versionNumber > Integer.MAX_VALUE) {
			problems.add(new Problem("baseVersion", ProblemCode.INVALID_VALUE,
					"baseVersion must be 0 (a new programme) or the version the document was based on."));
			return null;
		}
		return (int) versionNumber;
	}

	/** The document as stored and hashed: {@code baseVersion} belongs to the request, not to the programme. */
	private static Object withoutBaseVersion(Object rawDocument) {
		if (rawDocument instanceof Map<?, ?> map && map.containsKey("baseVersion")) {
			Map<Object, Object> copy = new LinkedHashMap<>(map);
			copy.remove("baseVersion");
			return copy;
		}
		return rawDocument;
	}

	/**
	 * Checks the document's references against the graph, adding those problems to the ones already found in the
	 * document (so that all are reported at once), and writes the document only when there are none. A document with
	 * problems may be partial: every check here tolerates missing entries and {@code null} fields.
	 */
	private ProgrammeSaveResult write(TransactionContext tx, ProgrammeDocument document, List<Problem> documentProblems,
			String source, Integer baseVersion) {
		if (document.school() != null && document.school().id() != null) {
			rights.require(tx, Operation.SAVE_PROGRAMME, document.school().id());
		}
		List<Problem> problems = new ArrayList<>(documentProblems);
		List<PointRequest> points = pointRequests(document);
		for (Problem problem : pointResolver.checkReferences(tx, points)) {
			if (problems.stream().noneMatch(p -> p.path().equals(problem.path()))) {
				problems.add(problem); // not when the reader has already reported that id
			}
		}
		var programme = document.programme();
		if (programme != null) {
			checkProgramme(tx, problems, programme, document.school());
		}
		for (int c = 0; c < document.certificates().size(); c++) {
			checkJobs(tx, problems, "certificates[" + c + "].qualifiesForJobIds",
					document.certificates().get(c).qualifiesForJobIds());
		}
		checkCourses(tx, problems, programme == null ? null : programme.id(), document.courses());
		if (!problems.isEmpty()) {
			throw new InvalidDocumentException(problems);
		}
		String canonical = json.writeValueAsString(document);
		String contentHash = ContentHash.of(canonical);

		StoredProgramme stored = repository.lockProgramme(tx, Rows.of("id", programme.id(), "schoolId",
				document.school().id(), "schoolName", document.school().name(), "schoolNameEn", document.school().nameEn()));
		if (stored.schoolId() != null && !stored.schoolId().equals(document.school().id())) {
			// checked above already; this repeats it under the lock, for a save of the same id running meanwhile
			throw new InvalidDocumentException(List.of(otherSchool(programme.id(), stored.schoolId(),
					document.school().id())));
		}
		AuditScope.touched(programme.id(), document.school().id());
		if (contentHash.equals(stored.contentHash())) {
			// the same document again (a retried request, say) changes nothing, whatever version it was based on
			AuditScope.document(contentHash, stored.version());
			return new ProgrammeSaveResult(ProgrammeSaveResult.Outcome.UNCHANGED, programme.id(), stored.version(),
					document.courses().size(), List.of(), List.of(), List.of());
		}
		if (baseVersion != null && baseVersion != stored.version()) {
			throw new InvalidDocumentException(List.of(new Problem("baseVersion", ProblemCode.CONFLICT,
					"The document is based on version " + baseVersion + " of programme '" + programme.id()
							+ "', but its current version is " + stored.version() + "; apply the changes to version "
							+ stored.version() + " and save again.")));
		}
		int version = stored.version() + 1;
		AuditScope.document(contentHash, version);
		var resolution = pointResolver.resolve(tx, points, document.school().id(), programme.id() + ":v" + version);
		repository.replaceProgramme(tx,
				Rows.of("id", programme.id(), "schoolId", document.school().id(), "code", programme.code(), "name",
						programme.name(), "nameEn", programme.nameEn(), "level", programme.level().name(), "groupId",
						programme.groupId(), "targetJobIds", programme.targetJobIds(), "version", version,
						"contentHash", contentHash, "document", canonical, "source", source),
				courseRows(document), teachingRows(document, resolution), textbookRows(document, resolution),
				certificateRows(document, resolution), trainingBaseRows(document, resolution));
		return new ProgrammeSaveResult(version == 1 ? ProgrammeSaveResult.Outcome.CREATED
				: ProgrammeSaveResult.Outcome.NEW_VERSION, programme.id(), version, document.courses().size(),
				resolution.matched(), resolution.created(), resolution.warnings());
	}

	/** The programme's group and target jobs exist, and an existing programme of that id is this school's. */
	private void checkProgramme(TransactionContext tx, List<Problem> problems, ProgrammeDocument.ProgrammeEntry programme,
			ProgrammeDocument.SchoolEntry school) {
		if (programme.groupId() != null
				&& ExistingIds.among(tx, "ProgrammeGroup", List.of(programme.groupId())).isEmpty()) {
			problems.add(new Problem("programme.groupId", ProblemCode.UNKNOWN_REFERENCE, "There is no programme group "
					+ "with id '" + programme.groupId() + "'. Add it with the education catalogue first."));
		}
		checkJobs(tx, problems, "programme.targetJobIds", programme.targetJobIds());
		String owner = programme.id() == null ? null : repository.schoolOfProgramme(tx, programme.id());
		if (owner != null && school != null && school.id() != null && !owner.equals(school.id())) {
			problems.add(otherSchool(programme.id(), owner, school.id()));
		}
	}

	/** Courses were converted from existing work projects, and their ids belong to no other programme. */
	private void checkCourses(TransactionContext tx, List<Problem> problems, String programmeId,
			List<CourseEntry> courses) {
		List<String> projectIds = courses.stream().map(CourseEntry::convertedFromProjectId)
			.filter(java.util.Objects::nonNull).toList();
		Set<String> projects = ExistingIds.among(tx, "WorkProject", projectIds);
		List<String> courseIds = courses.stream().map(CourseEntry::id).filter(java.util.Objects::nonNull).toList();
		Map<String, String> foreignCourses = programmeId == null ? Map.of()
				: repository.coursesOfOtherProgrammes(tx, programmeId, courseIds);
		for (CourseEntry course : courses) {
			if (course.convertedFromProjectId() != null && !projects.contains(course.convertedFromProjectId())) {
				problems.add(new Problem(course.path() + ".convertedFromProjectId", ProblemCode.UNKNOWN_REFERENCE,
						"There is no enterprise work project with id '" + course.convertedFromProjectId() + "'."));
			}
			if (course.id() != null && foreignCourses.containsKey(course.id())) {
				problems.add(new Problem(course.path() + ".id", ProblemCode.DUPLICATE_ID, "The course id '" + course.id()
						+ "' already belongs to programme '" + foreignCourses.get(course.id()) + "'."));
			}
		}
	}

	private static Problem otherSchool(String programmeId, String owner, String schoolId) {
		return new Problem("programme.id", ProblemCode.DUPLICATE_ID, "The programme '" + programmeId
				+ "' belongs to school '" + owner + "', not '" + schoolId + "'.");
	}

	private static void checkJobs(TransactionContext tx, List<Problem> problems, String path, List<String> jobIds) {
		if (problems.stream().anyMatch(p -> p.path().startsWith(path + "["))) {
			return; // entries that are not texts were left out of jobIds, so its positions are not the document's
		}
		Set<String> existing = ExistingIds.among(tx, "Job", jobIds);
		for (int i = 0; i < jobIds.size(); i++) {
			if (!existing.contains(jobIds.get(i))) {
				problems.add(new Problem(path + "[" + i + "]", ProblemCode.UNKNOWN_REFERENCE,
						"There is no job with id '" + jobIds.get(i) + "'."));
			}
		}
	}

	/** Every point reference of the document, in document order. */
	private static List<PointRequest> pointRequests(ProgrammeDocument document) {
		List<PointRequest> points = new ArrayList<>();
		document.courses().forEach(c -> c.teaches().forEach(t -> points.add(t.point())));
		document.textbooks().forEach(t -> points.addAll(t.covers()));
		document.certificates().forEach(c -> c.assesses().forEach(a -> points.add(a.point())));
		document.trainingBases().forEach(b -> points.addAll(b.supports()));
		return points;
	}

	private static List<Map<String, Object>> courseRows(ProgrammeDocument document) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < document.courses().size(); i++) {
			CourseEntry c = document.courses().get(i);
			rows.add(Rows.of("id", c.id(), "name", c.name(), "nameEn", c.nameEn(), "block", c.block().name(), "hours",
					c.hours(), "credits", c.credits(), "semester", c.semester(), "position", i,
					"convertedFromProjectId", c.convertedFromProjectId()));
		}
		return rows;
	}

	private static List<Map<String, Object>> teachingRows(ProgrammeDocument document, PointResolver.Resolution points) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (CourseEntry course : document.courses()) {
			for (int i = 0; i < course.teaches().size(); i++) {
				TeachingEntry t = course.teaches().get(i);
				rows.add(Rows.of("courseId", course.id(), "pointId", points.idAt(t.point().path()), "level",
						t.level().rank(), "hours", t.hours(), "position", i));
			}
		}
		return rows;
	}

	private static List<Map<String, Object>> textbookRows(ProgrammeDocument document, PointResolver.Resolution points) {
		return document.textbooks().stream().map((TextbookEntry t) -> Rows.of("id", t.id(), "title", t.title(), "form",
				t.form().name(), "editionDate", t.editionDate() == null ? null : t.editionDate().toString(),
				"editorNames", t.editors().stream().map(Editor::name).toList(),
				"editorAffiliations", t.editors().stream().map(e -> e.affiliation() == null ? "" : e.affiliation().name()).toList(),
				"editorOrganisations", t.editors().stream().map(e -> e.organisation() == null ? "" : e.organisation()).toList(),
				"courseIds", t.courseIds(), "pointIds", t.covers().stream().map(p -> points.idAt(p.path())).toList()))
			.toList();
	}

	private static List<Map<String, Object>> certificateRows(ProgrammeDocument document,
			PointResolver.Resolution points) {
		return document.certificates().stream().map((CertificateEntry c) -> Rows.of("id", c.id(), "name", c.name(),
				"nameEn", c.nameEn(), "type", c.type().name(), "issuer", c.issuer(), "level", c.level(), "jobIds",
				c.qualifiesForJobIds(), "assesses", c.assesses().stream().map((Assessment a) -> Rows.of("pointId",
						points.idAt(a.point().path()), "level", a.level().rank(), "importance", a.importance())).toList()))
			.toList();
	}

	private static List<Map<String, Object>> trainingBaseRows(ProgrammeDocument document,
			PointResolver.Resolution points) {
		return document.trainingBases().stream().map((TrainingBaseEntry b) -> Rows.of("id", b.id(), "name", b.name(),
				"nameEn", b.nameEn(), "kind", b.kind().name(), "courseIds", b.courseIds(), "pointIds",
				b.supports().stream().map(p -> points.idAt(p.path())).toList()))
			.toList();
	}
}
