package org.abilitymap.accounts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abilitymap.support.neo4j.Rows;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Repository;

/** The Cypher behind accounts, their passwords, failed logins and personal access tokens. */
@Repository
class AccountRepository {

	/** The organisation an account belongs to, looked up under the label of its kind (so the id index is used). */
	private static final String ORGANISATION = """
			CALL () {
			  MATCH (o:Enterprise {id: $organisationId}) WHERE $kind = 'ENTERPRISE' RETURN o
			  UNION
			  MATCH (o:School {id: $organisationId}) WHERE $kind = 'SCHOOL' RETURN o
			  UNION
			  MATCH (o:IndustryBody {id: $organisationId}) WHERE $kind = 'INDUSTRY_BODY' RETURN o
			  UNION
			  MATCH (o:Cluster {id: $organisationId}) WHERE $kind = 'CLUSTER' RETURN o
			  UNION
			  MATCH (o:QualityOffice {id: $organisationId}) WHERE $kind = 'QUALITY_OFFICE' RETURN o
			}
			""";

	private static final String ORGANISATION_NAME = ORGANISATION + "RETURN o.name AS name";

	private static final String ENSURE_QUALITY_OFFICE = """
			MERGE (o:QualityOffice {id: $organisationId})
			ON CREATE SET o.name = $name, o.nameEn = $nameEn
			""";

	private static final String CREATE_ACCOUNT = ORGANISATION + """
			CREATE (a:Account {username: $username, displayName: $displayName, passwordHash: $passwordHash,
			                   organisationKind: $kind, organisationId: $organisationId, roles: $roles,
			                   enabled: true, failedLogins: 0, createdAt: datetime(), createdBy: $actor})
			CREATE (a)-[:MEMBER_OF]->(o)
			RETURN %s AS item
			""".formatted(Account.PROJECTION);

	private static final String ACCOUNT = """
			MATCH (a:Account {username: $username})-[:MEMBER_OF]->(o)
			RETURN %s AS item
			""".formatted(Account.PROJECTION);

	private static final String LOGIN = """
			MATCH (a:Account {username: $username})-[:MEMBER_OF]->(o)
			RETURN %s AS item, a.passwordHash AS passwordHash,
			       coalesce(a.lockedUntil > datetime(), false) AS locked
			""".formatted(Account.PROJECTION);

	private static final String ACCOUNTS = """
			MATCH (a:Account)-[:MEMBER_OF]->(o)
			WHERE $after IS NULL OR a.username > $after
			RETURN %s AS item
			ORDER BY a.username LIMIT $limit
			""".formatted(Account.PROJECTION);

	private static final String SET_ENABLED = """
			MATCH (a:Account {username: $username})-[:MEMBER_OF]->(o)
			SET a.enabled = $enabled, a.changedAt = datetime(), a.changedBy = $actor
			RETURN %s AS item
			""".formatted(Account.PROJECTION);

	private static final String ASSIGN = """
			MATCH (a:Account {username: $username})-[m:MEMBER_OF]->()
			DELETE m
			WITH a
			""" + ORGANISATION + """
			SET a.organisationKind = $kind, a.organisationId = $organisationId, a.roles = $roles,
			    a.changedAt = datetime(), a.changedBy = $actor
			CREATE (a)-[:MEMBER_OF]->(o)
			RETURN %s AS item
			""".formatted(Account.PROJECTION);

	private static final String SET_PASSWORD = """
			MATCH (a:Account {username: $username})
			SET a.passwordHash = $passwordHash, a.passwordChangedAt = datetime()
			""";

	/** Failed attempts in a row; from the fifth on, the account is locked for a time that doubles each time. */
	private static final String LOGIN_FAILED = """
			MATCH (a:Account {username: $username})
			SET a.failedLogins = coalesce(a.failedLogins, 0) + 1
			WITH a, a.failedLogins - $freeAttempts AS excess
			WITH a, excess, CASE WHEN excess < 0 THEN 0 ELSE $firstLockSeconds * 2 ^ CASE WHEN excess > 30 THEN 30 ELSE excess END END AS lock
			SET a.lockedUntil = CASE WHEN excess < 0 THEN a.lockedUntil
			    ELSE datetime() + duration({seconds: toInteger(CASE WHEN lock > $maxLockSeconds THEN $maxLockSeconds ELSE lock END)}) END
			RETURN a.failedLogins AS failures
			""";

	private static final String LOGIN_SUCCEEDED = """
			MATCH (a:Account {username: $username})
			WHERE a.failedLogins > 0 OR a.lockedUntil IS NOT NULL
			SET a.failedLogins = 0, a.lockedUntil = null
			""";

	private static final String CREATE_TOKEN = """
			MATCH (a:Account {username: $username})
			CREATE (t:AccessToken {id: $id, name: $name, secretHash: $secretHash, createdAt: datetime()})
			CREATE (t)-[:OF_ACCOUNT]->(a)
			RETURN %s AS item
			""".formatted(AccessToken.PROJECTION);

	private static final String TOKENS = """
			MATCH (t:AccessToken)-[:OF_ACCOUNT]->(:Account {username: $username})
			RETURN %s AS item
			ORDER BY t.createdAt DESC
			""".formatted(AccessToken.PROJECTION);

	private static final String REVOKE_TOKEN = """
			MATCH (t:AccessToken {id: $id})-[:OF_ACCOUNT]->(:Account {username: $username})
			SET t.revokedAt = coalesce(t.revokedAt, datetime())
			RETURN %s AS item
			""".formatted(AccessToken.PROJECTION);

	private static final String TOKEN_OWNER = """
			MATCH (:AccessToken {id: $id})-[:OF_ACCOUNT]->(a:Account)
			RETURN a.username AS username
			""";

	/** A token authenticates only while it is not revoked and its account is enabled. */
	private static final String TOKEN_LOGIN = """
			MATCH (t:AccessToken {id: $id})-[:OF_ACCOUNT]->(a:Account)-[:MEMBER_OF]->(o)
			WHERE t.revokedAt IS NULL AND a.enabled
			RETURN %s AS item, t.secretHash AS secretHash
			""".formatted(Account.PROJECTION);

	/** The first instance to start stores its candidate; every instance then uses the stored one. */
	private static final String SERVER_SECRET = """
			MERGE (k:ServerSecret {id: $id})
			ON CREATE SET k.value = $candidate, k.createdAt = datetime()
			RETURN k.value AS value
			""";

	private static final String ANY_ADMIN = """
			MATCH (a:Account) WHERE 'ADMIN' IN a.roles AND a.enabled RETURN count(a) > 0 AS any
			""";

	Optional<String> organisationName(TransactionContext tx, OrganisationKind kind, String organisationId) {
		return tx.run(ORGANISATION_NAME, Map.of("kind", kind.name(), "organisationId", organisationId))
			.list(r -> r.get("name").asString(organisationId))
			.stream()
			.findFirst();
	}

	void ensureQualityOffice(TransactionContext tx, String id, String name, String nameEn) {
		tx.run(ENSURE_QUALITY_OFFICE, Rows.of("organisationId", id, "name", name, "nameEn", nameEn)).consume();
	}

	String serverSecret(TransactionContext tx, String id, String candidate) {
		return tx.run(SERVER_SECRET, Map.of("id", id, "candidate", candidate)).single().get("value").asString();
	}

	boolean usernameTaken(TransactionContext tx, String username) {
		return tx.run(ACCOUNT, Map.of("username", username)).hasNext();
	}

	Account create(TransactionContext tx, NewAccount account, String passwordHash, String actor) {
		return Account.of(tx.run(CREATE_ACCOUNT, Rows.of("username", account.username(), "displayName",
				account.displayName(), "passwordHash", passwordHash, "kind", account.organisationKind().name(),
				"organisationId", account.organisationId(), "roles", account.roleNames(), "actor", actor))
			.single()
			.get("item"));
	}

	Optional<Account> find(TransactionContext tx, String username) {
		return tx.run(ACCOUNT, Map.of("username", username)).list(r -> Account.of(r.get("item"))).stream().findFirst();
	}

	/** The account with its password hash and whether it is locked, for the login. */
	Optional<AccountUser> login(TransactionContext tx, String username) {
		return tx.run(LOGIN, Map.of("username", username))
			.list(r -> new AccountUser(Account.of(r.get("item")), r.get("passwordHash").asString(),
					r.get("locked").asBoolean()))
			.stream()
			.findFirst();
	}

	List<Account> list(TransactionContext tx, String after, int limit) {
		return tx.run(ACCOUNTS, Rows.of("after", after, "limit", limit)).list(r -> Account.of(r.get("item")));
	}

	Optional<Account> setEnabled(TransactionContext tx, String username, boolean enabled, String actor) {
		return tx.run(SET_ENABLED, Map.of("username", username, "enabled", enabled, "actor", actor))
			.list(r -> Account.of(r.get("item")))
			.stream()
			.findFirst();
	}

	Account assign(TransactionContext tx, String username, OrganisationKind kind, String organisationId,
			List<String> roles, String actor) {
		return Account.of(tx.run(ASSIGN, Map.of("username", username, "kind", kind.name(), "organisationId",
				organisationId, "roles", roles, "actor", actor)).single().get("item"));
	}

	void setPassword(TransactionContext tx, String username, String passwordHash) {
		tx.run(SET_PASSWORD, Map.of("username", username, "passwordHash", passwordHash)).consume();
	}

	void loginFailed(TransactionContext tx, String username, SecurityProperties.Login throttle) {
		tx.run(LOGIN_FAILED, Map.of("username", username, "freeAttempts", throttle.freeAttempts(),
				"firstLockSeconds", throttle.firstLock().toSeconds(), "maxLockSeconds", throttle.maxLock().toSeconds()))
			.consume();
	}

	void loginSucceeded(TransactionContext tx, String username) {
		tx.run(LOGIN_SUCCEEDED, Map.of("username", username)).consume();
	}

	AccessToken createToken(TransactionContext tx, String username, String id, String name, String secretHash) {
		return AccessToken.of(tx.run(CREATE_TOKEN, Map.of("username", username, "id", id, "name", name,
				"secretHash", secretHash)).single().get("item"));
	}

	List<AccessToken> tokens(TransactionContext tx, String username) {
		return tx.run(TOKENS, Map.of("username", username)).list(r -> AccessToken.of(r.get("item")));
	}

	Optional<AccessToken> revokeToken(TransactionContext tx, String username, String id) {
		return tx.run(REVOKE_TOKEN, Map.of("username", username, "id", id))
			.list(r -> AccessToken.of(r.get("item")))
			.stream()
			.findFirst();
	}

	/** The username of the account a token belongs to; empty when there is no such token. */
	Optional<String> tokenOwner(TransactionContext tx, String id) {
		return tx.run(TOKEN_OWNER, Map.of("id", id)).list(r -> r.get("username").asString()).stream().findFirst();
	}

	/** The enabled account of an unrevoked token, with the token's secret hash. */
	Optional<Map.Entry<Account, String>> tokenLogin(TransactionContext tx, String id) {
		return tx.run(TOKEN_LOGIN, Map.of("id", id))
			.list(r -> Map.entry(Account.of(r.get("item")), r.get("secretHash").asString()))
			.stream()
			.findFirst();
	}

	boolean anyAdmin(TransactionContext tx) {
		return tx.run(ANY_ADMIN).single().get("any").asBoolean();
	}

}
