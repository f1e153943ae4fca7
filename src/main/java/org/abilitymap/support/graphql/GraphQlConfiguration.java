package org.abilitymap.support.graphql;

import java.time.Duration;

import graphql.execution.instrumentation.Instrumentation;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits every GraphQL operation's depth, complexity, top-level fields and running time, so that one hostile query
 * cannot tie up the database, and keeps parsed documents for clients that send the same query again.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlConfiguration.QueryLimits.class)
class GraphQlConfiguration {

	/**
	 * Query limits.
	 *
	 * @param maxDepth deepest field nesting accepted (GraphiQL's introspection query needs 13)
	 * @param maxComplexity largest number of fields one operation may select, counting nested ones
	 * @param maxRootFields largest number of top-level fields (aliases included) of one operation: each runs
	 * database queries of its own, where nested fields are loaded in batches
	 * @param timeout longest a query (not a mutation) may run before it is stopped
	 */
	@ConfigurationProperties("abilitymap.graphql")
	record QueryLimits(@DefaultValue("15") int maxDepth, @DefaultValue("2000") int maxComplexity,
			@DefaultValue("100") int maxRootFields, @DefaultValue("30s") Duration timeout) {
	}

	/**
	 * The limits are checked once per document, where it is parsed and kept, rather than by an instrumentation:
	 * GraphQL Java calls an instrumentation for every field of every answer.
	 */
	@Bean
	GraphQlSourceBuilderCustomizer parsedDocumentCache(QueryLimits limits) {
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(
				new ParsedDocumentCache(500, limits)));
	}

	@Bean
	Instrumentation executionTimeout(QueryLimits limits) {
		return new ExecutionTimeout(limits.timeout());
	}
}
