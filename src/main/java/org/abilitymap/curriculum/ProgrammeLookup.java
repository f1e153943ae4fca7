package org.abilitymap.curriculum;

import java.util.List;
import java.util.Map;

import org.abilitymap.support.neo4j.Graph;
import org.springframework.stereotype.Component;

/** Finds programmes by id in one query, for other capabilities whose results name programmes. */
@Component
public class ProgrammeLookup {

	private static final String PROGRAMMES_BY_ID = """
			UNWIND $ids AS key
			MATCH (p:Programme {id: key})
			RETURN key, %s AS item
			""".formatted(Programme.PROJECTION);

	private final Graph graph;

	ProgrammeLookup(Graph graph) {
		this.graph = graph;
	}

	/** The programmes with these ids, keyed by id; unknown ids are absent. */
	public Map<String, Programme> byIds(List<String> ids) {
		return graph.queryKeyed(PROGRAMMES_BY_ID, Map.of("ids", ids), Programme::of);
	}

	/** Whether a programme with this id exists. */
	public boolean exists(String id) {
		return !byIds(List.of(id)).isEmpty();
	}
}
