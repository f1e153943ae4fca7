package org.abilitymap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.abilitymap.points.PointNames;
import org.abilitymap.support.neo4j.Graph;
import org.abilitymap.support.neo4j.Rows;

/**
 * The province's shared skill and knowledge points, each an int code ({@code index * 2} for a skill, {@code index * 2 + 1}
 * for a knowledge point): a generic vocabulary drawn Zipf-like everywhere and each job group's own, every skill with
 * two knowledge points.
 */
final class PointPool {

	private static final String[] OBJECTS = { "电机", "电池包", "传感器", "控制器", "线束", "减速器", "模具", "管路", "仪表",
			"机器人", "变频器", "电路板", "液压系统", "数控机床", "充电桩", "光伏组件" };

	private static final String[] OBJECTS_EN = { "motor", "battery pack", "sensor", "controller", "harness", "reducer",
			"mould", "piping", "instrument", "robot", "inverter", "circuit board", "hydraulics", "CNC machine",
			"charging pile", "PV module" };

	private static final String[] ACTIONS = { "检测", "装配", "调试", "维修", "编程", "测量", "焊接", "巡检", "标定", "诊断" };

	private static final String[] ACTIONS_EN = { "inspection", "assembly", "commissioning", "repair", "programming",
			"measurement", "welding", "patrol check", "calibration", "diagnosis" };

	private final int genericSkills;

	private final int groups;

	private final Zipf genericDraw;

	private final Zipf groupDraw;

	/** Element ids of the written points, by skill index and by knowledge index, for fast linking. */
	private String[] skillElementIds;

	private String[] knowledgeElementIds;

	PointPool(int genericSkills, int groups) {
		this.genericSkills = genericSkills;
		this.groups = groups;
		this.genericDraw = new Zipf(genericSkills, 1.1);
		this.groupDraw = new Zipf(ProvinceShape.GROUP_SKILLS, 0.9);
	}

	int skillCount() {
		return genericSkills + groups * ProvinceShape.GROUP_SKILLS;
	}

	static int skill(int index) {
		return index * 2;
	}

	static boolean isSkill(int code) {
		return code % 2 == 0;
	}

	static int index(int code) {
		return code / 2;
	}

	/** One of the two knowledge points of a skill ({@code which} 0 or 1). */
	static int knowledgeOf(int skillCode, int which) {
		return (index(skillCode) * 2 + which) * 2 + 1;
	}

	/** The skill a knowledge point belongs to. */
	static int skillOf(int knowledgeCode) {
		return skill(index(knowledgeCode) / 2);
	}

	/** The skill index behind any point (itself for a skill). */
	private int skillIndex(int code) {
		return isSkill(code) ? index(code) : index(code) / 2;
	}

	boolean isGeneric(int code) {
		return skillIndex(code) < genericSkills;
	}

	/** The job group whose vocabulary the point is in, or -1 for a generic point. */
	int groupOf(int code) {
		int skill = skillIndex(code);
		return skill < genericSkills ? -1 : (skill - genericSkills) / ProvinceShape.GROUP_SKILLS;
	}

	/** A generic skill, the most common ones most often. */
	int drawGeneric(SplittableRandom random) {
		return skill(genericDraw.sample(random));
	}

	/**
	 * A skill of a job group's vocabulary; each job of the group favours its own part of it ({@code emphasis}
	 * shifts which skills are the common ones).
	 */
	int drawFromGroup(SplittableRandom random, int group, int emphasis) {
		int local = (groupDraw.sample(random) + emphasis) % ProvinceShape.GROUP_SKILLS;
		return skill(genericSkills + group * ProvinceShape.GROUP_SKILLS + local);
	}

	/** Every skill of a job group's vocabulary. */
	List<Integer> groupSkills(int group) {
		List<Integer> skills = new ArrayList<>();
		for (int i = 0; i < ProvinceShape.GROUP_SKILLS; i++) {
			skills.add(skill(genericSkills + group * ProvinceShape.GROUP_SKILLS + i));
		}
		return skills;
	}

	String id(int code) {
		int skill = skillIndex(code);
		String suffix = isSkill(code) ? "" : "-k" + (index(code) % 2 + 1);
		String prefix = isSkill(code) ? "sk-" : "kn-";
		if (skill < genericSkills) {
			return prefix + "gen-" + skill + suffix;
		}
		int local = skill - genericSkills;
		return prefix + "g" + local / ProvinceShape.GROUP_SKILLS + "-" + local % ProvinceShape.GROUP_SKILLS + suffix;
	}

	String name(int code) {
		int skill = skillIndex(code);
		String base = OBJECTS[skill % OBJECTS.length] + ACTIONS[(skill / OBJECTS.length) % ACTIONS.length];
		String tag = groupOf(code) < 0 ? "通用" + skill : "G" + groupOf(code) + "-" + (skill - genericSkills) % ProvinceShape.GROUP_SKILLS;
		if (isSkill(code)) {
			return base + "（" + tag + "）";
		}
		return base + (index(code) % 2 == 0 ? "原理" : "规范") + "（" + tag + "）";
	}

	String nameEn(int code) {
		int skill = skillIndex(code);
		String base = OBJECTS_EN[skill % OBJECTS_EN.length] + " " + ACTIONS_EN[(skill / OBJECTS_EN.length) % ACTIONS_EN.length];
		return isSkill(code) ? base : base + (index(code) % 2 == 0 ? " principles" : " standards");
	}

	/**
	 * Reads the element ids of the written points, so that links to them can be made by element id
	 * ({@link #elementId}) instead of by an index seek on their id.
	 */
	void resolveElementIds(Graph graph) {
		skillElementIds = elementIds(graph, "SkillPoint", true);
		knowledgeElementIds = elementIds(graph, "KnowledgePoint", false);
	}

	private String[] elementIds(Graph graph, String label, boolean skills) {
		int count = skills ? skillCount() : skillCount() * 2;
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(id(skills ? skill(i) : i * 2 + 1));
		}
		String[] elementIds = new String[count];
		Map<String, String> byId = new java.util.HashMap<>();
		graph.query("UNWIND $ids AS id MATCH (p:" + label + " {id: id}) RETURN id, elementId(p) AS elementId",
				Map.of("ids", ids), r -> byId.put(r.get("id").asString(), r.get("elementId").asString()));
		for (int i = 0; i < count; i++) {
			elementIds[i] = byId.get(ids.get(i));
		}
		return elementIds;
	}

	/** The element id of a written point (after {@link #resolveElementIds}). */
	String elementId(int code) {
		return isSkill(code) ? skillElementIds[index(code)] : knowledgeElementIds[index(code)];
	}

	/** The node rows of every point of one kind, as the point import writes them. */
	List<Map<String, Object>> rows(boolean skills, String createdIn) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int s = 0; s < skillCount(); s++) {
			int[] codes = skills ? new int[] { skill(s) } : new int[] { knowledgeOf(skill(s), 0), knowledgeOf(skill(s), 1) };
			for (int code : codes) {
				String name = name(code);
				rows.add(Rows.of("id", id(code), "name", name, "nameEn", nameEn(code), "nameKey", PointNames.key(name),
						"createdBy", "abilitymap-bench", "createdIn", createdIn));
			}
		}
		return rows;
	}
}
