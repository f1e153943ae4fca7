package org.abilitymap.casepackage;

import java.util.List;
import java.util.Map;

import org.abilitymap.jobs.ProficiencyLevel;
import org.abilitymap.points.PointKind;

/**
 * A validated CASE CFPackage: its document, items and associations, each with its path in the JSON and the raw
 * object it was read from (kept so that the framework can be exported again as it came).
 *
 * @param document the CFDocument
 * @param items the CFItems in document order
 * @param associations the CFAssociations in document order
 * @param definitions the raw CFDefinitions, or {@code null}
 */
record CasePackage(Document document, List<Item> items, List<Association> associations, Object definitions) {

	/** The CFDocument. */
	record Document(String identifier, String uri, String title, String creator, String language,
			String lastChangeDateTime, Map<?, ?> raw) {
	}

	/**
	 * One CFItem.
	 *
	 * @param kind the point kind its item type stands for, or {@code null} for a grouping item
	 * @param level the required level given in its extensions (a standard's line), or {@code null}
	 */
	record Item(int index, String path, String identifier, String uri, String fullStatement, String alternativeLabel,
			String type, PointKind kind, String humanCodingScheme, ProficiencyLevel level, Integer importance,
			Boolean essential, Map<?, ?> raw) {

		boolean isPoint() {
			return kind != null;
		}
	}

	/** One CFAssociation; origin and destination are the identifiers of their LinkURIs. */
	record Association(int index, String path, String identifier, String type, String origin, String destination,
			Map<?, ?> raw) {
	}
}
