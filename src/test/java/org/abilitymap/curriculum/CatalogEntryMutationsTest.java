package org.abilitymap.curriculum;

import java.util.List;

import org.abilitymap.support.GraphTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-entry education mutations: saveSchool, saveIndustryBody, saveCluster and saveProgrammeGroup. */
class CatalogEntryMutationsTest extends GraphTestSupport {

	@BeforeEach
	void jobCatalog() {
		loadCatalog();
	}

	@Test
	void eachEntryIsSavedAndReadBack() {
		graphQlTester.document("""
				mutation {
				  s: saveSchool(input: {id: "sch-x", name: "某职业技术学院", nameEn: "A college"}) { school { id name } errors { path } }
				  b: saveIndustryBody(input: {id: "ib-x", name: "某行业协会"}) { industryBody { id name } errors { path } }
				}
				""")
			.execute()
			.path("s.school.name").entity(String.class).isEqualTo("某职业技术学院")
			.path("b.industryBody.id").entity(String.class).isEqualTo("ib-x");

		graphQlTester.document("""
				mutation {
				  c: saveCluster(input: {id: "cl-x", name: "新能源汽车集群", industryId: "t-nev", leadEnterpriseId: "t-ent-a",
				                         leadSchoolId: "sch-x", leadIndustryBodyId: "ib-x"}) {
				    cluster { id industryId leads { role id } } errors { path } }
				  g: saveProgrammeGroup(input: {id: "pg-x", name: "新能源汽车专业群", schoolId: "sch-x", clusterId: "cl-x",
				                                segmentIds: ["t-nev-battery"], jobGroupIds: ["t-nev-production"]}) {
				    programmeGroup { id school { id } } errors { path } }
				}
				""")
			.execute()
			.path("c.cluster.industryId").entity(String.class).isEqualTo("t-nev")
			.path("c.cluster.leads[*].role").entityList(String.class).hasSize(3)
			.path("g.programmeGroup.school.id").entity(String.class).isEqualTo("sch-x");
		assertThat(count("Cluster")).isEqualTo(1);
		assertThat(count("ProgrammeGroup")).isEqualTo(1);
	}

	@Test
	void unknownReferencesAreReportedWithPathsInsideTheEntryAndNothingIsWritten() {
		List<String> before = fingerprint();

		var response = graphQlTester.document("""
				mutation {
				  saveProgrammeGroup(input: {id: "pg-y", name: "专业群", schoolId: "no-such-school", jobGroupIds: ["nope"]}) {
				    programmeGroup { id } errors { path code } }
				}
				""").execute();

		response.path("saveProgrammeGroup.programmeGroup").valueIsNull();
		assertThat(response.path("saveProgrammeGroup.errors[*].path").entityList(String.class).get())
			.containsExactlyInAnyOrder("schoolId", "jobGroupIds[0]");
		response.path("saveProgrammeGroup.errors[*].code").entityList(String.class)
			.containsExactly("UNKNOWN_REFERENCE", "UNKNOWN_REFERENCE");
		assertThat(fingerprint()).isEqualTo(before);
	}
}
