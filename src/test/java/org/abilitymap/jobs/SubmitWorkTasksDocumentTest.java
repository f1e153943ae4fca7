package org.abilitymap.jobs;

import java.util.List;

import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code submitWorkTasksDocument}: a document as JSON text through GraphQL, with problems located even in bad JSON. */
class SubmitWorkTasksDocumentTest extends GraphTestSupport {

	private static final String SUBMIT = """
			mutation submit($text: String!) {
			  submitWorkTasksDocument(input: {document: $text}) {
			    outcome submission { id } createdPoints { id } errors { path code message }
			  }
			}
			""";

	@BeforeEach
	void catalog() {
		loadCatalog();
	}

	@Test
	void aDocumentGivenAsTextIsImportedLikeSubmitWorkTasks() {
		graphQlTester.document(SUBMIT)
			.variable("text", documentText("submission-a.json"))
			.execute()
			.path("submitWorkTasksDocument.outcome").entity(String.class).isEqualTo("CREATED")
			.path("submitWorkTasksDocument.submission.id").entity(String.class).isEqualTo("sub:t-ent-a:t-battery-assembler:v1")
			.path("submitWorkTasksDocument.createdPoints").entityList(Object.class).hasSize(5);
	}

	@Test
	void wrongTypesAndMalformedJsonComeBackLocatedAndWriteNothing() {
		List<String> before = fingerprint();
		String wrongType = documentText("submission-a.json").replace("\"importance\": 5", "\"importance\": \"high\"");

		graphQlTester.document(SUBMIT)
			.variable("text", wrongType)
			.execute()
			.path("submitWorkTasksDocument.outcome").valueIsNull()
			.path("submitWorkTasksDocument.errors[0].path").entity(String.class)
			.isEqualTo("projects[0].tasks[0].importance")
			.path("submitWorkTasksDocument.errors[0].code").entity(String.class).isEqualTo("WRONG_TYPE");
		var malformed = graphQlTester.document(SUBMIT).variable("text", "{\"jobId\": ").execute();
		malformed.path("submitWorkTasksDocument.errors[0].code").entity(String.class).isEqualTo("MALFORMED");
		assertThat(malformed.path("submitWorkTasksDocument.errors[0].message").entity(String.class).get())
			.contains("line 1");
		assertThat(fingerprint()).isEqualTo(before);
	}
}
