package org.abilitymap.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.abilitymap.accounts.Account;
import org.abilitymap.accounts.Accounts;
import org.abilitymap.accounts.NewAccount;
import org.abilitymap.audit.AuditScope;
import org.abilitymap.audit.AuditTrail;
import org.abilitymap.audit.AuditTrail.Source;
import org.abilitymap.documents.InvalidDocumentException;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar abilitymap.jar create-admin --username=NAME}: creates an admin account in a quality office (the
 * first account of a deployment without demo data), recorded in the audit trail; the password comes from
 * {@code ABILITYMAP_ADMIN_PASSWORD} or is asked for, never from the command line, where other users could read it.
 */
@Component
public class CreateAdminCommand {

	private final Accounts accounts;

	private final AuditTrail audit;

	CreateAdminCommand(Accounts accounts, AuditTrail audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	/** Runs the command; returns 0 when the account was created, 1 when refused, 2 on usage errors. */
	public int run(List<String> arguments, PrintStream out, PrintStream err) {
		CommandOptions command = CommandOptions.parse(arguments);
		Set<String> unknown = new TreeSet<>(command.options().keySet());
		unknown.removeAll(Set.of("username", "display-name", "organisation", "organisation-name"));
		String username = command.options().get("username");
		if (username == null || !unknown.isEmpty() || !command.operands().isEmpty()) {
			err.println("Usage: java -jar abilitymap.jar create-admin --username=NAME [--display-name=TEXT] "
					+ "[--organisation=ID] [--organisation-name=TEXT]");
			err.println("  Creates an admin of the quality office ID (default " + NewAccount.PLATFORM_OFFICE + ", created when "
					+ "missing). The password is read from ABILITYMAP_ADMIN_PASSWORD, or asked for.");
			return 2;
		}
		String password = System.getenv("ABILITYMAP_ADMIN_PASSWORD");
		if (password == null) {
			password = askPassword(out);
		}
		try {
			Account account = create(Source.CLI, NewAccount.admin(username, command.options().get("display-name"),
					password, command.options().get("organisation"), command.options().get("organisation-name")));
			out.println("Created admin '" + account.username() + "' of " + account.organisationName() + " ("
					+ account.organisationId() + "). Log in at the page, or use it with HTTP Basic.");
			return 0;
		}
		catch (InvalidDocumentException ex) {
			ex.problems().forEach(p -> err.println("  " + p));
			return 1;
		}
	}

	/**
	 * Creates an admin as whoever is acting (the command line's user, or the system at start-up), recorded in the
	 * audit trail as {@code create-admin} from {@code source}, refusals included.
	 *
	 * @throws InvalidDocumentException with every problem of the input (the rules of {@link Accounts#create})
	 */
	public Account create(Source source, NewAccount admin) {
		return audit.record(source, "create-admin", () -> {
			AuditScope.touched(admin.username(), admin.organisationId());
			return accounts.create(admin);
		});
	}

	private static String askPassword(PrintStream out) {
		if (System.console() != null) {
			char[] typed = System.console().readPassword("Password for the new admin (at least %d characters): ",
					Accounts.MIN_PASSWORD_LENGTH);
			return typed == null ? null : new String(typed);
		}
		out.println("Password for the new admin (one line on standard input):");
		try {
			return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
		}
		catch (IOException ex) {
			return null;
		}
	}
}
