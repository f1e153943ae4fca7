package org.abilitymap.backup;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.types.IsoDuration;

/**
 * Property values of the graph as JSON and back: strings, booleans, integers, floats and lists of them as
 * themselves; temporal values as {@code {"type": "DATE_TIME", "value": "…"}} with their ISO text, so that a restored
 * value equals the exported one to the nanosecond and keeps its zone.
 */
final class GraphValues {

	private GraphValues() {
	}

	/** The properties of a node or relationship as JSON values. */
	static Map<String, Object> toJson(Map<String, Value> properties) {
		Map<String, Object> json = new LinkedHashMap<>();
		properties.forEach((key, value) -> json.put(key, toJson(value)));
		return json;
	}

	private static Object toJson(Value value) {
		String type = value.type().name().startsWith("LIST") ? "LIST" : value.type().name();
		return switch (type) {
			case "STRING" -> value.asString();
			case "BOOLEAN" -> value.asBoolean();
			case "INTEGER" -> value.asLong();
			case "FLOAT" -> value.asDouble();
			case "LIST" -> value.asList(GraphValues::toJson);
			case "DATE_TIME" -> typed("DATE_TIME", value.asZonedDateTime().toString());
			case "DATE" -> typed("DATE", value.asLocalDate().toString());
			case "LOCAL_DATE_TIME" -> typed("LOCAL_DATE_TIME", value.asLocalDateTime().toString());
			case "TIME" -> typed("TIME", value.asOffsetTime().toString());
			case "LOCAL_TIME" -> typed("LOCAL_TIME", value.asLocalTime().toString());
			case "DURATION" -> {
				IsoDuration duration = value.asIsoDuration();
				yield typed("DURATION", List.of(duration.months(), duration.days(), duration.seconds(),
						duration.nanoseconds()));
			}
			default -> throw new IllegalStateException("A graph backup cannot hold a " + value.type().name()
					+ " property.");
		};
	}

	private static Map<String, Object> typed(String type, Object value) {
		Map<String, Object> typed = new LinkedHashMap<>();
		typed.put("type", type);
		typed.put("value", value);
		return typed;
	}

	/**
	 * The properties of a backup line as driver parameters.
	 *
	 * @throws IllegalArgumentException when a value is not one a backup holds
	 */
	static Map<String, Object> fromJson(Map<String, Object> json) {
		Map<String, Object> properties = new LinkedHashMap<>();
		json.forEach((key, value) -> properties.put(key, fromJson(value)));
		return properties;
	}

	private static Object fromJson(Object value) {
		if (value instanceof String || value instanceof Boolean || value instanceof Double) {
			return value;
		}
		if (value instanceof Float || value instanceof java.math.BigDecimal) {
			return ((Number) value).doubleValue();
		}
		if (value instanceof Number number) {
			return number.longValue();
		}
		if (value instanceof List<?> list) {
			List<Object> values = new ArrayList<>(list.size());
			list.forEach(item -> values.add(fromJson(item)));
			return values;
		}
		if (value instanceof Map<?, ?> map && map.get("type") instanceof String type && map.containsKey("value")) {
			Object text = map.get("value");
			return switch (type) {
				case "DATE_TIME" -> ZonedDateTime.parse((String) text);
				case "DATE" -> LocalDate.parse((String) text);
				case "LOCAL_DATE_TIME" -> LocalDateTime.parse((String) text);
				case "TIME" -> OffsetTime.parse((String) text);
				case "LOCAL_TIME" -> LocalTime.parse((String) text);
				case "DURATION" -> {
					List<?> parts = (List<?>) text;
					yield Values.isoDuration(((Number) parts.get(0)).longValue(), ((Number) parts.get(1)).longValue(),
							((Number) parts.get(2)).longValue(), ((Number) parts.get(3)).intValue()).asIsoDuration();
				}
				default -> throw new IllegalArgumentException("unknown value type '" + type + "'");
			};
		}
		throw new IllegalArgumentException("a property value cannot be " + value);
	}
}
