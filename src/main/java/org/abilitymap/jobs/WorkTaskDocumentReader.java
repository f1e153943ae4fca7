package org.abilitymap.jobs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abilitymap.documents.DocumentObject;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.jobs.WorkTaskDocument.EnterpriseEntry;
import org.abilitymap.jobs.WorkTaskDocument.Frequency;
import org.abilitymap.jobs.WorkTaskDocument.ProjectEntry;
import org.abilitymap.jobs.WorkTaskDocument.Shadowing;
import org.abilitymap.jobs.WorkTaskDocument.SkillEntry;
import org.abilitymap.jobs.WorkTaskDocument.StepEntry;
import org.abilitymap.jobs.WorkTaskDocument.TaskEntry;
import org.abilitymap.points.PointKind;
import org.abilitymap.points.PointNames;
import org.abilitymap.points.PointRequest;

/**
 * Turns a parsed work-task document into a {@link WorkTaskDocument}, checking everything that can be checked
 * without the graph: required fields, types, ranges, tree levels in their places and ids unique in the document.
 * Every problem is collected before the document is rejected.
 */
final class WorkTaskDocumentReader {

	/** The tree's levels, outermost first, as the field names that list them. */
	private static final List<String> LEVELS = List.of("projects", "tasks", "steps", "skills", "knowledge");

	private static final List<String> LEVEL_NAMES = List.of("document", "project", "task", "step", "skill",
			"knowledge point");

	private static final Set<String> NAMED = Set.of("id", "name", "nameEn", "description");

	private final List<Problem> problems = new ArrayList<>();

	/** Tree-node ids (projects, tasks, steps) already seen, with where. */
	private final Map<String, String> nodeIds = new HashMap<>();

	/** Point ids already seen, with the kind, name key and path of their first use. */
	private final Map<String, PointRequest> pointIds = new HashMap<>();

	private WorkTaskDocumentReader() {
	}

	/**
	 * A document as far as it could be read, with the problems found in it; when there are problems the document is
	 * partial, but its ids can still be checked against the graph so that those problems are reported too.
	 */
	record Checked(WorkTaskDocument document, List<Problem> problems) {
	}

	/**
	 * Reads and checks a document, collecting every problem; throws {@link InvalidDocumentException} only when the
	 * document is not a JSON object at all.
	 */
	static Checked check(Object document) {
		return new WorkTaskDocumentReader().readDocument(document);
	}

	private Checked readDocument(Object document) {
		DocumentObject root = DocumentObject.root(document, problems);
		if (root == null) {
			throw new InvalidDocumentException(problems);
		}
		root.rejectUnknownFields(Set.of("enterprise", "jobId", "shadowing", "projects"), misplacedLevels(0));
		EnterpriseEntry enterprise = readEnterprise(root.requiredObject("enterprise"));
		String jobId = root.requiredId("jobId");
		Shadowing shadowing = readShadowing(root.optionalObject("shadowing"));
		List<ProjectEntry> projects = new ArrayList<>();
		for (DocumentObject project : root.requiredList("projects")) {
			projects.add(readProject(project));
		}
		return new Checked(new WorkTaskDocument(enterprise, jobId, shadowing, projects), List.copyOf(problems));
	}

	private EnterpriseEntry readEnterprise(DocumentObject enterprise) {
		if (enterprise == null) {
			return null;
		}
		enterprise.rejectUnknownFields(Set.of("id", "name", "nameEn"), Map.of());
		return new EnterpriseEntry(enterprise.requiredId("id"), enterprise.requiredText("name"),
				enterprise.optionalText("nameEn"));
	}

	private Shadowing readShadowing(DocumentObject shadowing) {
		if (shadowing == null) {
			return null;
		}
		shadowing.rejectUnknownFields(Set.of("startDate", "endDate", "observers", "method", "notes"), Map.of());
		var start = shadowing.optionalDate("startDate");
		var end = shadowing.optionalDate("endDate");
		if (start != null && end != null && end.isBefore(start)) {
			shadowing.problem("endDate", ProblemCode.INVALID_VALUE,
					"'endDate' " + end + " is before 'startDate' " + start + ".");
		}
		return new Shadowing(start, end, shadowing.optionalTextList("observers"), shadowing.optionalText("method"),
				shadowing.optionalText("notes"));
	}

	private ProjectEntry readProject(DocumentObject project) {
		project.rejectUnknownFields(with(NAMED, "tasks"), misplacedLevels(1));
		String id = nodeId(project);
		List<TaskEntry> tasks = new ArrayList<>();
		for (DocumentObject task : project.requiredList("tasks")) {
			tasks.add(readTask(task));
		}
		return new ProjectEntry(project.path(), id, project.requiredText("name"), project.optionalText("nameEn"),
				project.optionalText("description"), tasks);
	}

	private TaskEntry readTask(DocumentObject task) {
		task.rejectUnknownFields(with(NAMED, "frequency", "importance", "difficulty", "steps"), misplacedLevels(2));
		String id = nodeId(task);
		List<StepEntry> steps = new ArrayList<>();
		for (DocumentObject step : task.requiredList("steps")) {
			steps.add(readStep(step));
		}
		return new TaskEntry(task.path(), id, task.requiredText("name"), task.optionalText("nameEn"),
				task.optionalText("description"), task.optionalEnum("frequency", Frequency.class, null),
				task.optionalInt("importance", 1, 5), task.optionalInt("difficulty", 1, 5), steps);
	}

	private StepEntry readStep(DocumentObject step) {
		step.rejectUnknownFields(with(NAMED, "skills"), misplacedLevels(3));
		String id = nodeId(step);
		List<SkillEntry> skills = new ArrayList<>();
		Map<String, String> listed = new HashMap<>();
		for (DocumentObject skill : step.requiredList("skills")) {
			SkillEntry entry = readSkill(skill);
			if (entry != null) {
				checkListedOnce(listed, entry.point(), "step");
				skills.add(entry);
			}
		}
		return new StepEntry(step.path(), id, step.requiredText("name"), step.optionalText("nameEn"),
				step.optionalText("description"), skills);
	}

	private SkillEntry readSkill(DocumentObject skill) {
		skill.rejectUnknownFields(with(NAMED, "level", "knowledge"), misplacedLevels(4));
		PointRequest point = readPoint(skill, PointKind.SKILL);
		ProficiencyLevel level = skill.optionalEnum("level", ProficiencyLevel.class, ProficiencyLevel.PRACTISED);
		List<PointRequest> knowledge = new ArrayList<>();
		Map<String, String> listed = new HashMap<>();
		for (DocumentObject entry : skill.optionalList("knowledge")) {
			entry.rejectUnknownFields(NAMED, misplacedLevels(5));
			PointRequest knowledgePoint = readPoint(entry, PointKind.KNOWLEDGE);
			if (knowledgePoint != null) {
				checkListedOnce(listed, knowledgePoint, "skill");
				knowledge.add(knowledgePoint);
			}
		}
		return point == null ? null : new SkillEntry(point, level, knowledge);
	}

	private PointRequest readPoint(DocumentObject entry, PointKind kind) {
		String id = entry.optionalId("id");
		String name = entry.optionalText("name");
		if (entry.has("name") && name == null && !problemAt(entry.pathOf("name"))) {
			entry.problem("name", ProblemCode.EMPTY, "'name' must not be empty.");
		}
		if (id == null && name == null) {
			if (!entry.has("id") && !entry.has("name")) {
				entry.problem("name", ProblemCode.REQUIRED, "A " + describe(kind)
						+ " needs a 'name', or an 'id' of an existing " + describe(kind) + ".");
			}
			return null;
		}
		PointRequest point = new PointRequest(entry.path(), entry.pathOf("id"), kind, id, name, entry.optionalText("nameEn"),
				entry.optionalText("description"));
		if (id != null) {
			PointRequest first = pointIds.putIfAbsent(id, point);
			if (first != null) {
				if (first.kind() != kind) {
					entry.problem("id", ProblemCode.DUPLICATE_ID, "'" + id + "' is used for a " + describe(kind)
							+ " here and for a " + describe(first.kind()) + " at " + first.path() + ".");
				}
				else if (first.name() != null && name != null && !PointNames.key(first.name()).equals(PointNames.key(name))) {
					entry.problem("id", ProblemCode.DUPLICATE_ID, "'" + id + "' is named '" + name + "' here but '"
							+ first.name() + "' at " + first.path() + "; one id is one point.");
				}
				else if (first.name() == null && name != null) {
					pointIds.put(id, point);
				}
			}
		}
		return point;
	}

	private void checkListedOnce(Map<String, String> listed, PointRequest point, String parent) {
		String identity = point.id() != null ? "id:" + point.id() : "name:" + PointNames.key(point.name());
		String first = listed.putIfAbsent(identity, point.path());
		if (first != null) {
			problems.add(new Problem(point.path(), ProblemCode.DUPLICATE_ID, "This " + describe(point.kind())
					+ " is already listed in the same " + parent + " at " + first + "."));
		}
	}

	private String nodeId(DocumentObject node) {
		String id = node.optionalId("id");
		if (id != null) {
			String first = nodeIds.putIfAbsent(id, node.path());
			if (first != null) {
				node.problem("id", ProblemCode.DUPLICATE_ID,
						"The id '" + id + "' is already used at " + first + "; ids must be unique in a document.");
			}
		}
		return id;
	}

	private boolean problemAt(String path) {
		return problems.stream().anyMatch(p -> p.path().equals(path));
	}

	/** Explanations for tree-level fields that do not belong at {@code depth} (0 = document, 1 = project …). */
	private static Map<String, String> misplacedLevels(int depth) {
		Map<String, String> misplaced = new LinkedHashMap<>();
		String here = LEVEL_NAMES.get(depth);
		for (int level = 0; level < LEVELS.size(); level++) {
			String field = LEVELS.get(level);
			if (level == depth) {
				continue; // the level that belongs here
			}
			if (level < depth) {
				misplaced.put(field, "'" + field + "' cannot appear inside a " + here + "; "
						+ LEVEL_NAMES.get(level + 1) + "s are listed under a " + LEVEL_NAMES.get(level) + ".");
			}
			else {
				List<String> skipped = LEVELS.subList(depth, level);
				misplaced.put(field, "'" + field + "' cannot be listed directly under a " + here + ": a level is missing ("
						+ String.join(" → ", skipped) + " must come first). The order is projects → tasks → steps → "
						+ "skills → knowledge.");
			}
		}
		return misplaced;
	}

	private static Set<String> with(Set<String> base, String... more) {
		var all = new java.util.HashSet<>(base);
		all.addAll(List.of(more));
		return Set.copyOf(all);
	}

	private static String describe(PointKind kind) {
		return kind == PointKind.SKILL ? "skill point" : "knowledge point";
	}
}
