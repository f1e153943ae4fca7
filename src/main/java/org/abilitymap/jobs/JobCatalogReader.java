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

	/**
	 * A catalogue as far as it could be read, with the problems found in it; when there are problems the catalogue
	 * is partial, but its references can still be checked so that those problems are reported too.
	 */
	record Checked(JobCatalog catalog, List<Problem> problems) {
	}

	/**
	 * Reads and checks a catalogue, collecting every problem; throws {@link InvalidDocumentException} only when the
	 * document is not a JSON object at all.
	 */
	static Checked check(Object document) {
		return new JobCatalogReader().readCatalog(document);
	}

	private Checked readCatalog(Object document) {
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
		}, IndustryEntry::id);
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
		}, OccupationEntry::id);
		List<JobGroupEntry> groups = unique(root.optionalList("jobGroups"), group -> {
			group.rejectUnknownFields(with("segmentIds"), Map.of());
			return new JobGroupEntry(group.requiredId("id"), group.requiredText("name"), group.optionalText("nameEn"),
					group.optionalTextList("segmentIds"));
		}, JobGroupEntry::id);
		List<JobEntry> jobs = unique(root.optionalList("jobs"), job -> {
			job.rejectUnknownFields(with("description", "groupId", "referenceOccupationIds"), Map.of());
			return new JobEntry(job.requiredId("id"), job.requiredText("name"), job.optionalText("nameEn"),
					job.optionalText("description"), job.optionalId("groupId"),
					job.optionalTextList("referenceOccupationIds"));
		}, JobEntry::id);
		List<EnterpriseEntry> enterprises = unique(root.optionalList("enterprises"), enterprise -> {
			enterprise.rejectUnknownFields(with("industryIds"), Map.of());
			return new EnterpriseEntry(enterprise.requiredId("id"), enterprise.requiredText("name"),
					enterprise.optionalText("nameEn"), enterprise.optionalTextList("industryIds"));
		}, EnterpriseEntry::id);
		if (industries.isEmpty() && occupations.isEmpty() && groups.isEmpty() && jobs.isEmpty() && enterprises.isEmpty()
				&& problems.isEmpty()) {
			problems.add(new Problem("", ProblemCode.EMPTY, "The catalogue lists nothing: give at least one of "
					+ "industries, referenceOccupations, jobGroups, jobs or enterprises."));
		}
		return new Checked(new JobCatalog(industries, occupations, groups, jobs, enterprises), List.copyOf(problems));
	}

	/**
	 * Reads each entry of a list, reporting ids used twice in it; the id is taken from the entry read, so that an
	 * id with a problem is reported once, by the reader.
	 */
	private <T> List<T> unique(List<DocumentObject> entries, Function<DocumentObject, T> reader, Function<T, String> id) {
		Map<String, String> seen = new HashMap<>();
		List<T> result = new ArrayList<>();
		for (DocumentObject entry : entries) {
			T value = reader.apply(entry);
			remember(seen, id.apply(value), entry);
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
