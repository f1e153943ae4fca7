package org.abilitymap.curriculum;

import org.neo4j.driver.Value;

/** A textbook (教材) as read from the graph. */
public record Textbook(String id, String title, String form, String editionDate, java.util.List<Editor> editors) {

	/** The map projection queries return for this record, on a node bound to {@code t}. */
	public static final String PROJECTION = "t {.id, .title, .form, .editorNames, .editorAffiliations, .editorOrganisations, editionDate: toString(t.editionDate)}";

	/** One editor of a textbook. */
	public record Editor(String name, String affiliation, String organisation) {

		static java.util.List<Editor> all(Value v) {
			var names = v.get("editorNames").isNull() ? java.util.List.<String>of() : v.get("editorNames").asList(Value::asString);
			var affiliations = v.get("editorAffiliations").isNull() ? java.util.List.<String>of() : v.get("editorAffiliations").asList(Value::asString);
			var organisations = v.get("editorOrganisations").isNull() ? java.util.List.<String>of() : v.get("editorOrganisations").asList(Value::asString);
			var editors = new java.util.ArrayList<Editor>();
			for (int i = 0; i < names.size(); i++) {
				editors.add(new Editor(names.get(i), blankToNull(affiliations, i), blankToNull(organisations, i)));
			}
			return editors;
		}

		private static String blankToNull(java.util.List<String> values, int i) {
			return i < values.size() && !values.get(i).isEmpty() ? values.get(i) : null;
		}
	}

	public static Textbook of(Value v) {
		return new Textbook(v.get("id").asString(), v.get("title").asString(), v.get("form").asString(), v.get("editionDate").asString(null), Editor.all(v));
	}
}
