package org.abilitymap.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * An integration test: the whole application on a random port against a real Neo4j (embedded, or Testcontainers
 * in the second run), without demo data, with the graph emptied before each test by {@link GraphTestSupport}; test
 * fixtures act as the system ({@link TestSystemActor}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Neo4jTarget.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "abilitymap.demo.load=false", "abilitymap.neo4j.embedded.bolt-port=0",
				"logging.level.root=warn", "logging.level.org.abilitymap=info" })
@AutoConfigureHttpGraphQlTester
@Import(TestSystemActor.class)
public @interface IntegrationTest {
}
