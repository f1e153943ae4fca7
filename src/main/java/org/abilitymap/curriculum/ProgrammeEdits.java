package org.abilitymap.curriculum;

import org.abilitymap.accounts.Allowed;
import org.abilitymap.accounts.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.support.neo4j.Graph;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes one part of a programme (a course, a course's teaching of a point, a textbook, a certificate, a training
 * base) by editing the programme's current document and saving it again, so that every edit is validated, versioned
 * and idempotent exactly like a whole document.
 */
@Service
public class ProgrammeEdits {

	private static final String CURRENT_SOURCE = """
			MATCH (p:Programme {id: $id})-[:HAS_REVISION]->(r:ProgrammeRevision {version: p.version})
			RETURN r.source AS source
			""";

	private final Graph graph;

	private final ProgrammeImport programmes;

	private final JsonMapper json;

	ProgrammeEdits(Graph graph, ProgrammeImport programmes, JsonMapper json) {
		this.graph = graph;
		this.programmes = programmes;
		this.json = json;
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

	/**
	 * Loads the programme's current document, applies the change and saves the result as the next version.
	 *
	 * @throws InvalidDocumentException for an unknown programme, or with the problems of the edited document
	 */
	@SuppressWarnings("unchecked")
	private ProgrammeSaveResult edit(String programmeId, Consumer<Map<String, Object>> change) {
		String source = graph.queryOne(CURRENT_SOURCE, Map.of("id", programmeId), r -> r.get("source").asString(null))
			.orElseThrow(() -> new InvalidDocumentException(List.of(new Problem("programmeId",
					ProblemCode.UNKNOWN_REFERENCE, "There is no programme with id '" + programmeId + "'."))));
		if (source == null) {
			throw new InvalidDocumentException(List.of(new Problem("programmeId", ProblemCode.INVALID_VALUE,
					"Programme '" + programmeId + "' was saved before part-by-part edits existed; save its whole "
							+ "document once with saveProgramme.")));
		}
		Map<String, Object> document = json.readValue(source, LinkedHashMap.class);
		change.accept(document);
		return programmes.save(document);
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
