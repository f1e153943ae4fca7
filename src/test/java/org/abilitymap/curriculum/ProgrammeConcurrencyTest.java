package org.abilitymap.curriculum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.abilitymap.alignment.AlignmentFixture;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.TestSystemActor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent edits of one programme lose nothing: part edits run one after the other on the document the previous
 * one saved, and a whole document based on an old version is refused with CONFLICT instead of undoing newer ones.
 */
class ProgrammeConcurrencyTest extends GraphTestSupport {

	private static final String PROGRAMME = AlignmentFixture.PROGRAMME;

	private static final String CORE_COURSE = "al-c-core";

	private static final String SAVE = """
			mutation save($input: SaveProgrammeInput!) {
			  saveProgramme(input: $input) { outcome version programme { version } errors { path code message } }
			}
			""";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ProgrammeEdits edits;

	@Autowired
	private JsonMapper jsonMapper;

	private AlignmentFixture fixture;

	/** Both fixture programmes at version 1; al-prg has four courses, al-c-core teaching four points. */
	@BeforeEach
	void programmes() {
		fixture = new AlignmentFixture(jobDocuments, json, graphQlTester);
		fixture.loadAll();
	}

	@Test
	void sixteenConcurrentEditsOfDifferentPartsAllLandAsConsecutiveVersions() throws Exception {
		List<Callable<ProgrammeSaveResult>> work = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Map<String, Object> course = new LinkedHashMap<>(Map.of("id", "cc-course-" + i, "name", "并发课程" + i,
					"block", "INDUSTRY_FEATURE", "hours", 10 + i,
					"teaches", List.of(Map.of("pointId", "al-kn-a", "level", "INTRODUCED", "hours", 1))));
			work.add(() -> edits.saveCourse(PROGRAMME, course));
			Map<String, Object> teaching = new LinkedHashMap<>(Map.of("pointId", "cc-kn-" + i, "kind", "KNOWLEDGE",
					"name", "并发知识点" + i, "level", "REINFORCED", "hours", 2));
			work.add(() -> edits.setCourseTeaching(PROGRAMME, CORE_COURSE, teaching));
		}

		List<ProgrammeSaveResult> results = runTogether(work);

		assertThat(results).extracting(ProgrammeSaveResult::outcome)
			.containsOnly(ProgrammeSaveResult.Outcome.NEW_VERSION);
		// version 1 is the fixture's; each of the 16 edits wrote one of 2..17
		assertThat(results).extracting(ProgrammeSaveResult::version)
			.containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(2, 17).boxed().toList());
		assertThat(programmeVersion()).isEqualTo(17);
		assertThat(revisionVersions()).containsExactlyElementsOf(IntStream.rangeClosed(1, 17).boxed().toList());
		// the fixture's four courses and the eight new ones
		assertThat(courseIds()).hasSize(12)
			.contains("al-c-found", "al-c-core", "al-c-feature", "al-c-practice")
			.containsAll(IntStream.range(0, 8).mapToObj(i -> "cc-course-" + i).toList());
		// al-c-core taught al-sk-a, al-sk-b, al-sk-e and al-kn-e, and now the eight new points too
		assertThat(pointsTaughtBy(CORE_COURSE)).hasSize(12)
			.contains("al-sk-a", "al-sk-b", "al-sk-e", "al-kn-e")
			.containsAll(IntStream.range(0, 8).mapToObj(i -> "cc-kn-" + i).toList());
		assertThat(count("Course")).isEqualTo(12 + coursesOf(AlignmentFixture.PROGRAMME_2));
	}

	@Test
	void concurrentEditsOfTheSamePartApplyInTheOrderOfTheirVersions() throws Exception {
		List<Callable<ProgrammeSaveResult>> work = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			// hours 11..18: each edit is told apart by the hours it sets on the same teaching entry
			Map<String, Object> teaching = new LinkedHashMap<>(Map.of("pointId", "al-sk-a", "level", "MASTERED",
					"hours", 11 + i));
			work.add(() -> edits.setCourseTeaching(PROGRAMME, CORE_COURSE, teaching));
		}

		List<ProgrammeSaveResult> results = runTogether(work);

		assertThat(results).extracting(ProgrammeSaveResult::version)
			.containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(2, 9).boxed().toList());
		// the version each edit answered with is the one holding its hours: it wrote that version
		for (int i = 0; i < results.size(); i++) {
			assertThat(coreHoursOfAlSkAInRevision(results.get(i).version())).as("edit %d", i).isEqualTo(11L + i);
		}
		// the live graph is the last version's document: the edit that got version 9 applied last
		int last = IntStream.range(0, results.size()).filter(i -> results.get(i).version() == 9).findFirst().orElseThrow();
		List<Long> liveHours = graph.read(tx -> tx.run("""
				MATCH (:Course {id: $course})-[t:TEACHES]->(:SkillPoint {id: 'al-sk-a'})
				RETURN collect(t.hours) AS hours
				""", Map.of("course", CORE_COURSE)).single().get("hours").asList(v -> v.asLong()));
		assertThat(liveHours).containsExactly(11L + last);
		assertThat(pointsTaughtBy(CORE_COURSE)).containsExactlyInAnyOrder("al-sk-a", "al-sk-b", "al-sk-e", "al-kn-e");
	}

	@Test
	void aDocumentBasedOnTheCurrentVersionIsSavedAndOneBasedOnAnOlderVersionIsRefused() {
		Map<String, Object> first = renamedCore("电池装配技术（第二版）");
		first.put("baseVersion", 1);
		graphQlTester.document(SAVE).variable("input", first).execute()
			.path("saveProgramme.errors").entityList(Object.class).hasSize(0)
			.path("saveProgramme.outcome").entity(String.class).isEqualTo("NEW_VERSION")
			.path("saveProgramme.version").entity(Integer.class).isEqualTo(2);
		List<String> before = fingerprint();

		Map<String, Object> stale = renamedCore("电池装配技术（另一版）");
		stale.put("baseVersion", 1);
		var refused = graphQlTester.document(SAVE).variable("input", stale).execute();

		refused.path("saveProgramme.outcome").valueIsNull()
			.path("saveProgramme.version").valueIsNull()
			.path("saveProgramme.errors[*].path").entityList(String.class).containsExactly("baseVersion")
			.path("saveProgramme.errors[0].code").entity(String.class).isEqualTo("CONFLICT")
			.path("saveProgramme.errors[0].message").entity(String.class)
			.satisfies(m -> assertThat(m).contains("version 1").contains("current version is 2"));
		assertThat(fingerprint()).isEqualTo(before);
		assertThat(courseName(CORE_COURSE)).isEqualTo("电池装配技术（第二版）");
	}

	@Test
	@SuppressWarnings("unchecked")
	void overRestAStaleBaseVersionIsRefusedWith409AndTheSameDocumentAgainIsUnchanged() {
		Map<String, Object> first = renamedCore("电池装配技术（第二版）");
		first.put("baseVersion", 1);
		Response saved = post(first);
		assertThat(saved.status()).isEqualTo(201);
		assertThat(saved.body()).containsEntry("outcome", "NEW_VERSION").containsEntry("version", 2);
		List<String> before = fingerprint();

		Map<String, Object> stale = renamedCore("电池装配技术（另一版）");
		stale.put("baseVersion", 1);
		Response refused = post(stale);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("errors")).asList().hasSize(1).first()
			.satisfies(e -> assertThat((Map<String, Object>) e).containsEntry("path", "baseVersion")
				.containsEntry("code", "CONFLICT"));
		assertThat(fingerprint()).isEqualTo(before);

		// the request that wrote version 2, sent again, changes nothing: it is the current document
		Response again = post(first);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).containsEntry("outcome", "UNCHANGED").containsEntry("version", 2);
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void aBaseVersionThatIsNoWholeNumberIsReportedWithTheDocumentsOtherProblems() {
		List<String> before = fingerprint();
		Map<String, Object> document = renamedCore("");
		document.put("baseVersion", "one");

		Response refused = post(document);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().get("errors")).asList()
			.extracting(e -> ((Map<?, ?>) e).get("path") + " " + ((Map<?, ?>) e).get("code"))
			.containsExactlyInAnyOrder("baseVersion WRONG_TYPE", "courses[1].name EMPTY");
		assertThat(fingerprint()).isEqualTo(before);
	}

	/** Runs every task on a thread of its own, all released at once, each acting as the system as the tests do. */
	private static <T> List<T> runTogether(List<Callable<T>> work) throws Exception {
		SecurityContext system = SecurityContextHolder.getContext();
		ExecutorService pool = Executors.newFixedThreadPool(work.size());
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : work) {
				futures.add(pool.submit(() -> {
					SecurityContextHolder.setContext(system);
					try {
						start.await();
						return task.call();
					}
					finally {
						SecurityContextHolder.clearContext();
					}
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(2, TimeUnit.MINUTES));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** The fixture's programme document with the core course renamed. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> renamedCore(String name) {
		Map<String, Object> document = fixture.document("programme.json");
		((List<Map<String, Object>>) document.get("courses")).get(1).put("name", name);
		return document;
	}

	private int programmeVersion() {
		return graph.read(tx -> tx.run("MATCH (p:Programme {id: $id}) RETURN p.version AS v", Map.of("id", PROGRAMME))
			.single().get("v").asInt());
	}

	private List<Integer> revisionVersions() {
		return graph.read(tx -> tx.run("""
				MATCH (:Programme {id: $id})-[:HAS_REVISION]->(r) RETURN r.version AS v ORDER BY v
				""", Map.of("id", PROGRAMME)).list(r -> r.get("v").asInt()));
	}

	private List<String> courseIds() {
		return graph.read(tx -> tx.run("MATCH (:Programme {id: $id})-[:HAS_COURSE]->(c) RETURN c.id AS id",
				Map.of("id", PROGRAMME)).list(r -> r.get("id").asString()));
	}

	private long coursesOf(String programmeId) {
		return graph.read(tx -> tx.run("MATCH (:Programme {id: $id})-[:HAS_COURSE]->(c) RETURN count(c) AS n",
				Map.of("id", programmeId)).single().get("n").asLong());
	}

	private List<String> pointsTaughtBy(String courseId) {
		return graph.read(tx -> tx.run("MATCH (:Course {id: $id})-[:TEACHES]->(p) RETURN p.id AS id",
				Map.of("id", courseId)).list(r -> r.get("id").asString()));
	}

	private String courseName(String courseId) {
		return graph.read(tx -> tx.run("MATCH (c:Course {id: $id}) RETURN c.name AS name", Map.of("id", courseId))
			.single().get("name").asString());
	}

	/** The hours al-c-core teaches al-sk-a with, in the stored document of one version. */
	@SuppressWarnings("unchecked")
	private long coreHoursOfAlSkAInRevision(int version) {
		String document = graph.read(tx -> tx.run("""
				MATCH (:Programme {id: $id})-[:HAS_REVISION]->(r {version: $version}) RETURN r.source AS source
				""", Map.of("id", PROGRAMME, "version", version)).single().get("source").asString());
		Map<String, Object> parsed = jsonMapper.readValue(document, LinkedHashMap.class);
		List<Map<String, Object>> courses = (List<Map<String, Object>>) parsed.get("courses");
		Map<String, Object> core = courses.stream().filter(c -> CORE_COURSE.equals(c.get("id"))).findFirst().orElseThrow();
		return ((List<Map<String, Object>>) core.get("teaches")).stream()
			.filter(t -> "al-sk-a".equals(t.get("pointId")))
			.map(t -> ((Number) t.get("hours")).longValue())
			.reduce((a, b) -> {
				throw new AssertionError("al-sk-a is taught twice in version " + version);
			})
			.orElseThrow();
	}

	private record Response(int status, Map<String, Object> body) {
	}

	@SuppressWarnings("unchecked")
	private Response post(Map<String, Object> document) {
		HttpRequest request = TestSystemActor.request(URI.create("http://localhost:" + port + "/api/programmes"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(jsonMapper.writeValueAsString(document), StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), (Map<String, Object>) json.parse(response.body()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
