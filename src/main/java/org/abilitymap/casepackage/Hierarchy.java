package org.abilitymap.casepackage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;

/** Finds cycles in an isChildOf hierarchy, each reported at the association that closes it. */
final class Hierarchy {

	/**
	 * One child-to-parent link.
	 *
	 * @param child the child's key
	 * @param parent the parent's key
	 * @param path the association's path in the package
	 * @param childName the child's name, for messages
	 * @param parentName the parent's name, for messages
	 */
	record Edge(String child, String parent, String path, String childName, String parentName) {
	}

	private Hierarchy() {
	}

	/** A problem for each link that closes a cycle (an item that is, through its parents, its own parent). */
	static List<Problem> cycles(List<Edge> edges) {
		Map<String, List<Edge>> parents = new LinkedHashMap<>();
		edges.forEach(e -> parents.computeIfAbsent(e.child(), k -> new ArrayList<>()).add(e));
		Map<String, Integer> state = new HashMap<>(); // 1 on the current path, 2 done
		List<Problem> problems = new ArrayList<>();
		for (String start : parents.keySet()) {
			if (state.containsKey(start)) {
				continue;
			}
			// iterative depth-first search: a stack of (node, next parent index)
			List<String> path = new ArrayList<>();
			List<Integer> next = new ArrayList<>();
			path.add(start);
			next.add(0);
			state.put(start, 1);
			while (!path.isEmpty()) {
				int top = path.size() - 1;
				String node = path.get(top);
				List<Edge> up = parents.getOrDefault(node, List.of());
				int i = next.get(top);
				if (i == up.size()) {
					state.put(node, 2);
					path.remove(top);
					next.remove(top);
					continue;
				}
				next.set(top, i + 1);
				Edge edge = up.get(i);
				Integer parentState = state.get(edge.parent());
				if (parentState == null) {
					state.put(edge.parent(), 1);
					path.add(edge.parent());
					next.add(0);
				}
				else if (parentState == 1) {
					problems.add(new Problem(edge.path(), ProblemCode.INVALID_VALUE, "This isChildOf makes a cycle: '"
							+ edge.childName() + "' would be a child of '" + edge.parentName()
							+ "', which is already below it."));
				}
			}
		}
		return problems;
	}
}
