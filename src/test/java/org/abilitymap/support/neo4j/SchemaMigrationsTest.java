package org.abilitymap.support.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Liquibase Cypher migrations leave the constraints, the full-text indexes and a once-only history in the graph. */
class SchemaMigrationsTest extends GraphTestSupport {

	private static final Pattern UNIQUE_CONSTRAINT = Pattern
		.compile("CREATE CONSTRAINT \\w+ IF NOT EXISTS FOR \\(n:(\\w+)\\) REQUIRE n\\.(\\w+) IS UNIQUE");

	private static final Pattern CHANGE_SET = Pattern.compile("^-- changeset abilitymap:(\\S+)", Pattern.MULTILINE);

	@Autowired
	private SchemaMigrations migrations;

	/** A uniqueness constraint: one label, one property. */
	record Unique(String label, String property) {
	}

	@Test
	void everyUniquenessConstraintOfTheMigrationExists() throws IOException {
		List<Unique> declared = declaredUniqueConstraints();

		assertThat(declared).hasSize(14)
			.contains(new Unique("Job", "id"), new Unique("Submission", "id"), new Unique("SkillPoint", "nameKey"),
					new Unique("KnowledgePoint", "nameKey"));
		assertThat(uniqueConstraints()).containsAll(declared);
	}

	@Test
	void everyJobSideLabelHasAUniqueId() {
		List<Unique> ids = List.of("Industry", "ChainSegment", "JobGroup", "Job", "ReferenceOccupation", "Enterprise",
				"Submission", "WorkProject", "Task", "ProcessStep", "SkillPoint", "KnowledgePoint")
			.stream()
			.map(label -> new Unique(label, "id"))
			.toList();

		assertThat(uniqueConstraints()).containsAll(ids);
	}

	@Test
	void theFullTextIndexesUseTheCjkAnalyzer() {
		List<Map<String, Object>> indexes = graph.read(tx -> tx.run("""
				SHOW FULLTEXT INDEXES YIELD name, state, entityType, labelsOrTypes, properties, options
				RETURN name, state, entityType, labelsOrTypes, properties, options.indexConfig AS config ORDER BY name
				""").list(r -> r.asMap()));

		assertThat(indexes).extracting(index -> index.get("name")).contains("job_names", "point_names");
		assertThat(fullTextIndex(indexes, "point_names")).containsEntry("state", "ONLINE")
			.containsEntry("entityType", "NODE")
			.containsEntry("labelsOrTypes",
					List.of("SkillPoint", "KnowledgePoint", "StagedSkillPoint", "StagedKnowledgePoint"))
			.containsEntry("properties", List.of("name", "nameEn", "description"));
		assertThat(fullTextIndex(indexes, "job_names")).containsEntry("state", "ONLINE")
			.containsEntry("labelsOrTypes",
					List.of("Job", "JobGroup", "ReferenceOccupation", "StagedReferenceOccupation"))
			.containsEntry("properties", List.of("name", "nameEn", "description"));
		for (String name : List.of("point_names", "job_names")) {
			assertThat(config(fullTextIndex(indexes, name))).containsEntry("fulltext.analyzer", "cjk")
				.containsEntry("fulltext.eventually_consistent", false);
		}
	}

	@Test
	void theHistoryRecordsEveryChangeSetOnceEvenAfterMigratingAgain() throws IOException {
		List<String> declared = declaredChangeSets();
		assertThat(declared).contains("V001-1", "V001-2", "V002-1");
		assertThat(executedChangeSets()).containsExactlyInAnyOrderElementsOf(declared);
		List<Unique> constraints = uniqueConstraints();

		migrations.apply();

		assertThat(executedChangeSets()).containsExactlyInAnyOrderElementsOf(declared);
		assertThat(uniqueConstraints()).containsExactlyInAnyOrderElementsOf(constraints);
	}

	@Test
	void twoSkillPointsWithOneNameKeyAreRefused() {
		graph.write(tx -> tx.run("CREATE (:SkillPoint {id: 'sk-one', name: 'PLC 编程', nameKey: 'plc编程'})").consume());

		assertThatThrownBy(() -> graph.write(tx -> tx
			.run("CREATE (:SkillPoint {id: 'sk-two', name: 'ＰＬＣ编程', nameKey: 'plc编程'})").consume()))
			.isInstanceOf(ClientException.class)
			.satisfies(ex -> assertThat(((ClientException) ex).code()).endsWith("ConstraintValidationFailed"));
		assertThat(count("SkillPoint")).isEqualTo(1);
	}

	@Test
	void aKnowledgePointMayShareTheNameKeyOfASkillPoint() {
		graph.write(tx -> tx.run("""
				CREATE (:SkillPoint {id: 'sk-plc', name: 'PLC', nameKey: 'plc'}),
				       (:KnowledgePoint {id: 'kn-plc', name: 'PLC', nameKey: 'plc'})
				""").consume());

		assertThat(count("SkillPoint") + count("KnowledgePoint")).isEqualTo(2);
	}

	@Test
	void twoJobsWithOneIdAreRefused() {
		assertThatThrownBy(() -> graph.write(tx -> tx
			.run("CREATE (:Job {id: 'j-1', name: '岗位'}), (:Job {id: 'j-1', name: '另一个岗位'})").consume()))
			.isInstanceOf(ClientException.class);
		assertThat(count("Job")).isZero();
	}

	// ----- helpers

	private static List<Unique> declaredUniqueConstraints() throws IOException {
		String cypher = new ClassPathResource("cypher/migrations/V001__job_side_constraints.cypher")
			.getContentAsString(StandardCharsets.UTF_8);
		List<Unique> declared = new ArrayList<>();
		Matcher matcher = UNIQUE_CONSTRAINT.matcher(cypher);
		while (matcher.find()) {
			declared.add(new Unique(matcher.group(1), matcher.group(2)));
		}
		return declared;
	}

	/** Ids of the change sets in every Cypher change log under {@code cypher/migrations/}. */
	private static List<String> declaredChangeSets() throws IOException {
		List<String> declared = new ArrayList<>();
		for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:cypher/migrations/*.cypher")) {
			Matcher matcher = CHANGE_SET.matcher(file.getContentAsString(StandardCharsets.UTF_8));
			while (matcher.find()) {
				declared.add(matcher.group(1));
			}
		}
		return declared;
	}

	/** Every single-label, single-property uniqueness constraint in the database. */
	private List<Unique> uniqueConstraints() {
		return graph.read(tx -> tx.run("""
				SHOW CONSTRAINTS YIELD type, entityType, labelsOrTypes, properties
				WHERE type = 'UNIQUENESS' AND entityType = 'NODE' AND size(labelsOrTypes) = 1 AND size(properties) = 1
				RETURN labelsOrTypes[0] AS label, properties[0] AS property
				""").list(r -> new Unique(r.get("label").asString(), r.get("property").asString())));
	}

	/** Ids of the change sets Liquibase recorded, one entry per history node. */
	private List<String> executedChangeSets() {
		return graph.read(tx -> tx.run("MATCH (c:__LiquibaseChangeSet) RETURN c.id AS id")
			.list(r -> r.get("id").asString()));
	}

	private static Map<String, Object> fullTextIndex(List<Map<String, Object>> indexes, String name) {
		return indexes.stream().filter(index -> name.equals(index.get("name"))).findFirst().orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> config(Map<String, Object> index) {
		return (Map<String, Object>) index.get("config");
	}
}
