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

	/**
	 * A problem for each cycle found (an item that is, through its parents, its own parent), reported at the link of
	 * the cycle that comes last in the package, so that the report does not depend on where the search began.
	 */
	static List<Problem> cycles(List<Edge> edges) {
		Map<String, List<Integer>> parents = new LinkedHashMap<>();
		for (int e = 0; e < edges.size(); e++) {
			parents.computeIfAbsent(edges.get(e).child(), k -> new ArrayList<>()).add(e);
		}
		Map<String, Integer> state = new HashMap<>(); // 1 on the current path, 2 done
		List<Problem> problems = new ArrayList<>();
		for (String start : parents.keySet()) {
			if (state.containsKey(start)) {
				continue;
			}
			// iterative depth-first search: the path of nodes, the link that led to each, the next link to follow
			List<String> path = new ArrayList<>();
			List<Integer> via = new ArrayList<>();
			List<Integer> next = new ArrayList<>();
			path.add(start);
			via.add(-1);
			next.add(0);
			state.put(start, 1);
			while (!path.isEmpty()) {
				int top = path.size() - 1;
				String node = path.get(top);
				List<Integer> up = parents.getOrDefault(node, List.of());
				int i = next.get(top);
				if (i == up.size()) {
					state.put(node, 2);
					path.remove(top);
					via.remove(top);
					next.remove(top);
					continue;
				}
				next.set(top, i + 1);
				int e = up.get(i);
				String parent = edges.get(e).parent();
				Integer parentState = state.get(parent);
				if (parentState == null) {
					state.put(parent, 1);
					path.add(parent);
					via.add(e);
					next.add(0);
				}
				else if (parentState == 1) {
					int last = e;
					for (int k = path.lastIndexOf(parent) + 1; k <= top; k++) {
						last = Math.max(last, via.get(k));
					}
					Edge edge = edges.get(last);
					problems.add(new Problem(edge.path(), ProblemCode.INVALID_VALUE, "This isChildOf makes a cycle: '"
							+ edge.childName() + "' would be a child of '" + edge.parentName()
							+ "', which is already below it."));
				}
			}
		}
		return problems;
	}
}
