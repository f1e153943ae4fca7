package org.abilitymap.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.jobs.JobCatalogImport.CatalogResult;
import org.abilitymap.support.DocumentPaths;
import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.abilitymap.documents.ProblemCode.DUPLICATE_ID;
import static org.abilitymap.documents.ProblemCode.EMPTY;
import static org.abilitymap.documents.ProblemCode.INVALID_VALUE;
import static org.abilitymap.documents.ProblemCode.REQUIRED;
import static org.abilitymap.documents.ProblemCode.UNKNOWN_FIELD;
import static org.abilitymap.documents.ProblemCode.UNKNOWN_REFERENCE;
import static org.abilitymap.documents.ProblemCode.WRONG_TYPE;
import static org.abilitymap.support.DocumentPaths.list;
import static org.abilitymap.support.DocumentPaths.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/** Job-catalogue documents: every problem is reported with its path, nothing is written then, and imports are idempotent. */
class JobCatalogValidationTest extends GraphTestSupport {

	private static final String SAVE = """
			mutation save($input: SaveJobCatalogInput!) {
			  saveJobCatalog(input: $input) {
			    industries segments referenceOccupations jobGroups jobs enterprises
			    errors { path code message }
			  }
			}
			""";

	@Autowired
	private JobCatalogImport catalogs;

	// --- references ----------------------------------------------------------------------------------------

	@Test
	void anUnknownJobGroupIsAnUnknownReference() {
		Map<String, Object> catalog = catalog();
		object(catalog, "jobs[2]").put("groupId", "t-no-group");

		assertOnlyProblem(catalog, "jobs[2].groupId", UNKNOWN_REFERENCE, "t-no-group");
		assertThat(count("Industry")).as("the valid entries before the bad one").isZero();
	}

	@Test
	void anUnknownReferenceOccupationIsReportedAtItsIndex() {
		Map<String, Object> catalog = catalog();
		list(catalog, "jobs[0].referenceOccupationIds").set(1, "t-esco-nothing");

		assertOnlyProblem(catalog, "jobs[0].referenceOccupationIds[1]", UNKNOWN_REFERENCE, "t-esco-nothing");
	}

	@Test
	void anUnknownChainSegmentOfAJobGroupIsAnUnknownReference() {
		Map<String, Object> catalog = catalog();
		list(catalog, "jobGroups[1].segmentIds").add("t-no-segment");

		assertOnlyProblem(catalog, "jobGroups[1].segmentIds[1]", UNKNOWN_REFERENCE, "t-no-segment");
	}

	@Test
	void anUnknownIndustryOfAnEnterpriseIsAnUnknownReference() {
		Map<String, Object> catalog = catalog();
		list(catalog, "enterprises[2].industryIds").set(0, "t-no-industry");

		assertOnlyProblem(catalog, "enterprises[2].industryIds[0]", UNKNOWN_REFERENCE, "t-no-industry");
	}

	@Test
	void referencesToEntriesAlreadyInTheGraphAreAccepted() {
		loadCatalog();

		CatalogResult result = catalogs.save(Map.of("jobs", List.of(Map.of("id", "t-new-job", "name", "电池检测员",
				"groupId", "t-nev-production", "referenceOccupationIds", List.of("t-esco-automotive-engineer")))));

		assertThat(result.jobs()).isEqualTo(1);
		assertThat(count("Job")).isEqualTo(4);
	}

	// --- fields and ids ------------------------------------------------------------------------------------

	@Test
	void anIdUsedTwiceInAListIsADuplicate() {
		Map<String, Object> catalog = catalog();
		object(catalog, "jobs[1]").put("id", "t-battery-assembler");

		assertThat(assertOnlyProblem(catalog, "jobs[1].id", DUPLICATE_ID, "t-battery-assembler").message())
			.contains("jobs[0]");
	}

	@Test
	void aSegmentIdUsedInTwoIndustriesIsADuplicate() {
		Map<String, Object> catalog = catalog();
		object(catalog, "industries[1].segments[0]").put("id", "t-nev-battery");

		// the segment's own id t-ai-data is gone, so the job group serving it now points at nothing as well
		assertThat(rejected(catalog)).extracting(Problem::path, Problem::code).containsExactlyInAnyOrder(
				tuple("industries[1].segments[0].id", DUPLICATE_ID), tuple("jobGroups[2].segmentIds[0]", UNKNOWN_REFERENCE));
	}

	@Test
	void anIdOfTheWrongTypeIsReportedOnce() {
		Map<String, Object> catalog = catalog();
		object(catalog, "jobs[0]").put("id", 5);

		assertOnlyProblem(catalog, "jobs[0].id", WRONG_TYPE, "'id'");
	}

	@Test
	void aNonTextInAnIdListIsTheWrongTypeAndNoOtherEntryIsBlamedAtItsPosition() {
		Map<String, Object> catalog = catalog();
		object(catalog, "jobs[0]").put("referenceOccupationIds", List.of(5, "t-esco-nothing"));

		assertOnlyProblem(catalog, "jobs[0].referenceOccupationIds[0]", WRONG_TYPE, "'referenceOccupationIds'");
	}

	@Test
	void anEscoOccupationNeedsAUri() {
		Map<String, Object> catalog = catalog();
		object(catalog, "referenceOccupations[1]").remove("uri");

		assertOnlyProblem(catalog, "referenceOccupations[1].uri", REQUIRED, "'uri'");
	}

	@Test
	void aChineseOccupationNeedsACode() {
		Map<String, Object> catalog = catalog();
		object(catalog, "referenceOccupations[0]").remove("code");

		assertOnlyProblem(catalog, "referenceOccupations[0].code", REQUIRED, "'code'");
	}

	@Test
	void anOccupationWithoutSchemeOrWithAnUnknownOneIsRejected() {
		Map<String, Object> catalog = catalog();
		object(catalog, "referenceOccupations[0]").remove("scheme");
		object(catalog, "referenceOccupations[1]").put("scheme", "ISCO");

		assertThat(rejected(catalog)).extracting(Problem::path, Problem::code).containsExactlyInAnyOrder(
				tuple("referenceOccupations[0].scheme", REQUIRED), tuple("referenceOccupations[1].scheme", INVALID_VALUE));
	}

	@Test
	void anUnknownChainStageIsAnInvalidValue() {
		Map<String, Object> catalog = catalog();
		object(catalog, "industries[0].segments[0]").put("stage", "SIDESTREAM");

		assertOnlyProblem(catalog, "industries[0].segments[0].stage", INVALID_VALUE, "SIDESTREAM");
	}

	@Test
	void unknownFieldsAreReportedWhereTheyAre() {
		Map<String, Object> catalog = catalog();
		catalog.put("job", List.of());
		object(catalog, "jobs[0]").put("group", "t-nev-production");

		assertThat(rejected(catalog)).extracting(Problem::path, Problem::code)
			.containsExactlyInAnyOrder(tuple("job", UNKNOWN_FIELD), tuple("jobs[0].group", UNKNOWN_FIELD));
	}

	@Test
	void aCatalogueThatListsNothingIsEmpty() {
		assertOnlyProblem(Map.of(), "", EMPTY, "lists nothing");
		assertOnlyProblem(Map.of("jobs", List.of(), "industries", List.of()), "", EMPTY, "lists nothing");
	}

	@Test
	void everyProblemOfACatalogueIsReportedAtOnce() {
		Map<String, Object> catalog = catalog();
		object(catalog, "referenceOccupations[1]").remove("uri");
		object(catalog, "jobs[1]").put("id", "t-battery-assembler");
		object(catalog, "jobs[2]").put("groupId", "t-no-group");

		assertThat(rejected(catalog)).extracting(Problem::path, Problem::code).containsExactlyInAnyOrder(
				tuple("referenceOccupations[1].uri", REQUIRED),
				tuple("jobs[1].id", DUPLICATE_ID),
				tuple("jobs[2].groupId", UNKNOWN_REFERENCE));
	}

	// --- idempotency and GraphQL ---------------------------------------------------------------------------

	@Test
	void importingTheSameCatalogueTwiceLeavesTheSameGraph() {
		CatalogResult first = catalogs.save(catalog());
		List<String> afterFirst = fingerprint();

		CatalogResult second = catalogs.save(catalog());

		assertThat(second).isEqualTo(first);
		assertThat(fingerprint()).isEqualTo(afterFirst);
		assertThat(count("Industry")).isEqualTo(2);
		assertThat(count("ChainSegment")).isEqualTo(3);
		assertThat(count("Job")).isEqualTo(3);
		assertThat(count("Enterprise")).isEqualTo(3);
	}

	@Test
	void saveJobCatalogReturnsTheCountsOfWhatItUpserted() {
		graphQlTester.document(SAVE)
			.variable("input", catalog())
			.execute()
			.path("saveJobCatalog.errors").entityList(Object.class).hasSize(0)
			.path("saveJobCatalog.industries").entity(Integer.class).isEqualTo(2)
			.path("saveJobCatalog.segments").entity(Integer.class).isEqualTo(3)
			.path("saveJobCatalog.referenceOccupations").entity(Integer.class).isEqualTo(2)
			.path("saveJobCatalog.jobGroups").entity(Integer.class).isEqualTo(3)
			.path("saveJobCatalog.jobs").entity(Integer.class).isEqualTo(3)
			.path("saveJobCatalog.enterprises").entity(Integer.class).isEqualTo(3);

		graphQlTester.document("{ job(id: \"t-battery-assembler\") { name referenceOccupations { id } } }")
			.execute()
			.path("job.name").entity(String.class).isEqualTo("动力电池装配员")
			.path("job.referenceOccupations").entityList(Object.class).hasSize(2);
	}

	@Test
	void saveJobCatalogReportsProblemsWithPathsAndWritesNothing() {
		Map<String, Object> catalog = catalog();
		object(catalog, "referenceOccupations[1]").remove("uri");
		object(catalog, "jobs[2]").put("groupId", "t-no-group");

		var response = graphQlTester.document(SAVE).variable("input", catalog).execute();

		assertThat(response.path("saveJobCatalog.errors[*].path").entityList(String.class).get())
			.containsExactlyInAnyOrder("referenceOccupations[1].uri", "jobs[2].groupId");
		assertThat(response.path("saveJobCatalog.errors[*].code").entityList(String.class).get())
			.containsExactlyInAnyOrder("REQUIRED", "UNKNOWN_REFERENCE");
		response.path("saveJobCatalog.jobs").entity(Integer.class).isEqualTo(0);
		assertThat(fingerprint()).isEmpty();
	}

	// --- helpers -------------------------------------------------------------------------------------------

	private Map<String, Object> catalog() {
		return document("catalog.json");
	}

	/** Saves a catalogue that must be rejected, checks that the graph is unchanged, and returns the problems. */
	private List<Problem> rejected(Object catalog) {
		List<String> before = fingerprint();
		Throwable thrown = catchThrowable(() -> catalogs.save(catalog));
		assertThat(thrown).isInstanceOf(InvalidDocumentException.class);
		assertThat(fingerprint()).as("graph after the rejected catalogue").isEqualTo(before);
		return new ArrayList<>(((InvalidDocumentException) thrown).problems());
	}

	/** Asserts the catalogue is rejected with exactly one problem, at this path, of this code, naming {@code mention}. */
	private Problem assertOnlyProblem(Object catalog, String path, ProblemCode code, String mention) {
		List<Problem> problems = rejected(catalog);
		assertThat(problems).extracting(Problem::path, Problem::code).containsExactly(tuple(path, code));
		assertThat(problems.get(0).message()).contains(mention);
		return problems.get(0);
	}
}
