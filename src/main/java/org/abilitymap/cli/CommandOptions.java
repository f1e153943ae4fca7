package org.abilitymap.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a command split three ways: {@code --name=value} options of the command, Spring properties (an
 * option whose name has a dot, such as {@code --abilitymap.neo4j.embedded.data-dir=…}) and the remaining operands.
 */
record CommandOptions(Map<String, String> options, List<String> springProperties, List<String> operands) {

	static CommandOptions parse(List<String> arguments) {
		Map<String, String> options = new LinkedHashMap<>();
		List<String> properties = new ArrayList<>();
		List<String> operands = new ArrayList<>();
		for (String argument : arguments) {
			if (!argument.startsWith("--")) {
				operands.add(argument);
				continue;
			}
			int equals = argument.indexOf('=');
			String name = equals < 0 ? argument.substring(2) : argument.substring(2, equals);
			if (name.contains(".")) {
				properties.add(argument);
			}
			else {
				options.put(name, equals < 0 ? "true" : argument.substring(equals + 1));
			}
		}
		return new CommandOptions(options, properties, operands);
	}
}
