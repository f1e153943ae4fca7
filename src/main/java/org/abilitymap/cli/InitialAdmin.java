package org.abilitymap.cli;

import org.abilitymap.accounts.Account;
import org.abilitymap.accounts.Accounts;
import org.abilitymap.accounts.Actor;
import org.abilitymap.accounts.NewAccount;
import org.abilitymap.accounts.Rights;
import org.abilitymap.accounts.SecurityProperties;
import org.abilitymap.audit.AuditTrail.Source;
import org.abilitymap.documents.InvalidDocumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the admin of {@code abilitymap.security.initial-admin.*} ({@code ABILITYMAP_ADMIN_USERNAME} and
 * {@code ABILITYMAP_ADMIN_PASSWORD}) on a start of the server that finds no enabled admin, the way {@code create-admin}
 * does, acting as {@value #ACTOR}; the server refuses to start when the settings are refused.
 */
@Component
@ConditionalOnWebApplication
@Order(1) // after the demo data (DemoDataLoader), whose demo admin is on or off by then
class InitialAdmin implements ApplicationRunner {

	/** Who creates the initial admin, in the audit trail. */
	static final String ACTOR = "system:initial-admin";

	private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

	private final SecurityProperties.InitialAdmin settings;

	private final Accounts accounts;

	private final CreateAdminCommand createAdmin;

	InitialAdmin(SecurityProperties properties, Accounts accounts, CreateAdminCommand createAdmin) {
		this.settings = properties.initialAdmin();
		this.accounts = accounts;
		this.createAdmin = createAdmin;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!settings.isSet()) {
			if (settings.username() != null && !settings.username().isBlank()) {
				log.warn("ABILITYMAP_ADMIN_USERNAME ({}) is set without ABILITYMAP_ADMIN_PASSWORD: no admin created",
						settings.username());
			}
			return;
		}
		Rights.runAs(Actor.system(ACTOR), () -> {
			if (accounts.anyAdmin()) {
				log.info("An admin account exists: the initial admin of ABILITYMAP_ADMIN_USERNAME ({}) was not created",
						settings.username());
				return null;
			}
			try {
				Account admin = createAdmin.create(Source.SYSTEM, NewAccount.admin(settings.username(), null,
						settings.password(), null, null));
				log.info("Created the initial admin '{}' of {} ({}) from ABILITYMAP_ADMIN_USERNAME and "
						+ "ABILITYMAP_ADMIN_PASSWORD; they are ignored from now on", admin.username(),
						admin.organisationName(), admin.organisationId());
			}
			catch (RuntimeException ex) {
				if (accounts.anyAdmin()) { // another instance on the same database was quicker
					log.info("An admin account exists: the initial admin of ABILITYMAP_ADMIN_USERNAME ({}) was not "
							+ "created", settings.username());
					return null;
				}
				if (ex instanceof InvalidDocumentException invalid) {
					throw new IllegalStateException("Refusing to start: the initial admin of ABILITYMAP_ADMIN_USERNAME "
							+ "and ABILITYMAP_ADMIN_PASSWORD (abilitymap.security.initial-admin.*) is refused: "
							+ String.join("; ", invalid.problems().stream().map(Object::toString).toList()), ex);
				}
				throw ex;
			}
			return null;
		});
	}
}
