package org.abilitymap.alignment;

import java.util.List;
import java.util.Map;

import org.abilitymap.imports.DocumentImport;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.PatientGraphQl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.abilitymap.alignment.AlignmentFixture.CERTIFICATE;
import static org.abilitymap.alignment.AlignmentFixture.JOB_A;
import static org.abilitymap.alignment.AlignmentFixture.JOB_GROUP;
import static org.abilitymap.alignment.AlignmentFixture.PROGRAMME;
import static org.assertj.core.api.Assertions.assertThat;

/** The alignment target through GraphQL: a target naming nothing, or more than one kind, is a located BAD_REQUEST. */
class AlignmentTargetsTest extends GraphTestSupport {

	private static final String GAPS = """
			query gaps($programId: ID!, $target: AlignmentTarget) {
			  gaps(programId: $programId, target: $target) { point { id } }
			}
			""";

	@Autowired
	private DocumentImport imports;

	@Autowired
	private AlignmentTargets targets;

	@BeforeEach
	void fixture() {
		new AlignmentFixture(imports, json, PatientGraphQl.of(graphQlTester)).loadAll();
	}

	@Test
	void aTargetNamingNothingOrTwoKindsIsRefusedNamingTheField() {
		assertRefused(Map.of("jobIds", List.of(JOB_A, "al-no-job")), "target.jobIds",
				"There is no job with id 'al-no-job'.");
		assertRefused(Map.of("jobGroupId", "al-no-group"), "target.jobGroupId",
				"There is no job group with id 'al-no-group'.");
		assertRefused(Map.of("certificateId", "al-no-cert"), "target.certificateId",
				"There is no certificate with id 'al-no-cert'.");
		assertRefused(Map.of("jobGroupId", JOB_GROUP, "certificateId", CERTIFICATE), "target",
				"Give only one of 'jobIds', 'jobGroupId' or 'certificateId'.");
	}

	@Test
	void theResolvedTargetsCarryTheirJobs() {
		assertThat(targets.resolve(null, null, null, AlignmentTargets.ArgumentNames.GRAPHQL))
			.isEqualTo(AlignmentTargets.programmeJobs());
		assertThat(targets.resolve(List.of(JOB_A), null, null, AlignmentTargets.ArgumentNames.GRAPHQL))
			.isEqualTo(new Target(Target.Kind.JOBS, List.of(JOB_A), null, null));
		Target group = targets.resolve(null, JOB_GROUP, null, AlignmentTargets.ArgumentNames.GRAPHQL);
		assertThat(group.kind()).isEqualTo(Target.Kind.JOB_GROUP);
		assertThat(group.jobIds()).containsExactlyInAnyOrder(JOB_A, AlignmentFixture.JOB_B, AlignmentFixture.JOB_C);
	}

	private void assertRefused(Map<String, Object> target, String argument, String message) {
		graphQlTester.document(GAPS)
			.variable("programId", PROGRAMME)
			.variable("target", target)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST")
					.containsEntry("argument", argument);
				assertThat(error.getMessage()).isEqualTo(message);
			}));
	}
}
