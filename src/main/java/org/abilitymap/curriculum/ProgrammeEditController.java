package org.abilitymap.curriculum;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** GraphQL mutations that change one part of a programme, each saved as the programme's next version. */
@Controller
class ProgrammeEditController {

	private final ProgrammeEdits edits;

	private final CurriculumReadRepository curricula;

	ProgrammeEditController(ProgrammeEdits edits, CurriculumReadRepository curricula) {
		this.edits = edits;
		this.curricula = curricula;
	}

	/** The result of every programme edit: the programme after it, or the problems. */
	record EditProgrammePayload(ProgrammeSaveResult.Outcome outcome, Integer version, Programme programme,
			List<Problem> errors) {
	}

	@MutationMapping
	EditProgrammePayload saveCourse(@Argument Map<String, Object> input) {
		return apply(() -> edits.saveCourse(id(input), part(input, "course")));
	}

	@MutationMapping
	EditProgrammePayload removeCourse(@Argument Map<String, Object> input) {
		return apply(() -> edits.removeCourse(id(input), (String) input.get("courseId")));
	}

	@MutationMapping
	EditProgrammePayload setCourseTeaching(@Argument Map<String, Object> input) {
		return apply(() -> edits.setCourseTeaching(id(input), (String) input.get("courseId"), part(input, "teaching")));
	}

	@MutationMapping
	EditProgrammePayload saveTextbook(@Argument Map<String, Object> input) {
		return apply(() -> edits.saveTextbook(id(input), part(input, "textbook")));
	}

	@MutationMapping
	EditProgrammePayload saveCertificate(@Argument Map<String, Object> input) {
		return apply(() -> edits.saveCertificate(id(input), part(input, "certificate")));
	}

	@MutationMapping
	EditProgrammePayload saveTrainingBase(@Argument Map<String, Object> input) {
		return apply(() -> edits.saveTrainingBase(id(input), part(input, "trainingBase")));
	}

	private EditProgrammePayload apply(Supplier<ProgrammeSaveResult> edit) {
		try {
			ProgrammeSaveResult result = edit.get();
			return new EditProgrammePayload(result.outcome(), result.version(),
					curricula.programme(result.programmeId()).orElseThrow(), List.of());
		}
		catch (InvalidDocumentException ex) {
			return new EditProgrammePayload(null, null, null, ex.problems());
		}
	}

	private static String id(Map<String, Object> input) {
		return (String) input.get("programmeId");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> part(Map<String, Object> input, String field) {
		return new java.util.LinkedHashMap<>((Map<String, Object>) input.get(field));
	}
}
