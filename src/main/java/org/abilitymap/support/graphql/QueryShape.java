package org.abilitymap.support.graphql;

import java.util.HashMap;
import java.util.Map;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * How deep and how large the operations of a GraphQL document are, measured on the document itself: depth is the
 * longest chain of nested fields (a root field is at depth 1), complexity the number of fields with every fragment
 * counted where it is spread. {@code @skip} and {@code @include} are not evaluated, so both are upper bounds that
 * do not depend on variables and can be kept with the parsed document.
 *
 * @param depth deepest field nesting of any operation
 * @param fields most fields of any operation, or {@code limit + 1} once that many were counted
 * @param rootFields most top-level fields (aliases and fragments expanded) of any operation, counted as far as
 * {@code fields} is
 */
record QueryShape(int depth, int fields, int rootFields) {

	/**
	 * Measures every operation of a validated document (fragment cycles are refused by validation). Counting stops
	 * once an operation has more than {@code fieldLimit} fields, so that fragments spreading fragments cannot make
	 * the measuring itself expensive.
	 */
	static QueryShape of(Document document, int fieldLimit) {
		Map<String, FragmentDefinition> fragments = new HashMap<>();
		for (Definition<?> definition : document.getDefinitions()) {
			if (definition instanceof FragmentDefinition fragment) {
				fragments.put(fragment.getName(), fragment);
			}
		}
		int depth = 0;
		int fields = 0;
		int rootFields = 0;
		for (Definition<?> definition : document.getDefinitions()) {
			if (definition instanceof OperationDefinition operation) {
				Counter counter = new Counter(fragments, fieldLimit);
				counter.walk(operation.getSelectionSet(), 1);
				depth = Math.max(depth, counter.depth);
				fields = Math.max(fields, counter.fields);
				rootFields = Math.max(rootFields, counter.rootFields);
			}
		}
		return new QueryShape(depth, fields, rootFields);
	}

	/** Walks one operation's selections, fragments expanded. */
	private static final class Counter {

		private final Map<String, FragmentDefinition> fragments;

		private final int fieldLimit;

		private int depth;

		private int fields;

		private int rootFields;

		Counter(Map<String, FragmentDefinition> fragments, int fieldLimit) {
			this.fragments = fragments;
			this.fieldLimit = fieldLimit;
		}

		void walk(SelectionSet selections, int level) {
			if (selections == null) {
				return;
			}
			for (Selection<?> selection : selections.getSelections()) {
				if (fields > fieldLimit) {
					return;
				}
				if (selection instanceof Field field) {
					fields++;
					if (level == 1) {
						rootFields++;
					}
					depth = Math.max(depth, level);
					walk(field.getSelectionSet(), level + 1);
				}
				else if (selection instanceof InlineFragment inline) {
					walk(inline.getSelectionSet(), level);
				}
				else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
					walk(fragments.get(spread.getName()).getSelectionSet(), level);
				}
			}
		}
	}
}
