package org.abilitymap.support;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.graphql.ResponseError;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on the errors of a GraphQL response, for use with {@code errors().satisfy(…)}. */
public final class GraphQlAssertions {

	private GraphQlAssertions() {
	}

	/** Exactly one error, classified BAD_REQUEST, that names the offending argument in its extensions and message. */
	public static Consumer<List<ResponseError>> badRequest(String argument) {
		return errors -> assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST")
				.containsEntry("argument", argument);
			assertThat(error.getMessage()).contains("'" + argument + "'");
		});
	}
}
