package org.abilitymap.jobs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.abilitymap.documents.DocumentObject;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.jobs.JobCatalog.ChainStage;
import org.abilitymap.jobs.JobCatalog.EnterpriseEntry;
import org.abilitymap.jobs.JobCatalog.IndustryEntry;
import org.abilitymap.jobs.JobCatalog.JobEntry;
import org.abilitymap.jobs.JobCatalog.JobGroupEntry;
import org.abilitymap.jobs.JobCatalog.OccupationEntry;
import org.abilitymap.jobs.JobCatalog.OccupationScheme;
import org.abilitymap.jobs.JobCatalog.SegmentEntry;

/**
 * Turns a parsed job-catalogue document into a {@link JobCatalog}, checking fields, types and ids unique within
 * the document; references to entries already in the graph are checked on import.
 */
final class JobCatalogReader {

	private static final Set<String> NAMED = Set.of("id", "name", "nameEn");

	private final List<Problem> problems = new ArrayList<>();

	private JobCatalogReader() {
	}

	static JobCatalog read(Object document) {
		return new JobCatalogReader().readCatalog(document);
	}

	private JobCatalog readCatalog(Object document) {
		DocumentObject root = DocumentObject.root(document, problems);
		if (root == null) {
			throw new InvalidDocumentException(problems);
		}
		root.rejectUnknownFields(Set.of("industries", "referenceOccupations", "jobGroups", "jobs", "enterprises"),
				Map.of());
		Map<String, String> segmentIds = new HashMap<>();
		List<IndustryEntry> industries = unique(root.optionalList("industries"), industry -> {
			industry.rejectUnknownFields(with("segments"), Map.of());
			List<SegmentEntry> segments = new ArrayList<>();
			for (DocumentObject segment : industry.optionalList("segments")) {
				segment.rejectUnknownFields(with("stage"), Map.of());
				String id = segment.requiredId("id");
				remember(segmentIds, id, segment);
				segments.add(new SegmentEntry(id, segment.requiredText("name"), segment.optionalText("nameEn"),
						segment.optionalEnum("stage", ChainStage.class, null)));
			}
			return new IndustryEntry(industry.requiredId("id"), industry.requiredText("name"),
					industry.optionalText("nameEn"), segments);
		});
		List<OccupationEntry> occupations = unique(root.optionalList("referenceOccupations"), occupation -> {
			occupation.rejectUnknownFields(with("scheme", "code", "uri"), Map.of());
			OccupationScheme scheme = occupation.optionalEnum("scheme", OccupationScheme.class, null);
			if (scheme == null && !occupation.has("scheme")) {
				occupation.problem("scheme", ProblemCode.REQUIRED, "'scheme' is required: "
						+ List.of(OccupationScheme.values()) + ".");
			}
			String code = scheme == OccupationScheme.CN_OCCUPATION_2022 ? occupation.requiredText("code")
					: occupation.optionalText("code");
			String uri = scheme == OccupationScheme.ESCO ? occupation.requiredText("uri") : occupation.optionalText("uri");
			return new OccupationEntry(occupation.requiredId("id"), scheme, code, uri, occupation.requiredText("name"),
					occupation.optionalText("nameEn"));
		});
		List<JobGroupEntry> groups = unique(root.optionalList("jobGroups"), group -> {
			group.rejectUnknownFields(with("segmentIds"), Map.of());
			return new JobGroupEntry(group.requiredId("id"), group.requiredText("name"), group.optionalText("nameEn"),
					group.optionalTextList("segmentIds"));
		});
		List<JobEntry> jobs = unique(root.optionalList("jobs"), job -> {
			job.rejectUnknownFields(with("description", "groupId", "referenceOccupationIds"), Map.of());
			return new JobEntry(job.requiredId("id"), job.requiredText("name"), job.optionalText("nameEn"),
					job.optionalText("description"), job.optionalId("groupId"),
					job.optionalTextList("referenceOccupationIds"));
		});
		List<EnterpriseEntry> enterprises = unique(root.optionalList("enterprises"), enterprise -> {
			enterprise.rejectUnknownFields(with("industryIds"), Map.of());
			return new EnterpriseEntry(enterprise.requiredId("id"), enterprise.requiredText("name"),
					enterprise.optionalText("nameEn"), enterprise.optionalTextList("industryIds"));
		});
		if (industries.isEmpty() && occupations.isEmpty() && groups.isEmpty() && jobs.isEmpty() && enterprises.isEmpty()
				&& problems.isEmpty()) {
			problems.add(new Problem("", ProblemCode.EMPTY, "The catalogue lists nothing: give at least one of "
					+ "industries, referenceOccupations, jobGroups, jobs or enterprises."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidDocumentException(problems);
		}
		return new JobCatalog(industries, occupations, groups, jobs, enterprises);
	}

	/** Reads each entry of a list, reporting ids used twice in it. */
	private <T> List<T> unique(List<DocumentObject> entries, Function<DocumentObject, T> reader) {
		Map<String, String> seen = new HashMap<>();
		List<T> result = new ArrayList<>();
		for (DocumentObject entry : entries) {
			T value = reader.apply(entry);
			String id = entry.optionalText("id");
			if (id != null) {
				remember(seen, id, entry);
			}
			result.add(value);
		}
		return result;
	}

	private static void remember(Map<String, String> seen, String id, DocumentObject entry) {
		if (id == null) {
			return;
		}
		String first = seen.putIfAbsent(id, entry.path());
		if (first != null) {
			entry.problem("id", ProblemCode.DUPLICATE_ID, "The id '" + id + "' is already used at " + first + ".");
		}
	}

	private static Set<String> with(String... more) {
		var all = new java.util.HashSet<>(NAMED);
		all.addAll(List.of(more));
		return Set.copyOf(all);
	}
}
