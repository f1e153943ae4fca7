package org.abilitymap.support;

import java.time.Duration;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A GraphQL tester that waits up to a minute for an answer instead of five seconds: the first planning of the large
 * alignment queries can take longer than that on a busy build machine.
 */
public final class PatientGraphQl {

	private static final Duration PATIENCE = Duration.ofMinutes(1);

	private PatientGraphQl() {
	}

	/** A copy of {@code tester} with the longer timeout. */
	public static HttpGraphQlTester of(HttpGraphQlTester tester) {
		return tester.mutate().responseTimeout(PATIENCE).webTestClient(client -> client.responseTimeout(PATIENCE)).build();
	}
}
