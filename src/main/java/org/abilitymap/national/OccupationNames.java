package org.abilitymap.national;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the dictionary occupations a profile's 职业面向 names: "面向…行业的A、B、C等职业，…岗位（群）" names A, B and C;
 * only names equal to a detailed occupation's name count, so broader groups (…人员 of a 小类) are left out.
 */
final class OccupationNames {

	private OccupationNames() {
	}

	/** The codes of the occupations named, in text order, without repeats. */
	static List<String> named(String orientation, Map<String, String> codeByName) {
		List<String> codes = new ArrayList<>();
		if (orientation == null) {
			return codes;
		}
		int end = orientation.indexOf("等职业");
		if (end < 0) {
			return codes;
		}
		String list = orientation.substring(0, end).replaceFirst("^面向", "");
		for (String segment : list.split("[、，,；;]")) {
			String name = segment.strip();
			int of = name.lastIndexOf('的');
			if (of >= 0) {
				name = name.substring(of + 1);
			}
			String code = codeByName.get(name);
			if (code != null && !codes.contains(code)) {
				codes.add(code);
			}
		}
		return codes;
	}
}
