package org.abilitymap.web;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web page at {@code /} in a real headless Chromium, against the application on the demo data: every view is
 * opened, one of its controls is used, and the figures on the page are compared with what the GraphQL API answers.
 * A screenshot of every view is written to {@code target/screenshots/} on each run.
 */
@ExtendWith(BrowserAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "abilitymap.demo.load=true", "abilitymap.neo4j.embedded.bolt-port=0", "abilitymap.neo4j.uri=" })
@AutoConfigureHttpGraphQlTester
@org.springframework.context.annotation.Import(org.abilitymap.support.TestSystemActor.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebPageTest {

	private static final String NEV_PROGRAMME = "prg-hf-vtc-460702";

	private static final String BATTERY_ASSEMBLER = "nev-battery-assembler";

	private static final String INSULATION_TEST = "sk-insulation-resistance-test";

	private static final String LARGE_PROGRAMME = "prg-e2e-large";

	private static Browser browser;

	/** Where the filled-in workbooks are written for the page to upload. */
	@TempDir
	static Path sheets;

	@LocalServerPort
	private int port;

	private HttpGraphQlTester graphQl;

	@Autowired
	void graphQl(HttpGraphQlTester tester) {
		this.graphQl = org.abilitymap.support.PatientGraphQl.of(tester);
	}

	@DynamicPropertySource
	static void freshDataDirectory(DynamicPropertyRegistry registry) throws IOException {
		Path dataDir = Files.createTempDirectory("abilitymap-web-test-neo4j");
		registry.add("abilitymap.neo4j.embedded.data-dir", dataDir::toString);
		registry.add("abilitymap.neo4j.embedded.delete-on-close", () -> "true");
	}

	@BeforeAll
	static void startBrowser() {
		browser = new Browser();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	/** Every test starts in Chinese, signed in as the auditor (who reads everything published); some sign in again. */
	@BeforeEach
	void chineseAndSignedInAtTheStartOfEveryTest() {
		browser.baseUrl("http://localhost:" + port);
		browser.size(1280, 900);
		browser.driver.get("http://localhost:" + port + "/#/");
		browser.js("localStorage.clear()");
		browser.signIn("demo-auditor");
	}

	// ------------------------------------------------------------------------------------------------ accounts

	@Test
	void everyDemoAccountSignsInAndTheHeaderShowsItsOrganisationAndRoles() {
		Map<String, Object> data = query("""
				{ accounts(first: 100) { edges { node { username roles organisation { kind id name } } } } }
				""", Map.of());
		List<Map<String, Object>> demo = listAt(data, "accounts.edges").stream()
			.filter(edge -> ((String) at(edge, "node.username")).startsWith("demo-"))
			.toList();
		assertThat(demo).hasSize(8);
		Map<String, Object> demoWrites = query("""
				{ auditLog(filter: {actor: "system:demo-data"}, first: 10) { edges { node { operation outcome } } } }
				""", Map.of());
		assertThat(listAt(demoWrites, "auditLog.edges").stream()
			.map(edge -> at(edge, "node.operation") + " " + at(edge, "node.outcome"))).as("the demo data's writes, audited")
			.contains("loadDemoData DONE", "createDemoAccounts DONE");
		for (Map<String, Object> edge : demo) {
			String username = (String) at(edge, "node.username");
			browser.signIn(username);
			@SuppressWarnings("unchecked")
			List<String> roles = (List<String>) at(edge, "node.roles");
			assertThat(browser.byTest("user-roles").getDomAttribute("data-roles").split(" ")).as(username)
				.containsExactlyInAnyOrderElementsOf(roles);
			assertThat(browser.text("user-org")).as(username).contains((String) at(edge, "node.organisation.name"));
		}
		browser.screenshot("00-signed-in");

		browser.byTest("logout").click();
		browser.waitUntil("the login", () -> !browser.all("[data-test='login-form']").isEmpty());
		browser.byTest("login-username").sendKeys("demo-auditor");
		browser.byTest("login-password").sendKeys("wrong password");
		browser.byTest("login-submit").click();
		browser.waitUntil("the refusal", () -> !browser.text("login-message").isEmpty()
				&& !browser.text("login-message").contains("…"));
		assertThat(browser.text("login-message")).contains("Wrong username or password");
		assertThat(browser.view().getDomAttribute("data-view")).isEqualTo("login");
	}

	@Test
	void aDraftShowsItsStatusToItsEnterpriseAndAReviewerInScopeDecidesOnItWithAComment() throws Exception {
		// Version 2 of the battery company's approved submission, naming existing points only (so that the other tests'
		// counts of matched and created points stay theirs).
		Map<String, Object> document = json(resource("web/good-work-tasks.json"));
		document.put("jobId", BATTERY_ASSEMBLER);
		document.put("enterprise", enterprise("ent-hf-battery"));
		for (Map<String, Object> task : children(listAt(document, "projects"), "tasks")) {
			listOf(task, "steps").removeIf(step -> String.valueOf(step.get("name")).startsWith("记录并判定车载充电机"));
		}
		String submissionId = (String) at(query("""
				mutation submit($input: SubmitWorkTasksInput!) { submitWorkTasks(input: $input) { submission { id } errors { message } } }
				""", Map.of("input", document)), "submitWorkTasks.submission.id");
		assertThat(submissionId).as("the draft is stored").endsWith(":v2");
		String row = "tr[data-submission='" + submissionId + "']";

		// Its own enterprise sees the draft beside the approved map, awaiting review, and cannot review it.
		browser.signIn("demo-enterprise");
		browser.open("#/job/" + BATTERY_ASSEMBLER);
		assertThat(browser.all(row)).hasSize(1);
		assertThat(browser.all(row).get(0).getDomAttribute("data-status")).isEqualTo("SUBMITTED");
		assertThat(browser.all(row + " [data-test='draft-mark']")).hasSize(1);
		assertThat(browser.all(row + " [data-test='review-form']")).isEmpty();

		// Another enterprise and an industry body out of scope do not see it at all.
		for (String outsider : List.of("demo-enterprise2", "demo-industry-ai")) {
			browser.signIn(outsider);
			browser.open("#/job/" + BATTERY_ASSEMBLER);
			assertThat(browser.all(row)).as(outsider).isEmpty();
		}

		// The automotive body reviews it: a refusal without a comment is shown in the form and changes nothing …
		browser.signIn("demo-industry");
		browser.open("#/job/" + BATTERY_ASSEMBLER);
		browser.choose("review-decision", "REJECTED");
		browser.byTest("review-submit").click();
		browser.waitUntil("the refusal in the form", () -> !browser.text("review-message").isEmpty()
				&& !browser.text("review-message").contains("…"));
		String statusQuery = """
				query s($id: ID!) { submission(id: $id) { status reviews { decision comment reviewer } } }
				""";
		assertThat(at(query(statusQuery, Map.of("id", submissionId)), "submission.status")).isEqualTo("SUBMITTED");

		// … and a request for changes with its comment is recorded with who and why, and shown in the history.
		browser.choose("review-decision", "CHANGES_REQUESTED");
		browser.byTest("review-comment").sendKeys("请补充绝缘检测的操作步骤");
		browser.byTest("review-submit").click();
		browser.waitUntil("the new status", () -> browser.all(row).size() == 1
				&& "CHANGES_REQUESTED".equals(browser.all(row).get(0).getDomAttribute("data-status")));
		browser.settle();
		Map<String, Object> reviewed = query(statusQuery, Map.of("id", submissionId));
		assertThat(at(reviewed, "submission.status")).isEqualTo("CHANGES_REQUESTED");
		Map<String, Object> review = listAt(reviewed, "submission.reviews").get(0);
		assertThat(review).containsEntry("reviewer", "demo-industry").containsEntry("comment", "请补充绝缘检测的操作步骤");
		String history = browser.driver.findElement(By.cssSelector(row + " [data-test='review-history']")).getText();
		assertThat(history).contains("退回修改", "demo-industry", "请补充绝缘检测的操作步骤");
		browser.screenshot("12-review");

		// The reviewer follows the submission's link to its audit trail: its own organisation's entries.
		browser.driver.findElement(By.cssSelector(row + " [data-test='submission-audit']")).click();
		browser.settleAt("#/history/" + submissionId);
		assertThat(browser.all("[data-test='audit-table'] tbody tr").stream().map(tr -> tr.getDomAttribute("data-actor") + " "
				+ tr.getDomAttribute("data-operation") + " " + tr.getDomAttribute("data-outcome")).toList())
			.contains("demo-industry reviewSubmission DONE")
			.allMatch(entry -> entry.startsWith("demo-industry "));

		// The enterprise sees the decision and its comment.
		browser.signIn("demo-enterprise");
		browser.open("#/job/" + BATTERY_ASSEMBLER);
		assertThat(browser.driver.findElement(By.cssSelector(row + " [data-test='review-history']")).getText())
			.contains("请补充绝缘检测的操作步骤");

		// The auditor reads the whole trail of the submission (not the draft itself): the same entries as auditLog.
		browser.signIn("demo-auditor");
		browser.open("#/history/" + submissionId);
		List<Map<String, Object>> entries = listAt(query("""
				query a($id: ID!) { auditLog(filter: {entityId: $id}, first: 100) { edges { node { actor operation outcome } } } }
				""", Map.of("id", submissionId)), "auditLog.edges");
		List<WebElement> rows = browser.all("[data-test='audit-table'] tbody tr");
		assertThat(rows.stream().map(tr -> tr.getDomAttribute("data-actor") + " " + tr.getDomAttribute("data-operation") + " "
				+ tr.getDomAttribute("data-outcome")).toList())
			.containsExactlyElementsOf(entries.stream().map(e -> at(e, "node.actor") + " " + at(e, "node.operation") + " "
					+ at(e, "node.outcome")).toList())
			.contains("demo-industry reviewSubmission DONE");
		browser.screenshot("13-audit-trail");
	}

	@Test
	void anAdminCreatesDisablesAndReassignsAnAccountOnThePage() {
		String industryBody = (String) at(account("{ accounts(first: 100) { edges { node { username organisation { id } } } } }",
				"demo-industry"), "organisation.id");

		// Others see their own account only.
		browser.open("#/accounts");
		assertThat(browser.all("[data-test='account-summary']")).hasSize(1);
		assertThat(browser.all("[data-test='account-table']")).isEmpty();

		browser.signIn("demo-admin");
		browser.open("#/accounts");
		browser.byTest("new-username").sendKeys("e2e-reviewer");
		browser.byTest("new-display-name").sendKeys("测试审核员");
		browser.byTest("new-password").sendKeys("a-long-enough-password");
		browser.choose("new-kind", "INDUSTRY_BODY");
		browser.byTest("new-organisation").sendKeys(industryBody);
		browser.byTest("new-role-INDUSTRY_REVIEWER").click();
		browser.byTest("create-submit").click();
		String row = "tr[data-account='e2e-reviewer']";
		browser.waitUntil("the new account in the table", () -> browser.all(row).size() == 1);
		browser.settle();
		String accountQuery = """
				{ accounts(first: 100) { edges { node { username enabled roles organisation { kind id } } } } }
				""";
		assertThat(account(accountQuery, "e2e-reviewer")).containsEntry("enabled", true)
			.containsEntry("roles", List.of("INDUSTRY_REVIEWER"))
			.containsEntry("organisation", Map.of("kind", "INDUSTRY_BODY", "id", industryBody));

		browser.driver.findElement(By.cssSelector(row + " [data-test='account-toggle']")).click();
		browser.waitUntil("disabled", () -> browser.all(row).size() == 1 && "false".equals(browser.all(row).get(0).getDomAttribute("data-enabled")));
		browser.settle();
		assertThat(account(accountQuery, "e2e-reviewer")).containsEntry("enabled", false);

		browser.driver.findElement(By.cssSelector(row + " [data-test='assign-open']")).click();
		new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.cssSelector(row + " [data-test='assign-e2e-reviewer-kind']")))
			.selectByValue("ENTERPRISE");
		WebElement organisation = browser.driver.findElement(By.cssSelector(row + " [data-test='assign-e2e-reviewer-organisation']"));
		organisation.clear();
		organisation.sendKeys("ent-ah-ev-service");
		browser.driver.findElement(By.cssSelector(row + " [data-test='assign-e2e-reviewer-role-INDUSTRY_REVIEWER']")).click();
		browser.driver.findElement(By.cssSelector(row + " [data-test='assign-e2e-reviewer-role-ENTERPRISE_EDITOR']")).click();
		browser.driver.findElement(By.cssSelector(row + " [data-test='assign-submit']")).click();
		browser.waitUntil("the new roles", () -> browser.all(row).size() == 1
				&& "ENTERPRISE_EDITOR".equals(browser.driver.findElement(By.cssSelector(row + " td[data-roles]")).getDomAttribute("data-roles")));
		browser.settle();
		assertThat(account(accountQuery, "e2e-reviewer")).containsEntry("roles", List.of("ENTERPRISE_EDITOR"))
			.containsEntry("organisation", Map.of("kind", "ENTERPRISE", "id", "ent-ah-ev-service"));
		browser.screenshot("01-accounts");
	}

	/** An enterprise as a work-task document names it: its id and its names as the graph has them. */
	private Map<String, Object> enterprise(String id) {
		return listAt(query("{ enterprises(first: 100) { edges { node { id name nameEn } } } }", Map.of()), "enterprises.edges")
			.stream()
			.filter(edge -> id.equals(at(edge, "node.id")))
			.map(edge -> {
				@SuppressWarnings("unchecked")
				Map<String, Object> node = new java.util.LinkedHashMap<>((Map<String, Object>) edge.get("node"));
				node.values().removeIf(java.util.Objects::isNull);
				return node;
			})
			.findFirst().orElseThrow(() -> new AssertionError("no enterprise " + id));
	}

	private Map<String, Object> account(String accountQuery, String username) {
		return listAt(query(accountQuery, Map.of()), "accounts.edges").stream()
			.filter(edge -> username.equals(at(edge, "node.username")))
			.map(edge -> {
				@SuppressWarnings("unchecked")
				Map<String, Object> node = (Map<String, Object>) edge.get("node");
				return node;
			})
			.findFirst().orElseThrow(() -> new AssertionError("no account " + username));
	}

	@Test
	void anAccountCreatesAnAccessTokenOnThePageSeesItsSecretOnceAndRevokesIt() throws Exception {
		browser.signIn("demo-designer");
		browser.open("#/accounts");
		browser.byTest("token-name").sendKeys("课程脚本");
		browser.byTest("token-create").click();
		browser.waitUntil("the secret, once", () -> !browser.all("[data-test='token-secret']").isEmpty());
		String secret = browser.text("token-secret");
		assertThat(secret).startsWith("amt_");
		assertThat(bearerMe(secret)).contains("\"username\":\"demo-designer\"");

		browser.open("#/");
		browser.open("#/accounts");
		assertThat(browser.all("[data-test='token-secret']")).as("shown once only").isEmpty();
		List<WebElement> rows = browser.all("[data-test='token-table'] tr[data-token]");
		assertThat(rows).hasSize(1);
		String row = "tr[data-token='" + rows.get(0).getDomAttribute("data-token") + "']";
		assertThat(browser.driver.findElement(By.cssSelector(row)).getText()).contains("课程脚本");
		browser.driver.findElement(By.cssSelector(row + " [data-test='token-revoke']")).click();
		browser.waitUntil("revoked", () -> browser.all(row + " [data-test='token-revoke']").isEmpty());
		assertThat(bearerMe(secret)).startsWith("401");
	}

	private String bearerMe(String secret) throws Exception {
		var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + secret)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"query\": \"{ me { username } }\"}"))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		return response.statusCode() == 200 ? response.body() : response.statusCode() + " " + response.body();
	}

	/**
	 * GraphiQL's scripts and styles are the application's own (WebJars), and the page's Content-Security-Policy
	 * allows no other origin: when it runs a query here, it ran with no network.
	 */
	@Test
	void graphiQlRunsAQueryWithTheSessionOfThePageFromTheApplicationsOwnScripts() {
		browser.driver.get("http://localhost:" + port + "/graphiql");
		browser.waitUntil("GraphiQL rendered", () -> !browser.all(".graphiql-container .graphiql-execute-button")
			.isEmpty());
		List<String> scripts = browser.all("script[src], link[rel='stylesheet']").stream()
			.map(element -> element.getDomAttribute(element.getTagName().equals("script") ? "src" : "href"))
			.toList();
		assertThat(scripts).isNotEmpty().allSatisfy(source -> assertThat(source).startsWith("/"));
		browser.all(".graphiql-execute-button").get(0).click();
		browser.waitUntil("the answer to the default query", () -> browser.all(".result-window").stream()
			.anyMatch(result -> result.getText().contains("\"username\": \"demo-auditor\"")));
		browser.screenshot("00-graphiql");
	}

	// ------------------------------------------------------------------------------------------------ overview

	@Test
	void theOverviewCountsJobsAndProgrammesAndShowsEachProgrammesCoverage() {
		Map<String, Object> data = query("""
				{ jobs(first: 1) { totalCount }
				  programmes(first: 100) { totalCount edges { node { id coverage { overall { ratio } } } } } }
				""", Map.of());

		assertThat(browser.number("home-jobs")).isEqualTo(intAt(data, "jobs.totalCount"));
		assertThat(browser.number("home-programmes")).isEqualTo(intAt(data, "programmes.totalCount"));
		for (Map<String, Object> edge : listAt(data, "programmes.edges")) {
			String id = (String) at(edge, "node.id");
			WebElement row = browser.driver.findElement(By.xpath("//a[@href='#/programme/" + id + "']/ancestor::tr"));
			assertThat(row.getText()).contains(pct(doubleAt(edge, "node.coverage.overall.ratio")));
		}
		assertThat(browser.driver.findElement(By.cssSelector(".app-header")).getText()).contains("能力图谱", "abilitymap");
		browser.screenshot("01-overview");
	}

	// ------------------------------------------------------------------------------------------------ job map

	@Test
	void theJobMapShowsTheTreeOfTheChosenJobAndExpandsANode() {
		browser.open("#/job");
		browser.choose("job-picker", BATTERY_ASSEMBLER);
		browser.settleAt("#/job/" + BATTERY_ASSEMBLER);

		Map<String, Object> map = query("""
				query map($jobId: ID!) { abilityMap(jobId: $jobId) {
				  job { name } submissions { enterprise { id } }
				  projects { id name provenance { enterprise { name } version }
				    tasks { id name importance steps { id name skills { skill { id } knowledge { id } } } } }
				  skills { skill { id } } } }
				""", Map.of("jobId", BATTERY_ASSEMBLER));
		List<Map<String, Object>> projects = listAt(map, "abilityMap.projects");
		List<Map<String, Object>> tasks = children(projects, "tasks");
		List<Map<String, Object>> steps = children(tasks, "steps");
		List<Map<String, Object>> stepSkills = children(steps, "skills");
		Set<Object> knowledge = children(stepSkills, "knowledge").stream().map(k -> k.get("id")).collect(Collectors.toSet());

		assertThat(browser.text("job-name")).isEqualTo(at(map, "abilityMap.job.name"));
		assertThat(browser.number("job-enterprises")).isEqualTo(
				listAt(map, "abilityMap.submissions").stream().map(s -> at(s, "enterprise.id")).distinct().count());
		assertThat(browser.number("job-projects")).isEqualTo(projects.size());
		assertThat(browser.number("job-tasks")).isEqualTo(tasks.size());
		assertThat(browser.number("job-steps")).isEqualTo(steps.size());
		assertThat(browser.number("job-skills")).isEqualTo(listAt(map, "abilityMap.skills").size());
		assertThat(browser.number("job-knowledge")).isEqualTo(knowledge.size());
		assertThat(browser.all("[data-test='job-skill-table'] tbody tr")).hasSize(listAt(map, "abilityMap.skills").size());

		// At first the projects are open and the tasks closed: the outline lists every task and no step.
		assertThat(browser.all("#view .outline li[data-kind='task']")).hasSize(tasks.size());
		assertThat(browser.all("#view .outline li[data-kind='step']")).isEmpty();

		// Expanding the first task (with the keyboard) shows exactly its steps, in the outline and in the chart.
		Map<String, Object> firstTask = tasks.get(0);
		WebElement toggle = browser.driver.findElement(
				By.cssSelector("li[data-key='" + firstTask.get("id") + "'] > .outline-row > .outline-toggle"));
		toggle.sendKeys(Keys.ENTER);
		List<String> shownSteps = texts("li[data-key='" + firstTask.get("id") + "'] li[data-kind='step'] > .outline-row .outline-name");
		assertThat(shownSteps).containsExactlyElementsOf(listOf(firstTask, "steps").stream().map(s -> (String) s.get("name")).toList());
		assertThat(chartNodeCollapsed((String) firstTask.get("id"))).isEqualTo(false);

		// Clicking the second task's node on the chart's canvas expands it as well.
		Map<String, Object> secondTask = tasks.get(1);
		clickChartNode((String) secondTask.get("id"));
		browser.waitUntil("the second task opens", () -> !browser.all("li[data-key='" + secondTask.get("id") + "'] li[data-kind='step']").isEmpty());
		assertThat(browser.all("li[data-key='" + secondTask.get("id") + "'] li[data-kind='step']")).hasSize(listOf(secondTask, "steps").size());

		// Hovering a task's node shows its provenance and ratings.
		int[] firstTaskNode = chartNodeOffset((String) firstTask.get("id"));
		new Actions(browser.driver).moveToElement(browser.byTest("job-tree-chart"), firstTaskNode[0], firstTaskNode[1]).perform();
		Map<String, Object> firstProject = projects.get(0);
		browser.waitUntil("the tooltip", () -> browser.byTest("job-tree-chart").getText().contains("重要度"));
		assertThat(browser.byTest("job-tree-chart").getText()).contains((String) firstTask.get("name"),
				(String) at(firstProject, "provenance.enterprise.name"), "v" + at(firstProject, "provenance.version"),
				"重要度 " + firstTask.get("importance") + " / 5");
		new Actions(browser.driver).moveToElement(browser.byTest("job-name")).perform(); // no hover effect in the picture
		browser.screenshot("02-job-ability-map");

		// Expand all: every step skill and knowledge entry of the API is in the outline.
		browser.byTest("expand-all").click();
		assertThat(browser.all("#view .outline li[data-kind='skill']")).hasSize(stepSkills.size());
		assertThat(browser.all("#view .outline li[data-kind='knowledge']")).hasSize(children(stepSkills, "knowledge").size());
		browser.screenshot("03-job-ability-map-expanded");
	}

	// ------------------------------------------------------------------------------------------------ programme

	@Test
	void programmeAlignmentShowsTheApisCoverageGapsAndOrphansForEachTarget() {
		browser.open("#/programme");
		browser.choose("programme-picker", NEV_PROGRAMME);
		browser.settleAt("#/programme/" + NEV_PROGRAMME);
		assertAlignment(null);
		browser.screenshot("04-programme-alignment");

		browser.choose("target-picker", "group:nev-intelligent-service");
		browser.settleAt("#/programme/" + NEV_PROGRAMME + "?target=group:nev-intelligent-service");
		assertAlignment(Map.of("jobGroupId", "nev-intelligent-service"));
		// The downloads for auditors keep the chosen target.
		assertThat(browser.byTest("export-alignment-html").getDomAttribute("href"))
			.isEqualTo("/api/programmes/" + NEV_PROGRAMME + "/alignment.html?jobGroupId=nev-intelligent-service");
		assertThat(browser.byTest("export-alignment-xlsx").getDomAttribute("href"))
			.isEqualTo("/api/programmes/" + NEV_PROGRAMME + "/alignment.xlsx?jobGroupId=nev-intelligent-service");
		assertThat(browser.byTest("export-matrix-xlsx").getDomAttribute("href"))
			.isEqualTo("/api/programmes/" + NEV_PROGRAMME + "/matrix.xlsx");

		browser.choose("target-picker", "cert:cert-1x-nev-assembly-test-mid");
		browser.settleAt("#/programme/" + NEV_PROGRAMME + "?target=cert:cert-1x-nev-assembly-test-mid");
		assertAlignment(Map.of("certificateId", "cert-1x-nev-assembly-test-mid"));
		browser.screenshot("05-programme-alignment-certificate");

		// A gap leads to its trace.
		browser.open("#/programme/" + NEV_PROGRAMME);
		WebElement firstGap = browser.driver.findElement(By.cssSelector("[data-test='gap-table'] tbody tr a[data-point]"));
		String pointId = firstGap.getDomAttribute("data-point");
		firstGap.click();
		browser.settleAt("#/trace/" + pointId + "?programme=" + NEV_PROGRAMME);
		assertThat(browser.byTest("trace-point").getText()).contains(pointId);
	}

	private void assertAlignment(Map<String, Object> target) {
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("id", NEV_PROGRAMME);
		variables.put("target", target);
		Map<String, Object> data = query("""
				query alignment($id: ID!, $target: AlignmentTarget) {
				  coverage(programId: $id, target: $target) {
				    overall { ratio weightedRatio } skills { ratio } knowledge { ratio }
				    byBlock { block share { ratio weightedRatio } } byJob { job { id } share { ratio weightedRatio } } }
				  gaps(programId: $id, target: $target) { kind point { id } }
				  orphans(programId: $id, target: $target) { point { id } } }
				""", variables);

		assertThat(browser.text("overall-ratio")).isEqualTo(pct(doubleAt(data, "coverage.overall.ratio")));
		assertThat(browser.text("weighted-ratio")).isEqualTo(pct(doubleAt(data, "coverage.overall.weightedRatio")));
		assertThat(browser.text("skills-ratio")).isEqualTo(pct(doubleAt(data, "coverage.skills.ratio")));
		assertThat(browser.text("knowledge-ratio")).isEqualTo(pct(doubleAt(data, "coverage.knowledge.ratio")));
		List<Map<String, Object>> gaps = listAt(data, "gaps");
		assertThat(browser.number("gap-count")).isEqualTo(gaps.size());
		assertThat(browser.number("orphan-count")).isEqualTo(listAt(data, "orphans").size());
		if (!gaps.isEmpty()) {
			assertThat(browser.all("[data-test='gap-table'] tbody tr").stream().map(row -> row.getDomAttribute("data-kind")).toList())
				.containsExactlyElementsOf(gaps.stream().map(g -> (String) g.get("kind")).toList());
			assertThat(browser.all("[data-test='gap-table'] a[data-point]").stream()
				.map(a -> a.getDomAttribute("href")).toList())
				.allSatisfy(href -> assertThat(href).startsWith("#/trace/"));
		}
		for (Map<String, Object> block : listAt(data, "coverage.byBlock")) {
			WebElement row = browser.byTest("block-table").findElement(By.cssSelector("tr[data-key='" + block.get("block") + "']"));
			assertThat(row.findElement(By.cssSelector("[data-test='ratio']")).getText()).isEqualTo(pct(doubleAt(block, "share.ratio")));
			assertThat(row.findElement(By.cssSelector("[data-test='weighted']")).getText())
				.isEqualTo(pct(doubleAt(block, "share.weightedRatio")));
		}
		List<Map<String, Object>> byJob = listAt(data, "coverage.byJob");
		assertThat(browser.all("[data-test='job-table'] tbody tr")).hasSize(byJob.size());
		for (Map<String, Object> job : byJob) {
			WebElement row = browser.byTest("job-table").findElement(By.cssSelector("tr[data-key='" + at(job, "job.id") + "']"));
			assertThat(row.findElement(By.cssSelector("[data-test='ratio']")).getText()).isEqualTo(pct(doubleAt(job, "share.ratio")));
		}
		assertThat(browser.all("[data-test='coverage-chart'] canvas")).isNotEmpty();
	}

	// ------------------------------------------------------------------------------------------------ matrix

	@Test
	void theCurriculumMatrixCountsTheApisCellsAndFiltersByBlockAndJob() {
		Map<String, Object> data = query("""
				query matrix($id: ID!) { curriculumMatrix(programId: $id) {
				  courses { id block } points { point { id } importance } cells { courseId pointId level } } }
				""", Map.of("id", NEV_PROGRAMME));
		List<Map<String, Object>> courses = listAt(data, "curriculumMatrix.courses");
		List<Map<String, Object>> points = listAt(data, "curriculumMatrix.points");
		List<Map<String, Object>> cells = listAt(data, "curriculumMatrix.cells");

		browser.open("#/matrix/" + NEV_PROGRAMME);
		assertMatrix(courses.size(), points.size(), cells.size());
		assertThat(browser.all("[data-test='matrix-table'] td.cell[data-level='MASTERED']"))
			.hasSize((int) cells.stream().filter(c -> "MASTERED".equals(c.get("level"))).count());
		browser.screenshot("06-curriculum-matrix");

		// By block: only the professional core's courses and their cells.
		browser.choose("matrix-block", "PROFESSIONAL_CORE");
		Set<Object> core = courses.stream().filter(c -> "PROFESSIONAL_CORE".equals(c.get("block"))).map(c -> c.get("id"))
			.collect(Collectors.toSet());
		assertMatrix(core.size(), points.size(), (int) cells.stream().filter(c -> core.contains(c.get("courseId"))).count());

		// And by job: only the points the job's standard requires.
		browser.choose("matrix-job", BATTERY_ASSEMBLER);
		Set<Object> required = listAt(query("query s($id: ID!) { jobStandard(jobId: $id) { point { id } } }",
				Map.of("id", BATTERY_ASSEMBLER)), "jobStandard").stream().map(r -> at(r, "point.id")).collect(Collectors.toSet());
		long columns = points.stream().filter(p -> required.contains(at(p, "point.id"))).count();
		long filteredCells = cells.stream().filter(c -> core.contains(c.get("courseId")) && required.contains(c.get("pointId"))).count();
		assertMatrix(core.size(), (int) columns, (int) filteredCells);

		// The filters are in the address: a bookmark opens the same matrix.
		String hash = (String) browser.js("return location.hash");
		assertThat(hash).contains("block=PROFESSIONAL_CORE", "job=" + BATTERY_ASSEMBLER);
		browser.open("#/");
		browser.open(hash);
		assertMatrix(core.size(), (int) columns, (int) filteredCells);

		// Sorted by importance, the first column is one of the most important points.
		browser.choose("matrix-cols", "importance");
		String firstColumn = browser.all("[data-test='matrix-table'] th.matrix-point").get(0).getDomAttribute("data-point");
		long highest = points.stream().filter(p -> required.contains(at(p, "point.id")))
			.mapToLong(p -> ((Number) p.get("importance")).longValue()).max().orElseThrow();
		assertThat(points.stream().filter(p -> at(p, "point.id").equals(firstColumn)).findFirst().orElseThrow().get("importance"))
			.isEqualTo((int) highest);

		// The print layout: no navigation, the table's header repeated on every page.
		browser.open("#/matrix/" + NEV_PROGRAMME);
		browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		try {
			assertThat(browser.js("return getComputedStyle(document.querySelector('.app-nav')).display")).isEqualTo("none");
			assertThat(browser.js("return getComputedStyle(document.querySelector('.matrix-scroll')).display")).isEqualTo("none");
			// The columns are split into pages of 56 points, each with the courses and the header again.
			List<WebElement> pages = browser.all("[data-test='matrix-print-table']");
			assertThat(pages).hasSize((points.size() + 55) / 56);
			for (WebElement page : pages) {
				assertThat(browser.js("return getComputedStyle(arguments[0].querySelector('thead')).display", page))
					.isEqualTo("table-header-group");
				assertThat(page.findElements(By.cssSelector("tbody tr"))).hasSize(courses.size());
			}
			assertThat(browser.all("[data-test='matrix-print-table'] th.matrix-point")).hasSize(points.size());
			browser.screenshot("07-curriculum-matrix-print");
		}
		finally {
			browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		}
		browser.pdf("07-curriculum-matrix-print");
	}

	private void assertMatrix(int courses, int points, int cells) {
		assertThat(browser.number("matrix-courses")).isEqualTo(courses);
		assertThat(browser.number("matrix-points")).isEqualTo(points);
		assertThat(browser.number("matrix-cells")).isEqualTo(cells);
		assertThat(browser.all("[data-test='matrix-table'] tbody tr")).hasSize(courses);
		assertThat(browser.all("[data-test='matrix-table'] th.matrix-point")).hasSize(points);
		assertThat(browser.all("[data-test='matrix-table'] td.cell[data-level]")).hasSize(cells);
	}

	@Test
	void aMatrixOfFortyCoursesAndThreeHundredPointsKeepsItsHeadersInView() {
		Map<String, Object> saved = query("""
				mutation save($input: SaveProgrammeInput!) { saveProgramme(input: $input) { outcome errors { path message } } }
				""", Map.of("input", largeProgramme(40, 300)));
		assertThat(listAt(saved, "saveProgramme.errors")).isEmpty();
		Map<String, Object> data = query("""
				query matrix($id: ID!) { curriculumMatrix(programId: $id) { courses { id } points { point { id } } cells { level } } }
				""", Map.of("id", LARGE_PROGRAMME));
		assertThat(listAt(data, "curriculumMatrix.courses")).hasSize(40);
		assertThat(listAt(data, "curriculumMatrix.points")).hasSize(300);

		browser.open("#/matrix/" + LARGE_PROGRAMME);
		assertMatrix(40, 300, listAt(data, "curriculumMatrix.cells").size());
		assertThat(((Number) browser.js("return document.querySelector('[data-test=matrix-table] td.cell').getBoundingClientRect().width"))
			.doubleValue()).as("a compact cell").isLessThanOrEqualTo(26);

		// Scrolled to the far corner, the point names and the course names are still in view.
		WebElement scroller = browser.driver.findElement(By.cssSelector(".matrix-scroll"));
		browser.js("window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY - 64); "
				+ "arguments[0].scrollTop = arguments[0].scrollHeight; arguments[0].scrollLeft = arguments[0].scrollWidth", scroller);
		assertThat(((Number) browser.js("""
				const box = arguments[0].getBoundingClientRect();
				const names = document.querySelector('[data-test=matrix-table] thead th.matrix-point:last-child').getBoundingClientRect();
				return names.top - box.top;
				""", scroller)).doubleValue()).as("the header row sticks to the top").isBetween(-1.0, 2.0);
		assertThat(((Number) browser.js("""
				const box = arguments[0].getBoundingClientRect();
				const course = document.querySelector('[data-test=matrix-table] tbody tr:last-child th').getBoundingClientRect();
				return course.left - box.left;
				""", scroller)).doubleValue()).as("the course column sticks to the left").isBetween(-1.0, 2.0);
		browser.viewportScreenshot("17-curriculum-matrix-40x300");

		// Printed: six pages of at most 56 points.
		browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		try {
			assertThat(browser.all("[data-test='matrix-print-table']")).hasSize(6);
		}
		finally {
			browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		}
	}

	/** A programme document with many courses, each teaching its share of new points (two courses a point). */
	private static Map<String, Object> largeProgramme(int courseCount, int pointCount) {
		String[] blocks = { "PUBLIC_FOUNDATION", "PROFESSIONAL_CORE", "INDUSTRY_FEATURE", "PRACTICE_TRAINING" };
		String[] levels = { "INTRODUCED", "REINFORCED", "MASTERED" };
		List<Map<String, Object>> courses = new ArrayList<>();
		for (int c = 0; c < courseCount; c++) {
			List<Map<String, Object>> teaches = new ArrayList<>();
			for (int p = 0; p < pointCount; p++) {
				if (p % courseCount == c || (p * 7 + 3) % courseCount == c) {
					teaches.add(Map.of("kind", p % 3 == 0 ? "KNOWLEDGE" : "SKILL", "name", String.format("大矩阵测试能力点%03d", p),
							"level", levels[(p + c) % 3], "hours", 2));
				}
			}
			courses.add(Map.of("id", String.format("c-e2e-large-%02d", c), "name", String.format("大矩阵测试课程%02d", c),
					"block", blocks[c * blocks.length / courseCount], "hours", 32, "teaches", teaches));
		}
		return Map.of("school", Map.of("id", "sch-e2e", "name", "浏览器测试学院"),
				"programme", Map.of("id", LARGE_PROGRAMME, "code", "460799", "name", "大矩阵测试专业", "level", "HIGHER_VOCATIONAL"),
				"courses", courses);
	}

	// ------------------------------------------------------------------------------------------------ trace

	@Test
	void theTraceShowsWhoNeedsAPointAndWhoTeachesItWithAndWithoutAProgramme() {
		browser.open("#/trace/" + INSULATION_TEST);
		assertTrace(null);
		browser.screenshot("08-trace");

		browser.choose("trace-programme", NEV_PROGRAMME);
		browser.settleAt("#/trace/" + INSULATION_TEST + "?programme=" + NEV_PROGRAMME);
		assertTrace(NEV_PROGRAMME);

		// Finding another point by name leads to its trace.
		browser.open("#/trace");
		WebElement find = browser.byTest("trace-find");
		find.sendKeys("绝缘电阻检测", Keys.ENTER);
		browser.settleAt("#/trace?q=" + encoded("绝缘电阻检测"));
		browser.driver.findElement(By.cssSelector("a[href^='#/trace/" + INSULATION_TEST + "']")).click();
		browser.settleAt("#/trace/" + INSULATION_TEST);
	}

	private void assertTrace(String programmeId) {
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("id", INSULATION_TEST);
		variables.put("programme", programmeId);
		Map<String, Object> trace = query("""
				query trace($id: ID!, $programme: ID) { trace(pointId: $id, programId: $programme) {
				  point { name } enterprises { id } jobs { id } tasks { id } courses { course { id } }
				  textbooks { id } certificates { certificate { id } } trainingBases { id } } }
				""", variables);

		assertThat(browser.byTest("trace-point").getText()).contains((String) at(trace, "trace.point.name"));
		Map<String, String> groups = Map.of("enterprises", "enterprises", "jobs", "jobs", "tasks", "tasks", "courses", "courses",
				"textbooks", "textbooks", "certificates", "certificates", "bases", "trainingBases");
		int items = 0;
		for (Map.Entry<String, String> group : groups.entrySet()) {
			int expected = listAt(trace, "trace." + group.getValue()).size();
			assertThat(browser.number("trace-count-" + group.getKey())).as(group.getKey()).isEqualTo(expected);
			assertThat(browser.all("[data-group='" + group.getKey() + "'] .trace-item")).hasSize(expected);
			items += expected;
		}
		// One connector per item, from its side to the point in the middle.
		assertThat(browser.all("svg.trace-links path")).hasSize(items);
	}

	// ------------------------------------------------------------------------------------------------ walk

	@Test
	void aNewUserWalksFromAJobsMapToAProgrammesGapsToOnePointsTraceByClicksAlone() {
		browser.open("#/job/" + BATTERY_ASSEMBLER);
		browser.settle();
		Map<String, Object> serving = query("""
				query serving($jobId: ID!) { programmes(filter: {jobId: $jobId}) { edges { node { id } } } }
				""", Map.of("jobId", BATTERY_ASSEMBLER));
		List<Object> programmeIds = listAt(serving, "programmes.edges").stream().map(e -> at(e, "node.id")).toList();
		assertThat(browser.all("[data-test='job-programmes'] a[data-programme]")).hasSize(programmeIds.size());

		browser.driver.findElement(By.cssSelector("[data-test='job-programmes'] a[data-programme='" + NEV_PROGRAMME + "']"))
			.click();
		browser.settleAt("#/programme/" + NEV_PROGRAMME);
		Map<String, Object> gaps = query("""
				query gaps($id: ID!) { gaps(programId: $id) { point { id } } }
				""", Map.of("id", NEV_PROGRAMME));
		String firstGap = (String) at(listAt(gaps, "gaps").get(0), "point.id");

		browser.driver.findElement(By.cssSelector("a[data-point='" + firstGap + "']")).click();
		browser.settleAt("#/trace/" + firstGap + "?programme=" + NEV_PROGRAMME);
		assertThat(browser.byTest("trace-point").getText()).isNotBlank();
		browser.screenshot("18-walk-job-to-gap-trace");
	}

	// ------------------------------------------------------------------------------------------------ search

	@Test
	void searchFindsWhatTheApiFindsForChineseAndEnglishWords() {
		browser.open("#/search");
		browser.byTest("search-input").sendKeys("绝缘", Keys.ENTER);
		browser.settleAt("#/search?q=" + encoded("绝缘"));
		List<Map<String, Object>> hits = search("绝缘");
		assertThat(hits).isNotEmpty();
		assertThat(browser.byTest("search-count").getDomAttribute("data-count")).isEqualTo(String.valueOf(hits.size()));
		assertThat(browser.all("[data-test='search-hits'] li").stream().map(li -> li.getDomAttribute("data-id")).toList())
			.containsExactlyElementsOf(hits.stream().map(h -> (String) h.get("id")).toList());
		browser.screenshot("09-search");

		// Only the skills.
		long skills = hits.stream().filter(h -> "SKILL".equals(h.get("kind"))).count();
		browser.driver.findElement(By.cssSelector(".chips a[data-kind='SKILL']")).click();
		browser.settleAt("#/search?q=" + encoded("绝缘") + "&kind=SKILL");
		assertThat(browser.all("[data-test='search-hits'] li")).hasSize((int) skills);

		// English words.
		browser.open("#/search?q=battery");
		List<Map<String, Object>> english = search("battery");
		assertThat(browser.byTest("search-count").getDomAttribute("data-count")).isEqualTo(String.valueOf(english.size()));
		assertThat(english).extracting(h -> h.get("kind")).contains("JOB", "COURSE", "SKILL");

		// Every kind of hit leads to its view.
		browser.open("#/search?q=" + encoded("机器人"));
		List<Map<String, Object>> robots = search("机器人");
		assertThat(robots).extracting(h -> h.get("kind")).contains("JOB", "PROGRAMME", "COURSE", "SKILL", "KNOWLEDGE");
		assertThat(browser.byTest("search-count").getDomAttribute("data-count")).isEqualTo(String.valueOf(robots.size()));
		assertThat(browser.driver.findElement(By.cssSelector("[data-test='search-hits'] li[data-kind='PROGRAMME'] a"))
			.getDomAttribute("href")).startsWith("#/programme/");
		assertThat(browser.driver.findElement(By.cssSelector("[data-test='search-hits'] li[data-kind='KNOWLEDGE'] a"))
			.getDomAttribute("href")).startsWith("#/trace/");
		WebElement course = browser.driver.findElement(By.cssSelector("[data-test='search-hits'] li[data-kind='COURSE'] a"));
		assertThat(course.getDomAttribute("href")).startsWith("#/matrix/");
		browser.driver.findElement(By.cssSelector("[data-test='search-hits'] li[data-kind='JOB'] a")).click();
		browser.waitUntil("the job opens", () -> ((String) browser.js("return location.hash")).startsWith("#/job/"));
		browser.settle();
	}

	private List<Map<String, Object>> search(String text) {
		return listAt(query("query s($text: String!) { search(text: $text, first: 50) { id kind } }", Map.of("text", text)), "search");
	}

	// ------------------------------------------------------------------------------------------------ submit

	@Test
	void submittingShowsEveryProblemWhereItIsOrWhatWasMatchedAndCreated() throws Exception {
		browser.signIn("demo-enterprise2");
		browser.open("#/submit");

		// A bad document: the same problems as the API reports, each next to its place; nothing written.
		Path bad = resource("web/bad-work-tasks.json");
		browser.byTest("submit-file").sendKeys(bad.toString());
		browser.waitUntil("the preview", () -> browser.byTest("submit-preview").isDisplayed());
		browser.byTest("submit-button").click();
		waitForSubmission();
		assertThat(browser.byTest("submit-result").getDomAttribute("data-outcome")).isEqualTo("REJECTED");
		Map<String, Object> rejected = query("""
				mutation submit($input: SubmitWorkTasksInput!) { submitWorkTasks(input: $input) { outcome errors { path code } } }
				""", Map.of("input", json(bad)));
		List<Map<String, Object>> errors = listAt(rejected, "submitWorkTasks.errors");
		assertThat(browser.number("problem-count")).isEqualTo(errors.size());
		assertThat(browser.all("[data-test='problem-table'] tbody tr").stream().map(tr -> tr.getDomAttribute("data-path")).toList())
			.containsExactlyInAnyOrderElementsOf(errors.stream().map(e -> (String) e.get("path")).toList());
		assertThat(browser.driver.findElement(By.cssSelector("li.doc-node[data-path='projects[0].tasks[0]'] > .doc-problems")).getText())
			.contains("projects[0].tasks[0].importance", "projects[0].tasks[0].difficulty");
		assertThat(browser.driver.findElement(By.cssSelector("li.doc-node[data-path='projects[0].tasks[0].steps[0]'] > .doc-problems")).getText())
			.contains("projects[0].tasks[0].steps[0].name");
		assertThat(browser.driver.findElement(By.cssSelector("li.doc-node[data-path=''] > .doc-problems")).getText()).contains("jobId");
		assertThat(intAt(query("{ submissions(filter: {enterpriseId: \"ent-ah-ev-service\", jobId: \"no-such-job\"}) { totalCount } }", Map.of()),
				"submissions.totalCount")).isZero();
		browser.screenshot("10-submit-rejected");

		// A good document: stored, with the points it matched and created.
		browser.byTest("submit-file").sendKeys(resource("web/good-work-tasks.json").toString());
		browser.waitUntil("the new file is read", () -> browser.byTest("submit-result").getDomAttribute("data-state") == null);
		browser.byTest("submit-button").click();
		waitForSubmission();
		assertThat(browser.byTest("submit-result").getDomAttribute("data-outcome")).isEqualTo("CREATED");
		Map<String, Object> stored = query("""
				{ submissions(filter: {enterpriseId: "ent-ah-ev-service", jobId: "nev-vehicle-assembler"}) {
				    totalCount edges { node { id version status } } } }
				""", Map.of());
		assertThat(intAt(stored, "submissions.totalCount")).isEqualTo(1);
		assertThat(browser.byTest("submit-result").getText()).contains((String) at(listAt(stored, "submissions.edges").get(0), "node.id"));
		assertThat(browser.number("matched-count")).isEqualTo(3);
		List<String> created = browser.all("[data-test='created-list'] li").stream().map(li -> li.getDomAttribute("data-id")).toList();
		assertThat(browser.number("created-count")).isEqualTo(created.size()).isEqualTo(2);
		for (String id : created) {
			Map<String, Object> point = query("query p($id: ID!) { skill(id: $id) { id } knowledgePoint(id: $id) { id } }", Map.of("id", id));
			assertThat(point.get("skill") != null || point.get("knowledgePoint") != null).as(id).isTrue();
		}
		browser.screenshot("11-submit-accepted");
	}

	@Test
	void aFilledSpreadsheetTemplateIsSubmittedFromThePageWithItsProblemsBySheetRowAndColumn() throws Exception {
		browser.signIn("demo-enterprise2");
		browser.open("#/submit");
		String templateLink = browser.byTest("template-work-tasks").getDomAttribute("href");
		byte[] template = java.net.http.HttpClient.newHttpClient().send(org.abilitymap.support.TestSystemActor.request(
				java.net.URI.create("http://localhost:" + port + "/" + templateLink)).build(),
				java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
		Map<String, Object> cells = new java.util.LinkedHashMap<>(Map.of("enterpriseId", "ent-ah-ev-service",
				"enterpriseName", "安徽某新能源汽车服务有限公司", "jobId", BATTERY_ASSEMBLER, "projectName", "电池包装配", "taskName",
				"模组装配", "importance", "很重要", "stepName", "模组堆叠", "skillName", "模组堆叠定位"));

		Path bad = fill(template, cells, "bad-work-tasks.xlsx");
		browser.byTest("submit-file").sendKeys(bad.toString());
		browser.waitUntil("the preview", () -> browser.byTest("submit-preview").isDisplayed());
		browser.byTest("submit-button").click();
		waitForSubmission();
		assertThat(browser.byTest("submit-result").getDomAttribute("data-outcome")).isEqualTo("REJECTED");
		assertThat(browser.all("[data-test='problem-table'] tbody tr").stream().map(tr -> tr.getDomAttribute("data-path")).toList())
			.singleElement().asString().startsWith("sheet '工作任务 WorkTasks', row 3, column").endsWith("(重要度 importance)");

		cells.put("importance", 4);
		browser.byTest("submit-file").sendKeys(fill(template, cells, "good-work-tasks.xlsx").toString());
		browser.waitUntil("the new file is read", () -> browser.byTest("submit-result").getDomAttribute("data-state") == null);
		browser.byTest("submit-button").click();
		waitForSubmission();
		assertThat(browser.byTest("submit-result").getDomAttribute("data-outcome")).isEqualTo("CREATED");
		assertThat(intAt(query("{ submissions(filter: {enterpriseId: \"ent-ah-ev-service\", jobId: \"%s\"}) { totalCount } }"
				.formatted(BATTERY_ASSEMBLER), Map.of()),
				"submissions.totalCount")).isEqualTo(1);
	}

	/** The downloaded template with one data row, written under the English headers of row 2. */
	private static Path fill(byte[] template, Map<String, Object> cells, String name) throws IOException {
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
			var sheet = workbook.getSheet("工作任务 WorkTasks");
			var row = sheet.createRow(2);
			sheet.getRow(1).forEach(header -> {
				Object value = cells.get(header.getStringCellValue());
				if (value instanceof Number number) {
					row.createCell(header.getColumnIndex()).setCellValue(number.doubleValue());
				}
				else if (value != null) {
					row.createCell(header.getColumnIndex()).setCellValue(String.valueOf(value));
				}
			});
			Path file = sheets.resolve(name);
			try (var out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
			return file;
		}
	}

	private void waitForSubmission() {
		browser.waitUntil("the answer to the submission", () -> "done".equals(browser.byTest("submit-result").getDomAttribute("data-state")));
	}

	// ------------------------------------------------------------------------------------------------ the page as a whole

	@Test
	void englishIsOneClickAwayAndRemembered() {
		browser.open("#/job/" + BATTERY_ASSEMBLER);
		browser.byTest("lang-toggle").click();
		browser.settle();

		Map<String, Object> job = query("query j($id: ID!) { job(id: $id) { nameEn } }", Map.of("id", BATTERY_ASSEMBLER));
		assertThat(browser.text("job-name")).isEqualTo(at(job, "job.nameEn"));
		assertThat(browser.driver.findElement(By.cssSelector("a[data-nav='programme'] [data-i18n]")).getText()).isEqualTo("Programme alignment");
		assertThat(browser.js("return document.documentElement.lang")).isEqualTo("en");
		assertThat(browser.driver.executeAsyncScript(
				"import('./js/i18n.js').then((i18n) => arguments[arguments.length - 1](i18n.missingKeys()))"))
			.as("labels missing in one of the two languages").isEqualTo(List.of());

		browser.driver.navigate().refresh();
		browser.settle();
		assertThat(browser.text("job-name")).isEqualTo(at(job, "job.nameEn"));
		browser.open("#/programme/" + NEV_PROGRAMME);
		assertThat(browser.view().getText()).contains("Overall coverage", "Gaps", "Orphans");
		browser.screenshot("12-programme-alignment-english");

		browser.byTest("lang-toggle").click();
		browser.settle();
		assertThat(browser.view().getText()).contains("总覆盖率");
	}

	@Test
	void onATabletTheNavigationMovesToTheTopAndNothingOverflows() {
		browser.size(768, 1024);
		for (String[] view : new String[][] { { "#/programme/" + NEV_PROGRAMME, "13-tablet-programme" },
				{ "#/matrix/" + NEV_PROGRAMME, "14-tablet-matrix" }, { "#/trace/" + INSULATION_TEST, "15-tablet-trace" },
				{ "#/job/" + BATTERY_ASSEMBLER, "16-tablet-job" } }) {
			browser.open(view[0]);
			assertThat(browser.js("return getComputedStyle(document.querySelector('.app-nav')).flexDirection")).isEqualTo("row");
			assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue())
				.as("page width of %s", view[0]).isLessThanOrEqualTo(((Number) browser.js("return window.innerWidth")).intValue());
			browser.screenshot(view[1]);
		}
	}

	@Test
	void apiErrorsAndUnknownPagesAreShownInWords() {
		browser.driver.get("http://localhost:" + port + "/#/search?q=" + "电".repeat(201));
		browser.waitUntil("the error", () -> "error".equals(browser.view().getDomAttribute("data-state")));
		assertThat(browser.byTest("error").getText()).contains("无法完成请求", "200");

		browser.driver.get("http://localhost:" + port + "/#/no-such-view");
		browser.waitUntil("the error", () -> "error".equals(browser.view().getDomAttribute("data-state")));
		assertThat(browser.byTest("error").getText()).contains("没有这个页面");

		browser.open("#/programme/no-such-programme");
		assertThat(browser.byTest("empty").getText()).contains("no-such-programme");
		browser.open("#/search?q=" + encoded("量子纠缠"));
		assertThat(browser.byTest("empty").getText()).contains("量子纠缠");
	}

	@Test
	void theKeyboardReachesTheLanguageToggleTheNavigationAndTheControlsWithAVisibleFocus() {
		browser.open("#/programme/" + NEV_PROGRAMME);
		// A fresh load, so that the keyboard starts at the top and not where the login form's focus was.
		browser.driver.navigate().refresh();
		browser.settle();
		browser.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
		Set<String> reached = new java.util.LinkedHashSet<>();
		boolean toggleOutlined = false;
		for (int i = 0; i < 20; i++) {
			new Actions(browser.driver).sendKeys(Keys.TAB).perform();
			String focused = (String) browser.js("""
					const e = document.activeElement;
					return e.dataset.test || e.dataset.nav || e.tagName.toLowerCase();
					""");
			reached.add(focused);
			if ("lang-toggle".equals(focused)) {
				toggleOutlined = "solid".equals(browser.js("return getComputedStyle(document.activeElement).outlineStyle"));
			}
		}
		assertThat(reached).contains("logout", "lang-toggle", "home", "job", "programme", "matrix", "trace", "search", "submit",
				"programme-picker", "target-picker");
		assertThat(toggleOutlined).as("the focused language toggle has a visible outline").isTrue();
	}

	// ------------------------------------------------------------------------------------------------ helpers

	/** A ratio as the page shows it: a percentage with one decimal, the thousandth rounded half up. */
	static String pct(double ratio) {
		return String.format(Locale.ROOT, "%.1f%%", Math.round(ratio * 1000) / 10.0);
	}

	private Map<String, Object> query(String document, Map<String, Object> variables) {
		return graphQl.document(document).variables(variables).execute().path("")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	@SuppressWarnings("unchecked")
	private static Object at(Map<String, Object> map, String path) {
		Object current = map;
		for (String key : path.split("\\.")) {
			current = ((Map<String, Object>) current).get(key);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> listAt(Map<String, Object> map, String path) {
		return (List<Map<String, Object>>) at(map, path);
	}

	private static int intAt(Map<String, Object> map, String path) {
		return ((Number) at(map, path)).intValue();
	}

	private static double doubleAt(Map<String, Object> map, String path) {
		return ((Number) at(map, path)).doubleValue();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> listOf(Map<String, Object> map, String key) {
		return (List<Map<String, Object>>) map.get(key);
	}

	private static List<Map<String, Object>> children(List<Map<String, Object>> parents, String key) {
		List<Map<String, Object>> all = new ArrayList<>();
		parents.forEach(parent -> all.addAll(listOf(parent, key)));
		return all;
	}

	private static List<String> texts(String css) {
		return browser.all(css).stream().map(WebElement::getText).map(String::trim).toList();
	}

	/** How the page writes a query value into its address: Chinese as the browser encodes it. */
	private static String encoded(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static Path resource(String name) throws URISyntaxException {
		return Path.of(WebPageTest.class.getClassLoader().getResource(name).toURI()).toAbsolutePath();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(Path file) throws IOException {
		return tools.jackson.databind.json.JsonMapper.builder().build().readValue(Files.readString(file), Map.class);
	}

	/** Whether the chart's node of this key is collapsed, read from the ECharts option. */
	private static Object chartNodeCollapsed(String key) {
		return browser.js("""
				const chart = echarts.getInstanceByDom(document.querySelector("[data-test='job-tree-chart']"));
				const find = (node) => node.key === arguments[0] ? node : (node.children || []).map(find).find(Boolean);
				const node = find(chart.getOption().series[0].data[0]);
				return node ? node.collapsed : null;
				""", key);
	}

	/** Clicks a node of the tree chart on its canvas, where ECharts laid it out. */
	private static void clickChartNode(String key) {
		int[] offset = chartNodeOffset(key);
		new Actions(browser.driver).moveToElement(browser.byTest("job-tree-chart"), offset[0], offset[1]).click().perform();
	}

	/** Where a node of the tree chart is, from the chart's centre (as Selenium's pointer offsets count). */
	@SuppressWarnings("unchecked")
	private static int[] chartNodeOffset(String key) {
		WebElement chart = browser.byTest("job-tree-chart");
		browser.js("arguments[0].scrollIntoView({block: 'center'})", chart);
		try {
			Thread.sleep(800); // the tree's layout animation (300 ms) has ended
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Map<String, Object> position = (Map<String, Object>) browser.js("""
				const chart = echarts.getInstanceByDom(arguments[0]);
				const data = chart.getModel().getSeriesByIndex(0).getData();
				for (let i = 0; i < data.count(); i++) {
				  const item = data.getRawDataItem(i);
				  if (item && item.key === arguments[1]) {
				    const point = data.getItemGraphicEl(i).transformCoordToGlobal(0, 0);
				    return { x: point[0], y: point[1], width: arguments[0].clientWidth, height: arguments[0].clientHeight };
				  }
				}
				return null;
				""", chart, key);
		assertThat(position).as("the chart has a node %s", key).isNotNull();
		int x = (int) Math.round(((Number) position.get("x")).doubleValue() - ((Number) position.get("width")).doubleValue() / 2);
		int y = (int) Math.round(((Number) position.get("y")).doubleValue() - ((Number) position.get("height")).doubleValue() / 2);
		return new int[] { x, y };
	}

}
