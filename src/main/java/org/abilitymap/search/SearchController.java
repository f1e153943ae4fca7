package org.abilitymap.search;

import java.util.List;

import org.abilitymap.support.graphql.InvalidArgumentException;
import org.abilitymap.support.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL for the one-box search over jobs, programmes, courses and points. */
@Controller
class SearchController {

	/** Longest search text accepted. */
	private static final int MAX_SEARCH_LENGTH = 200;

	private final SearchRepository repository;

	SearchController(SearchRepository repository) {
		this.repository = repository;
	}

	@QueryMapping
	List<SearchHit> search(@Argument String text, @Argument Integer first) {
		if (text == null || text.isBlank()) {
			throw new InvalidArgumentException("text", "'text' must not be empty.");
		}
		if (text.length() > MAX_SEARCH_LENGTH) {
			throw new InvalidArgumentException("text", "'text' must be at most " + MAX_SEARCH_LENGTH + " characters.");
		}
		int limit = first == null ? 20 : first;
		if (limit < 1 || limit > PageRequest.MAX_PAGE_SIZE) {
			throw new InvalidArgumentException("first",
					"'first' must be between 1 and " + PageRequest.MAX_PAGE_SIZE + ", not " + limit + ".");
		}
		return repository.search(text.strip(), limit);
	}
}
