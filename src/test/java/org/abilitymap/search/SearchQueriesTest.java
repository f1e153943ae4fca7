package org.abilitymap.search;

import java.util.List;
import java.util.Map;

import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.abilitymap.support.GraphQlAssertions.badRequest;
import static org.assertj.core.api.Assertions.assertThat;

/** The one-box {@code search} over jobs, programmes, courses and points through GraphQL, Chinese and English. */
class SearchQueriesTest extends GraphTestSupport {

	private static final String SEARCH = """
			query search($text: String!, $first: Int) {
			  search(text: $text, first: $first) { id kind name nameEn programmeId score }
			}
			""";

	@BeforeEach
	void graphWithJobsProgrammeAndPoints() {
		loadCatalog();
		jobDocuments.importDocument(document("submission-a.json"));
		jobDocuments.importDocument(document("submission-b.json"));
		jobDocuments.importDocument(document("submission-c.json"));
		jobDocuments.importDocument(document("search-programme.json"));
		approveAllSubmissions();
	}

	@Test
	void chineseTextFindsJobsProgrammesCoursesAndPointsBestFirst() {
		List<Hit> hits = search("电池", 20);

		assertThat(hits).extracting(Hit::id)
			.contains("t-battery-assembler", "t-prg-battery", "t-c-pack", "t-kn-insulation-limits");
		assertThat(hits).filteredOn(hit -> hit.id().equals("t-battery-assembler")).singleElement()
			.satisfies(hit -> {
				assertThat(hit.kind()).isEqualTo(SearchKind.JOB);
				assertThat(hit.name()).isEqualTo("动力电池装配员");
				assertThat(hit.nameEn()).isEqualTo("Battery pack assembler");
			});
		assertThat(hits).filteredOn(hit -> hit.id().equals("t-prg-battery")).extracting(Hit::kind)
			.containsExactly(SearchKind.PROGRAMME);
		assertThat(hits).filteredOn(hit -> hit.id().equals("t-kn-insulation-limits")).extracting(Hit::kind)
			.containsExactly(SearchKind.KNOWLEDGE);
		assertThat(hits).extracting(Hit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		assertThat(hits).extracting(Hit::id).doesNotContain("t-data-annotator", "t-c-english", "t-sk-bbox");
	}

	@Test
	void aCourseHitNamesItsProgramme() {
		assertThat(search("装配与检测", 20)).filteredOn(hit -> hit.id().equals("t-c-pack")).singleElement()
			.satisfies(hit -> {
				assertThat(hit.kind()).isEqualTo(SearchKind.COURSE);
				assertThat(hit.programmeId()).isEqualTo("t-prg-battery");
			});
		assertThat(search("电池", 20)).filteredOn(hit -> hit.kind() != SearchKind.COURSE)
			.allSatisfy(hit -> assertThat(hit.programmeId()).isNull());
	}

	@Test
	void englishTextMatchesEnglishNamesWhateverTheCase() {
		assertThat(search("BATTERY", 20)).extracting(Hit::id)
			.contains("t-battery-assembler", "t-prg-battery", "t-c-pack");
		assertThat(search("insulation", 20)).extracting(Hit::id, Hit::kind)
			.contains(org.assertj.core.groups.Tuple.tuple("t-sk-insulation", SearchKind.SKILL));
	}

	@Test
	void skillPointsAreHitsOfKindSkill() {
		assertThat(search("绝缘电阻", 20)).filteredOn(hit -> hit.id().equals("t-sk-insulation")).singleElement()
			.satisfies(hit -> {
				assertThat(hit.kind()).isEqualTo(SearchKind.SKILL);
				assertThat(hit.name()).isEqualTo("绝缘电阻检测");
			});
	}

	@Test
	void groupsOccupationsTextbooksCertificatesAndBasesAreNotHits() {
		assertThat(search("岗位群", 20)).isEmpty(); // only job groups are named so
		assertThat(search("automotive", 20)).isEmpty(); // a reference occupation (ESCO automotive engineer)
		assertThat(search("激光焊接", 20)).isEmpty(); // a textbook's title
		assertThat(search("钎焊", 20)).isEmpty(); // a certificate
		assertThat(search("数字孪生", 20)).isEmpty(); // a training base
	}

	@Test
	void firstLimitsTheHits() {
		List<Hit> all = search("电池", 100);
		assertThat(all).hasSizeGreaterThan(2);

		assertThat(search("电池", 2)).extracting(Hit::id).containsExactlyElementsOf(all.subList(0, 2).stream()
			.map(Hit::id).toList());
	}

	@Test
	void unknownWordsFindNothing() {
		assertThat(search("量子纠缠", 20)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "电池 AND (", "AND", "OR NOT", "NOT 电池", "电池 && 检测", "!电池", "\"电池", "电池*", "电池~2",
			"a:b", "[1 TO 2]", "\\", "/" })
	void luceneSyntaxInTheTextIsSearchedForLiterally(String text) {
		graphQlTester.document(SEARCH).variables(Map.of("text", text)).execute().errors().verify();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void emptyTextIsABadRequest(String text) {
		graphQlTester.document(SEARCH).variables(Map.of("text", text)).execute().errors().satisfy(badRequest("text"));
	}

	@Test
	void overlongTextIsABadRequest() {
		graphQlTester.document(SEARCH).variables(Map.of("text", "电".repeat(201))).execute().errors()
			.satisfy(badRequest("text"));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 101 })
	void firstOutsideOneToHundredIsABadRequest(int first) {
		graphQlTester.document(SEARCH).variables(Map.of("text", "电池", "first", first)).execute().errors()
			.satisfy(badRequest("first"));
	}

	private List<Hit> search(String text, int first) {
		return graphQlTester.document(SEARCH)
			.variables(Map.of("text", text, "first", first))
			.execute()
			.path("search")
			.entityList(Hit.class)
			.get();
	}

	/** A hit as the client sees it. */
	record Hit(String id, SearchKind kind, String name, String nameEn, String programmeId, double score) {
	}
}
