package org.abilitymap.curriculum;

import org.abilitymap.accounts.Allowed;
import org.abilitymap.accounts.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.springframework.stereotype.Service;

/**
 * Changes one part of a programme (a course, a course's teaching of a point, a textbook, a certificate, a training
 * base) by editing the programme's current document and saving it again, so that every edit is validated, versioned
 * and idempotent exactly like a whole document.
 */
@Service
public class ProgrammeEdits {

	private final ProgrammeImport programmes;

	ProgrammeEdits(ProgrammeImport programmes) {
		this.programmes = programmes;
	}

	/** Adds a course, or replaces the course with the same id. */
	@Allowed(Operation.SAVE_PROGRAMME)
	public ProgrammeSaveResult saveCourse(String programmeId, Map<String, Object> course) {
		return edit(programmeId, document -> upsert(entries(document, "courses"), course));
	}

	/** Removes a course and every textbook's and training base's reference to it. */
	@Allowed(Operation.SAVE_PROGRAMME)
	public ProgrammeSaveResult removeCourse(String programmeId, String courseId) {
		return edit(programmeId, document -> {
			if (!entries(document, "courses").removeIf(c -> courseId.equals(c.get("id")))) {
				throw notFound("courseId", "course", courseId, programmeId);
			}
			for (String list : List.of("textbooks", "trainingBases")) {
				for (Map<String, Object> entry : entries(document, list)) {
					if (entry.get("courseIds") instanceof List<?> ids) {
						entry.put("courseIds", ids.stream().filter(id -> !courseId.equals(id)).toList());
					}
				}
			}
		});
	}

	/** Sets what a course teaches of one point: replaces the entry for that point or adds one. */
	@Allowed(Operation.SAVE_PROGRAMME)
	public ProgrammeSaveResult setCourseTeaching(String programmeId, String courseId, Map<String, Object> teaching) {
		return edit(programmeId, document -> {
			Map<String, Object> course = entries(document, "courses").stream()
				.filter(c -> courseId.equals(c.get("id")))
				.findFirst()
				.orElseThrow(() -> notFound("courseId", "course", courseId, programmeId));
			List<Map<String, Object>> teaches = entries(course, "teaches");
			Object pointId = teaching.get("pointId");
			teaches.removeIf(t -> pointId != null && pointId.equals(t.get("pointId")));
			teaches.add(teaching);
		});
	}

	/** Adds a textbook, or replaces the one with the same id. */
	@Allowed(Operation.SAVE_PROGRAMME)
	public ProgrammeSaveResult saveTextbook(String programmeId, Map<String, Object> textbook) {
		return edit(programmeId, document -> upsert(entries(document, "textbooks"), textbook));
	}

	/** Adds a certificate, or replaces the one with the same id. */
	@Allowed(Operation.SAVE_PROGRAMME)
	public ProgrammeSaveResult saveCertificate(String programmeId, Map<String, Object> certificate) {
		return edit(programmeId, document -> upsert(entries(document, "certificates"), certificate));
	}

	/** Adds a training base, or replaces the one with the same id. */
	@Allowed(Operation.SAVE_PROGRAMME)
	public ProgrammeSaveResult saveTrainingBase(String programmeId, Map<String, Object> base) {
		return edit(programmeId, document -> upsert(entries(document, "trainingBases"), base));
	}

	/** Applies the change to the programme's current document and saves it, in one transaction holding its lock. */
	private ProgrammeSaveResult edit(String programmeId, Consumer<Map<String, Object>> change) {
		return programmes.edit(programmeId, change);
	}

	/** The list of objects under {@code field}, created when absent, as a mutable list. */
	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> entries(Map<String, Object> parent, String field) {
		Object value = parent.get(field);
		List<Map<String, Object>> list = new ArrayList<>();
		if (value instanceof List<?> existing) {
			existing.forEach(e -> list.add((Map<String, Object>) e));
		}
		parent.put(field, list);
		return list;
	}

	private static void upsert(List<Map<String, Object>> entries, Map<String, Object> entry) {
		Object id = entry.get("id");
		for (int i = 0; i < entries.size(); i++) {
			if (id != null && id.equals(entries.get(i).get("id"))) {
				entries.set(i, entry);
				return;
			}
		}
		entries.add(entry);
	}

	private static InvalidDocumentException notFound(String path, String what, String id, String programmeId) {
		return new InvalidDocumentException(List.of(new Problem(path, ProblemCode.UNKNOWN_REFERENCE,
				"Programme '" + programmeId + "' has no " + what + " with id '" + id + "'.")));
	}
}
