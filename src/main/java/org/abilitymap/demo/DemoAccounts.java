package org.abilitymap.demo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abilitymap.accounts.Accounts;
import org.abilitymap.accounts.NewAccount;
import org.abilitymap.accounts.OrganisationKind;
import org.abilitymap.accounts.Role;
import org.abilitymap.audit.AuditTrail;
import org.abilitymap.audit.AuditTrail.Source;
import org.abilitymap.support.neo4j.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One account per role for the demo data, all with the password {@value #PASSWORD}, marked {@code demo} so that a
 * real deployment can switch them off ({@code abilitymap.demo.accounts=false}); the application refuses to start
 * with them on an address other than loopback unless {@code abilitymap.demo.public=true} says it is a demo.
 */
@Component
public class DemoAccounts {

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	/** The password of every demo account. */
	public static final String PASSWORD = "abilitymap-demo";

	/** The quality office of the demo auditor and admin. */
	static final String QUALITY_OFFICE = "qo-demo";

	/** The demo accounts: username, display name, organisation kind and id, role. */
	static final List<DemoAccount> ACCOUNTS = List.of(
			new DemoAccount("demo-enterprise", "演示企业编辑 (battery company editor)", OrganisationKind.ENTERPRISE,
					"ent-hf-battery", Role.ENTERPRISE_EDITOR),
			new DemoAccount("demo-enterprise2", "演示企业编辑二 (EV service company editor)", OrganisationKind.ENTERPRISE,
					"ent-ah-ev-service", Role.ENTERPRISE_EDITOR),
			new DemoAccount("demo-industry", "演示行业审核 (automotive association reviewer)",
					OrganisationKind.INDUSTRY_BODY, "ib-ah-auto", Role.INDUSTRY_REVIEWER),
			new DemoAccount("demo-industry-ai", "演示行业审核 (AI alliance reviewer)", OrganisationKind.INDUSTRY_BODY,
					"ib-ah-ai", Role.INDUSTRY_REVIEWER),
			new DemoAccount("demo-designer", "演示专业带头人 (460702 programme lead)", OrganisationKind.SCHOOL,
					"sch-hf-vtc", Role.CURRICULUM_DESIGNER),
			new DemoAccount("demo-auditor", "演示质量监测 (auditor)", OrganisationKind.QUALITY_OFFICE, QUALITY_OFFICE,
					Role.AUDITOR),
			new DemoAccount("demo-lead", "演示集群组长 (NEV cluster lead)", OrganisationKind.CLUSTER, "cl-nev",
					Role.CLUSTER_LEAD),
			new DemoAccount("demo-admin", "演示管理员 (admin)", OrganisationKind.QUALITY_OFFICE, QUALITY_OFFICE,
					Role.ADMIN));

	private static final String EXISTING = """
			MATCH (a:Account) WHERE a.username IN $usernames RETURN a.username AS username
			""";

	private static final String MARK_DEMO = """
			UNWIND $usernames AS username
			MATCH (a:Account {username: username})
			SET a.demo = true
			""";

	private static final String SET_DEMO_ENABLED = """
			MATCH (a:Account {demo: true}) WHERE a.enabled <> $enabled
			SET a.enabled = $enabled
			RETURN count(a) AS changed
			""";

	private static final String DEMO_ACCOUNTS_TO_SWITCH = """
			MATCH (a:Account {demo: true}) WHERE a.enabled <> $enabled RETURN count(a) AS count
			""";

	private static final String ENABLED_DEMO_ACCOUNTS = """
			MATCH (a:Account {demo: true, enabled: true}) RETURN count(a) AS count
			""";

	/** One demo account. */
	record DemoAccount(String username, String displayName, OrganisationKind kind, String organisationId, Role role) {
	}

	private final Accounts accounts;

	private final Graph graph;

	private final AuditTrail audit;

	DemoAccounts(Accounts accounts, Graph graph, AuditTrail audit) {
		this.accounts = accounts;
		this.graph = graph;
		this.audit = audit;
	}

	/** Creates the demo accounts (and the demo quality office) that do not exist yet, acting as the system. */
	void create() {
		List<String> existing = graph.read(tx -> tx.run(EXISTING, Map.of("usernames", ACCOUNTS.stream()
			.map(DemoAccount::username).toList())).list(r -> r.get("username").asString()));
		for (DemoAccount account : ACCOUNTS) {
			if (existing.contains(account.username())) {
				continue; // created by a load that was interrupted before it finished
			}
			accounts.create(new NewAccount(account.username(), account.displayName(), PASSWORD, account.kind(),
					account.organisationId(), account.kind() == OrganisationKind.QUALITY_OFFICE
							? "某省职业教育质量监测中心（演示） (a provincial vocational education quality office, demo)" : null,
					Set.of(account.role())));
		}
		graph.write(tx -> tx.run(MARK_DEMO, Map.of("usernames", ACCOUNTS.stream().map(DemoAccount::username).toList()))
			.consume());
		log.info("Demo accounts created: {} (password '{}'); set abilitymap.demo.accounts=false to switch them off",
				ACCOUNTS.stream().map(DemoAccount::username).toList(), PASSWORD);
	}

	/**
	 * Enables or disables the demo accounts as configured, and refuses an open address with demo accounts on.
	 *
	 * @throws IllegalStateException when demo accounts would be reachable from other machines without
	 *     {@code abilitymap.demo.public=true}
	 */
	void apply(boolean enabled, boolean isPublicDemo, String httpAddress) {
		// Read first, so that a start that changes nothing writes nothing, not even an audit entry.
		long toSwitch = graph.read(tx -> tx.run(DEMO_ACCOUNTS_TO_SWITCH, Map.of("enabled", enabled)).single()
			.get("count").asLong());
		if (toSwitch > 0) {
			long changed = audit.record(Source.SYSTEM, enabled ? "enableDemoAccounts" : "disableDemoAccounts",
					() -> graph.write(tx -> tx.run(SET_DEMO_ENABLED, Map.of("enabled", enabled)).single()
						.get("changed").asLong()));
			log.info("{} {} demo accounts (abilitymap.demo.accounts={})", enabled ? "Enabled" : "Disabled", changed,
					enabled);
		}
		long on = graph.read(tx -> tx.run(ENABLED_DEMO_ACCOUNTS).single().get("count").asLong());
		if (on > 0 && !isPublicDemo && !isLoopback(httpAddress)) {
			throw new IllegalStateException("Refusing to start: " + on + " demo accounts with the well-known password "
					+ "would be reachable on " + httpAddress + ". Set ABILITYMAP_DEMO_ACCOUNTS=false to switch them "
					+ "off, bind to loopback (ABILITYMAP_HTTP_ADDRESS=127.0.0.1), or set ABILITYMAP_DEMO_PUBLIC=true "
					+ "if this is meant to be a public demo.");
		}
	}

	static boolean isLoopback(String address) {
		if (address == null || address.isBlank()) {
			return false; // Tomcat listens on every interface then
		}
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}
}
