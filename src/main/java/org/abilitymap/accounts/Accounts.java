package org.abilitymap.accounts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.support.neo4j.Graph;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Creates, disables and re-assigns accounts (admins), changes one's own password and keeps one's own personal access
 * tokens; passwords go through Spring Security's delegating encoder and never leave this class.
 */
@Service
public class Accounts {

	/** Shortest password accepted. */
	public static final int MIN_PASSWORD_LENGTH = 10;

	/** What every personal access token starts with, so that scanners and people recognise one. */
	static final String TOKEN_PREFIX = "amt_";

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Graph graph;

	private final AccountRepository repository;

	private final PasswordEncoder passwords;

	private final Rights rights;

	Accounts(Graph graph, AccountRepository repository, PasswordEncoder passwords, Rights rights) {
		this.graph = graph;
		this.repository = repository;
		this.passwords = passwords;
		this.rights = rights;
	}

	/**
	 * Creates an account in an existing organisation.
	 *
	 * @throws InvalidDocumentException with every problem of the input; nothing is written then
	 */
	@Allowed(Operation.MANAGE_ACCOUNTS)
	public Account create(NewAccount account) {
		return createAs(account, Rights.requireActor().username());
	}

	/**
	 * The key that signs the page's remember-me cookies, the same for every instance on this database, so that a
	 * login made on one instance is accepted by all.
	 */
	String rememberMeKey() {
		return graph.write(tx -> repository.serverSecret(tx, "remember-me", randomText(32)));
	}

	/** Whether an organisation of that kind and id exists. */
	boolean organisationExists(OrganisationKind kind, String id) {
		return graph.read(tx -> repository.organisationName(tx, kind, id)).isPresent();
	}

	/** Whether any enabled admin account exists. */
	public boolean anyAdmin() {
		return graph.read(repository::anyAdmin);
	}

	private Account createAs(NewAccount account, String actor) {
		return graph.write(tx -> {
			List<Problem> problems = new ArrayList<>(checkAssignment(account.organisationKind(), account.roles()));
			if (account.username() == null || !USERNAME.matcher(account.username()).matches()) {
				problems.add(new Problem("username", ProblemCode.INVALID_VALUE,
						"A username has 3–64 letters, digits, dots, dashes or underscores."));
			}
			else if (repository.usernameTaken(tx, account.username())) {
				problems.add(new Problem("username", ProblemCode.DUPLICATE_ID,
						"There is already an account '" + account.username() + "'."));
			}
			passwordProblem("password", account.password()).ifPresent(problems::add);
			if (account.organisationKind() == OrganisationKind.QUALITY_OFFICE && account.organisationName() != null
					&& !account.organisationName().isBlank() && account.organisationId() != null) {
				repository.ensureQualityOffice(tx, account.organisationId(), account.organisationName().strip(), null);
			}
			if (account.organisationKind() != null && account.organisationId() != null
					&& repository.organisationName(tx, account.organisationKind(), account.organisationId()).isEmpty()) {
				problems.add(new Problem("organisationId", ProblemCode.UNKNOWN_REFERENCE, "There is no "
						+ account.organisationKind() + " with id '" + account.organisationId() + "'"
						+ (account.organisationKind() == OrganisationKind.QUALITY_OFFICE
								? "; give organisationName to create the quality office." : ".")));
			}
			if (account.organisationId() == null || account.organisationId().isBlank()) {
				problems.add(new Problem("organisationId", ProblemCode.REQUIRED, "An account belongs to an organisation."));
			}
			if (!problems.isEmpty()) {
				throw new InvalidDocumentException(problems);
			}
			String displayName = account.displayName() == null || account.displayName().isBlank() ? account.username()
					: account.displayName().strip();
			return repository.create(tx, new NewAccount(account.username(), displayName, null,
					account.organisationKind(), account.organisationId(), null, account.roles()),
					passwords.encode(account.password()), actor);
		});
	}

	/** Disables or re-enables an account; a disabled account can neither log in nor use its tokens. */
	@Allowed(Operation.MANAGE_ACCOUNTS)
	public Account setEnabled(String username, boolean enabled) {
		String actor = Rights.requireActor().username();
		if (!enabled && actor.equals(username)) {
			throw new InvalidDocumentException(List.of(new Problem("username", ProblemCode.INVALID_VALUE,
					"An admin cannot disable their own account.")));
		}
		return graph.write(tx -> repository.setEnabled(tx, username, enabled, actor)).orElseThrow(() ->
				unknownAccount(username));
	}

	/** Moves an account to another organisation and gives it new roles. */
	@Allowed(Operation.MANAGE_ACCOUNTS)
	public Account assign(String username, OrganisationKind kind, String organisationId, Set<Role> roles) {
		String actor = Rights.requireActor().username();
		return graph.write(tx -> {
			List<Problem> problems = new ArrayList<>(checkAssignment(kind, roles));
			if (repository.find(tx, username).isEmpty()) {
				problems.add(new Problem("username", ProblemCode.UNKNOWN_REFERENCE,
						"There is no account '" + username + "'."));
			}
			if (kind != null && repository.organisationName(tx, kind, organisationId).isEmpty()) {
				problems.add(new Problem("organisationId", ProblemCode.UNKNOWN_REFERENCE,
						"There is no " + kind + " with id '" + organisationId + "'."));
			}
			if (!problems.isEmpty()) {
				throw new InvalidDocumentException(problems);
			}
			return repository.assign(tx, username, kind, organisationId, roles.stream().map(Role::name).sorted()
				.toList(), actor);
		});
	}

	/** Every account, by username, a page at a time. */
	@Allowed(Operation.MANAGE_ACCOUNTS)
	public List<Account> list(String after, int limit) {
		return graph.read(tx -> repository.list(tx, after, limit));
	}

	/** The signed-in caller's account; empty for the system and for users of the identity provider. */
	public Optional<Account> mine() {
		Actor actor = Rights.requireActor();
		return actor.system() || actor.external() ? Optional.empty()
				: graph.read(tx -> repository.find(tx, actor.username()));
	}

	/** Changes the caller's own password after checking the current one. */
	@Allowed(Operation.MANAGE_OWN_ACCOUNT)
	public void changePassword(String currentPassword, String newPassword) {
		String username = Rights.requireActor().username();
		graph.write(tx -> {
			rights.require(tx, Operation.MANAGE_OWN_ACCOUNT, username);
			AccountUser user = repository.login(tx, username).orElseThrow(() -> unknownAccount(username));
			List<Problem> problems = new ArrayList<>();
			if (currentPassword == null || !passwords.matches(currentPassword, user.getPassword())) {
				problems.add(new Problem("currentPassword", ProblemCode.INVALID_VALUE,
						"The current password is not right."));
			}
			passwordProblem("newPassword", newPassword).ifPresent(problems::add);
			if (!problems.isEmpty()) {
				throw new InvalidDocumentException(problems);
			}
			repository.setPassword(tx, username, passwords.encode(newPassword));
			return null;
		});
	}

	/** A new personal access token of the caller: the whole token is in the answer, and only there. */
	@Allowed(Operation.MANAGE_OWN_ACCOUNT)
	public NewAccessToken createToken(String name) {
		String username = Rights.requireActor().username();
		String id = randomText(9);
		String secret = randomText(32);
		AccessToken token = graph.write(tx -> {
			rights.require(tx, Operation.MANAGE_OWN_ACCOUNT, username);
			return repository.createToken(tx, username, id, name == null || name.isBlank() ? "token" : name.strip(),
					sha256(secret));
		});
		return new NewAccessToken(token, TOKEN_PREFIX + id + "_" + secret);
	}

	/** The caller's tokens, newest first, without their secrets. */
	@Allowed(Operation.MANAGE_OWN_ACCOUNT)
	public List<AccessToken> tokens() {
		String username = Rights.requireActor().username();
		return graph.read(tx -> {
			rights.require(tx, Operation.MANAGE_OWN_ACCOUNT, username);
			return repository.tokens(tx, username);
		});
	}

	/**
	 * Revokes one of the caller's own tokens.
	 *
	 * @throws MissingRightException when the token is another account's
	 */
	@Allowed(Operation.MANAGE_OWN_ACCOUNT)
	public AccessToken revokeToken(String id) {
		String username = Rights.requireActor().username();
		return graph.write(tx -> {
			rights.require(tx, Operation.MANAGE_OWN_ACCOUNT, username);
			Optional<String> owner = repository.tokenOwner(tx, id);
			if (owner.isPresent() && !owner.get().equals(username)) {
				throw new MissingRightException(Operation.MANAGE_OWN_ACCOUNT, "Not allowed: " + Operation.MANAGE_OWN_ACCOUNT
						+ " for access token '" + id + "': it is another account's, and an account revokes its own "
						+ "tokens only.");
			}
			return repository.revokeToken(tx, username, id);
		}).orElseThrow(() ->
				new InvalidDocumentException(List.of(new Problem("id", ProblemCode.UNKNOWN_REFERENCE,
						"You have no access token with id '" + id + "'."))));
	}

	/** The account a presented token belongs to, when the token is whole, unrevoked and its account enabled. */
	Optional<Account> authenticateToken(String token) {
		if (token == null || !token.startsWith(TOKEN_PREFIX)) {
			return Optional.empty();
		}
		String rest = token.substring(TOKEN_PREFIX.length());
		int separator = rest.indexOf('_');
		if (separator <= 0) {
			return Optional.empty();
		}
		String id = rest.substring(0, separator);
		byte[] presented = sha256(rest.substring(separator + 1)).getBytes();
		return graph.read(tx -> repository.tokenLogin(tx, id))
			.filter(found -> MessageDigest.isEqual(found.getValue().getBytes(), presented))
			.map(Map.Entry::getKey);
	}

	private static List<Problem> checkAssignment(OrganisationKind kind, Set<Role> roles) {
		List<Problem> problems = new ArrayList<>();
		if (kind == null) {
			problems.add(new Problem("organisationKind", ProblemCode.REQUIRED, "An account belongs to an organisation."));
		}
		if (roles == null || roles.isEmpty()) {
			problems.add(new Problem("roles", ProblemCode.EMPTY, "An account holds at least one role."));
		}
		else if (kind != null) {
			roles.stream().filter(r -> !r.fits(kind)).forEach(r -> problems.add(new Problem("roles",
					ProblemCode.INVALID_VALUE, "The role " + r + " belongs to an account of a " + r.organisationKind()
							+ ", not of a " + kind + ".")));
		}
		return problems;
	}

	private static Optional<Problem> passwordProblem(String path, String password) {
		if (password == null || password.strip().length() < MIN_PASSWORD_LENGTH) {
			return Optional.of(new Problem(path, ProblemCode.INVALID_VALUE,
					"A password has at least " + MIN_PASSWORD_LENGTH + " characters."));
		}
		return Optional.empty();
	}

	private static InvalidDocumentException unknownAccount(String username) {
		return new InvalidDocumentException(List.of(new Problem("username", ProblemCode.UNKNOWN_REFERENCE,
				"There is no account '" + username + "'.")));
	}

	private static String randomText(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random).replace('_', 'x').replace('-', 'y');
	}

	/** Tokens carry 256 random bits, so one fast hash suffices; a password hash would cost every request. */
	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
					java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}
}
