package org.abilitymap.casepackage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.abilitymap.imports.Progress;
import org.abilitymap.jobs.Job;
import org.abilitymap.jobs.ProficiencyLevel;
import org.abilitymap.points.Point;
import org.abilitymap.points.PointKind;
import org.abilitymap.support.graphql.InvalidArgumentException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a job's competency standard or ability map, or a framework imported earlier, as a CASE 1.1 CFPackage
 * (JSON): identifiers are name-based UUIDs of abilitymap's ids and every date comes from the data, so exporting the
 * same graph twice gives the same bytes.
 */
@Service
public class CaseExport {

	/** Used when the data carries no date at all (a job with no submission). */
	static final String NO_DATE = "1970-01-01T00:00:00Z";

	private final CaseExportRepository repository;

	private final JsonMapper json;

	CaseExport(CaseExportRepository repository, JsonMapper json) {
		this.repository = repository;
		this.json = json;
	}

	/**
	 * The CFPackage of a job as JSON text.
	 *
	 * @throws InvalidArgumentException when there is no such job
	 */
	public String exportJob(String jobId, CaseExportKind what, Progress progress) {
		Job job = repository.job(jobId)
			.orElseThrow(() -> new InvalidArgumentException("jobId", "There is no job with id '" + jobId + "'."));
		progress.begin("reading the " + (what == CaseExportKind.STANDARD ? "standard" : "ability map"), -1);
		PackageBuilder builder = what == CaseExportKind.STANDARD ? standard(job) : abilityMap(job);
		progress.begin("writing the package", 1);
		String text = write(builder.build());
		progress.advance(1);
		return text;
	}

	/**
	 * The CFPackage of a framework imported earlier, as it was imported.
	 *
	 * @throws InvalidArgumentException when no framework has that identifier
	 */
	public String exportFramework(String identifier) {
		var stored = repository.framework(identifier)
			.orElseThrow(() -> new InvalidArgumentException("identifier",
					"No CASE framework with identifier '" + identifier + "' has been imported."));
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("CFDocument", read(stored.document()));
		root.put("CFItems", stored.items().stream().map(this::read).toList());
		Map<Integer, Object> associations = new TreeMap<>();
		stored.hierarchy().forEach((position, text) -> associations.put(position, read(text)));
		if (stored.otherAssociations() != null) {
			for (Object entry : (List<?>) read(stored.otherAssociations())) {
				Map<?, ?> indexed = (Map<?, ?>) entry;
				associations.put(((Number) indexed.get("index")).intValue(), indexed.get("association"));
			}
		}
		root.put("CFAssociations", List.copyOf(associations.values()));
		if (stored.definitions() != null) {
			root.put("CFDefinitions", read(stored.definitions()));
		}
		return write(root);
	}

	private PackageBuilder standard(Job job) {
		var lines = repository.standard(job.id());
		String changed = repository.standardChanged(job.id()).orElse(NO_DATE);
		PackageBuilder builder = new PackageBuilder(job, CaseExportKind.STANDARD, changed);
		for (var line : lines) {
			ProficiencyLevel level = ProficiencyLevel.ofRank(line.level());
			Map<String, Object> extensions = new LinkedHashMap<>();
			extensions.put("requiredLevel", level.name());
			extensions.put("importance", line.importance());
			extensions.put("essential", line.essential());
			extensions.put("enterpriseCount", line.enterpriseCount());
			extensions.put("enterprises", line.enterprises());
			if (line.source() != null) {
				extensions.put("source", line.source());
			}
			String notes = "要求等级 " + levelName(level) + " (" + level.name() + ")；重要度 " + line.importance() + "；"
					+ (line.essential() ? "核心 (essential)" : "可选 (optional)") + "；" + line.enterpriseCount() + "/"
					+ line.enterprises() + " 家企业需要";
			String item = builder.point(line.point(), notes, extensions);
			builder.childOf(item, builder.documentIdentifier(), null);
		}
		builder.exactMatches(repository.importedIdentities(builder.pointIds()));
		return builder;
	}

	private PackageBuilder abilityMap(Job job) {
		var rows = repository.abilityMap(job.id());
		String changed = rows.stream().map(CaseExportRepository.TreeRow::submittedAt).filter(t -> t != null)
			.max(Comparator.naturalOrder()).orElse(NO_DATE);
		PackageBuilder builder = new PackageBuilder(job, CaseExportKind.ABILITY_MAP, changed);
		Map<String, List<CaseExportRepository.TreeRow>> children = new HashMap<>();
		List<CaseExportRepository.TreeRow> projects = new ArrayList<>();
		for (var row : rows) {
			if (row.parent() == null) {
				projects.add(row);
			}
			else {
				children.computeIfAbsent(row.parent(), k -> new ArrayList<>()).add(row);
			}
		}
		children.values().forEach(list -> list.sort(Comparator.comparingInt(CaseExportRepository.TreeRow::position)));
		Set<String> knowledgeLinks = new LinkedHashSet<>();
		for (var project : projects) {
			Map<String, Object> provenance = new LinkedHashMap<>();
			provenance.put("enterpriseId", project.enterpriseId());
			provenance.put("submissionId", project.submissionId());
			provenance.put("version", project.version());
			String projectItem = builder.workNode(project, provenance);
			builder.childOf(projectItem, builder.documentIdentifier(), project.position() + 1);
			for (var task : children.getOrDefault(project.node().get("id").asString(), List.of())) {
				Map<String, Object> ratings = new LinkedHashMap<>();
				task.link().asMap().forEach((k, v) -> { if (v != null) ratings.put(k, v); });
				String taskItem = builder.workNode(task, new TreeMap<>(ratings));
				builder.childOf(taskItem, projectItem, task.position() + 1);
				for (var step : children.getOrDefault(task.node().get("id").asString(), List.of())) {
					String stepItem = builder.workNode(step, Map.of());
					builder.childOf(stepItem, taskItem, step.position() + 1);
					var stepChildren = children.getOrDefault(step.node().get("id").asString(), List.of());
					for (var skill : stepChildren) {
						if (!skill.type().equals("SkillPoint")) {
							continue;
						}
						Point point = Point.of(skill.node());
						String skillItem = builder.point(point, null, null);
						builder.childOf(skillItem, stepItem, skill.position() + 1, Map.of("level",
								ProficiencyLevel.ofRank(skill.link().get("level").asLong()).name()));
						for (var knowledge : stepChildren) {
							if (knowledge.type().equals("KnowledgePoint")
									&& point.id().equals(knowledge.link().get("skillId").asString(null))) {
								Point known = Point.of(knowledge.node());
								if (knowledgeLinks.add(known.id() + "|" + point.id())) {
									builder.childOf(builder.point(known, null, null), skillItem, knowledge.position() + 1);
								}
							}
						}
					}
				}
			}
		}
		builder.exactMatches(repository.importedIdentities(builder.pointIds()));
		return builder;
	}

	private static String levelName(ProficiencyLevel level) {
		return switch (level) {
			case AWARE -> "了解";
			case PRACTISED -> "熟练";
			case MASTERED -> "掌握";
		};
	}

	private String write(Object root) {
		return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
	}

	private Object read(String text) {
		return json.readValue(text, Object.class);
	}

	/** The item types abilitymap writes, with the Chinese term, in hierarchy order. */
	enum ItemType {
		PROJECT("Project", "工作项目 work project"), TASK("Task", "工作任务 typical work task"),
		PROCESS_STEP("ProcessStep", "工作步骤 process step"), SKILL_POINT("SkillPoint", "技能点 skill point"),
		KNOWLEDGE_POINT("KnowledgePoint", "知识点 knowledge point");

		final String title;

		final String description;

		ItemType(String title, String description) {
			this.title = title;
			this.description = description;
		}

		static ItemType of(String title) {
			for (ItemType type : values()) {
				if (type.title.equals(title)) {
					return type;
				}
			}
			throw new IllegalArgumentException(title);
		}

		static ItemType of(PointKind kind) {
			return kind == PointKind.SKILL ? SKILL_POINT : KNOWLEDGE_POINT;
		}
	}

	/** Collects items and associations in first-seen order; each node becomes one item, however often reached. */
	private static final class PackageBuilder {

		private final Job job;

		private final CaseExportKind what;

		private final String changed;

		private final String documentIdentifier;

		private final Map<String, Map<String, Object>> items = new LinkedHashMap<>();

		private final Map<String, String> pointItems = new LinkedHashMap<>();

		private final Map<String, Map<String, Object>> associations = new LinkedHashMap<>();

		private final Set<ItemType> usedTypes = new TreeSet<>();

		PackageBuilder(Job job, CaseExportKind what, String changed) {
			this.job = job;
			this.what = what;
			this.changed = changed;
			this.documentIdentifier = CaseIds.document(job.id(), what);
		}

		String documentIdentifier() {
			return documentIdentifier;
		}

		List<String> pointIds() {
			return List.copyOf(pointItems.keySet());
		}

		String point(Point point, String notes, Map<String, Object> extensions) {
			String identifier = CaseIds.point(point.id());
			if (!items.containsKey(identifier)) {
				Map<String, Object> item = item(identifier, point.name(), point.nameEn(), ItemType.of(point.kind()),
						point.id(), changed);
				if (notes != null) {
					item.put("notes", notes);
				}
				if (extensions != null) {
					item.put("extensions", extensions);
				}
				items.put(identifier, item);
				pointItems.put(point.id(), identifier);
			}
			return identifier;
		}

		String workNode(CaseExportRepository.TreeRow row, Map<String, Object> extensions) {
			String id = row.node().get("id").asString();
			String identifier = CaseIds.workNode(id);
			Map<String, Object> item = item(identifier, row.node().get("name").asString(),
					row.node().get("nameEn").asString(null), ItemType.of(row.type()), id,
					row.submittedAt() == null ? changed : row.submittedAt());
			if (!extensions.isEmpty()) {
				item.put("extensions", new LinkedHashMap<>(extensions));
			}
			items.put(identifier, item);
			return identifier;
		}

		void childOf(String child, String parent, Integer sequenceNumber) {
			association("isChildOf", child, link(parent), sequenceNumber, null);
		}

		/** A child link with extensions, such as the level at which a step requires a skill. */
		void childOf(String child, String parent, Integer sequenceNumber, Map<String, Object> extensions) {
			association("isChildOf", child, link(parent), sequenceNumber, extensions);
		}

		/** exactMatchOf from each point to the CASE items it was imported from under another identifier. */
		void exactMatches(Map<String, List<Map<String, Object>>> identities) {
			pointItems.forEach((pointId, identifier) -> {
				for (var other : identities.getOrDefault(pointId, List.of())) {
					if (!identifier.equals(other.get("identifier"))) {
						Map<String, Object> destination = new LinkedHashMap<>();
						destination.put("title", other.get("title"));
						destination.put("identifier", other.get("identifier"));
						destination.put("uri", other.get("uri"));
						association("exactMatchOf", identifier, destination, null, null);
					}
				}
			});
		}

		private void association(String type, String origin, Map<String, Object> destination, Integer sequenceNumber,
				Map<String, Object> extensions) {
			String identifier = CaseIds.association(documentIdentifier, type, origin,
					(String) destination.get("identifier"));
			if (associations.containsKey(identifier)) {
				return;
			}
			Map<String, Object> association = new LinkedHashMap<>();
			association.put("identifier", identifier);
			association.put("uri", CaseIds.uri(identifier));
			association.put("associationType", type);
			if (sequenceNumber != null) {
				association.put("sequenceNumber", sequenceNumber);
			}
			association.put("originNodeURI", link(origin));
			association.put("destinationNodeURI", destination);
			association.put("lastChangeDateTime", changed);
			if (extensions != null) {
				association.put("extensions", new TreeMap<>(extensions));
			}
			associations.put(identifier, association);
		}

		private Map<String, Object> link(String identifier) {
			Map<String, Object> link = new LinkedHashMap<>();
			link.put("title", identifier.equals(documentIdentifier) ? title()
					: (String) items.get(identifier).get("fullStatement"));
			link.put("identifier", identifier);
			link.put("uri", CaseIds.uri(identifier));
			return link;
		}

		private Map<String, Object> item(String identifier, String name, String nameEn, ItemType type,
				String humanCodingScheme, String lastChange) {
			usedTypes.add(type);
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("identifier", identifier);
			item.put("uri", CaseIds.uri(identifier));
			item.put("fullStatement", name);
			if (nameEn != null) {
				item.put("alternativeLabel", nameEn);
			}
			item.put("CFItemType", type.title);
			item.put("CFItemTypeURI", typeLink(type));
			item.put("humanCodingScheme", humanCodingScheme);
			item.put("language", "zh");
			item.put("lastChangeDateTime", lastChange);
			return item;
		}

		private static Map<String, Object> typeLink(ItemType type) {
			Map<String, Object> link = new LinkedHashMap<>();
			String identifier = CaseIds.itemType(type.title);
			link.put("title", type.title);
			link.put("identifier", identifier);
			link.put("uri", CaseIds.uri(identifier));
			return link;
		}

		private String title() {
			return job.name() + (what == CaseExportKind.STANDARD ? " 岗位能力标准" : " 能力图谱");
		}

		Map<String, Object> build() {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("identifier", documentIdentifier);
			document.put("uri", CaseIds.uri(documentIdentifier));
			document.put("creator", "abilitymap");
			document.put("title", title());
			if (job.description() != null) {
				document.put("description", job.description());
			}
			document.put("language", "zh");
			document.put("caseVersion", "1.1");
			document.put("lastChangeDateTime", changed);
			document.put("notes", (what == CaseExportKind.STANDARD ? "岗位能力标准 job competency standard"
					: "能力图谱 ability map") + " of job " + job.id());
			Map<String, Object> extensions = new LinkedHashMap<>();
			extensions.put("jobId", job.id());
			extensions.put("export", what.name());
			document.put("extensions", extensions);
			List<Map<String, Object>> types = new ArrayList<>();
			for (ItemType type : usedTypes) {
				Map<String, Object> definition = new LinkedHashMap<>();
				definition.put("identifier", CaseIds.itemType(type.title));
				definition.put("uri", CaseIds.uri(CaseIds.itemType(type.title)));
				definition.put("title", type.title);
				definition.put("description", type.description);
				definition.put("hierarchyCode", String.valueOf(type.ordinal() + 1));
				definition.put("lastChangeDateTime", NO_DATE);
				types.add(definition);
			}
			Map<String, Object> root = new LinkedHashMap<>();
			root.put("CFDocument", document);
			root.put("CFItems", List.copyOf(items.values()));
			root.put("CFAssociations", List.copyOf(associations.values()));
			Map<String, Object> definitions = new LinkedHashMap<>();
			definitions.put("CFItemTypes", types);
			root.put("CFDefinitions", definitions);
			return root;
		}
	}
}
