package org.abilitymap.casepackage;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The stable CASE identifiers of abilitymap's nodes: name-based UUIDs ({@link UUID#nameUUIDFromBytes}, version 3) of
 * a tag and the node's id, so that exporting the same data twice gives the same identifiers, and their URIs.
 */
public final class CaseIds {

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private CaseIds() {
	}

	/** The CFDocument of a job's export of one kind. */
	public static String document(String jobId, CaseExportKind what) {
		return of("job:" + what.name() + ":" + jobId);
	}

	/** A skill or knowledge point, the same in every package. */
	public static String point(String pointId) {
		return of("point:" + pointId);
	}

	/** A work project, task or process step node of a submission. */
	public static String workNode(String nodeId) {
		return of("work:" + nodeId);
	}

	/** An item type of the abilitymap definitions. */
	public static String itemType(String title) {
		return of("item-type:" + title);
	}

	/** An association, from its document, type and the identifiers of its two ends. */
	public static String association(String documentIdentifier, String type, String origin, String destination) {
		return of("association:" + documentIdentifier + ":" + type + ":" + origin + ":" + destination);
	}

	/** The URI of an identifier: a {@code urn:uuid:} URN, valid wherever the package is read. */
	public static String uri(String identifier) {
		return "urn:uuid:" + identifier;
	}

	/** Whether a text has the form of a UUID. */
	public static boolean isUuid(String text) {
		return text != null && UUID_TEXT.matcher(text).matches();
	}

	private static String of(String name) {
		return UUID.nameUUIDFromBytes(("abilitymap:" + name).getBytes(StandardCharsets.UTF_8)).toString();
	}
}
