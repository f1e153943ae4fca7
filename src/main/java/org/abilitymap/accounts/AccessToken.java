package org.abilitymap.accounts;

import org.neo4j.driver.Value;

/**
 * A personal access token as its owner sees it later: never its secret, which is shown once, when it is created.
 *
 * @param id the token's public id (the part of the token before its secret)
 * @param name what the owner calls it
 * @param createdAt when it was created (ISO date-time)
 * @param revokedAt when it was revoked; null while it works
 */
public record AccessToken(String id, String name, String createdAt, String revokedAt) {

	static final String PROJECTION = "t {.id, .name, createdAt: toString(t.createdAt), revokedAt: toString(t.revokedAt)}";

	static AccessToken of(Value v) {
		return new AccessToken(v.get("id").asString(), v.get("name").asString(null), v.get("createdAt").asString(null),
				v.get("revokedAt").asString(null));
	}
}
