package org.abilitymap.support;

import java.time.Duration;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A GraphQL tester that waits up to a minute for an answer instead of five seconds (the first planning of the large
 * alignment queries can take longer than that on a busy build machine), acting as the system unless asked not to.
 */
public final class PatientGraphQl {

	private static final Duration PATIENCE = Duration.ofMinutes(1);

	private PatientGraphQl() {
	}

	/** A copy of {@code tester} with the longer timeout, acting as the system ({@link TestSystemActor}). */
	public static HttpGraphQlTester of(HttpGraphQlTester tester) {
		return patient(tester).mutate().header(TestSystemActor.HEADER, "system").build();
	}

	/** A copy of {@code tester} with the longer timeout and nothing else: for testers that sign in themselves. */
	public static HttpGraphQlTester patient(HttpGraphQlTester tester) {
		// Introspection answers of the whole schema are larger than the client's default 256 KB buffer.
		return tester.mutate().responseTimeout(PATIENCE).webTestClient(client -> client.responseTimeout(PATIENCE)
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))).build();
	}
}
