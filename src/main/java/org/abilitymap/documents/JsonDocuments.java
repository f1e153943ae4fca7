package org.abilitymap.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON documents from bytes (REST upload, command line, files) into plain maps and lists, enforcing the size
 * limit and turning syntax errors into located {@link Problem}s.
 */
@Component
@EnableConfigurationProperties(DocumentLimits.class)
public class JsonDocuments {

	private final JsonMapper mapper;

	private final DocumentLimits limits;

	public JsonDocuments(JsonMapper mapper, DocumentLimits limits) {
		this.mapper = mapper.rebuild().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
		this.limits = limits;
	}

	public DocumentLimits limits() {
		return limits;
	}

	/** Parses a whole document; throws {@link InvalidDocumentException} when it is too large or not JSON. */
	public Object parse(InputStream input) throws IOException {
		byte[] bytes = input.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
		if (bytes.length > limits.maxBytes()) {
			throw tooLarge("The document is larger than the limit of " + limits.maxBytes() + " bytes.");
		}
		return parse(bytes);
	}

	/**
	 * Whether the input is a JSON object within the size limit whose top level names any of these fields. Read as a
	 * stream to the end (so that malformed JSON answers false, as {@link #parse} would refuse it) without building the
	 * document, for telling formats apart before one of them parses it.
	 */
	public boolean hasTopLevelField(InputStream input, Set<String> names) throws IOException {
		byte[] bytes = input.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
		if (bytes.length > limits.maxBytes()) {
			return false;
		}
		try (JsonParser parser = mapper.createParser(bytes)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return false;
			}
			boolean found = false;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				found |= names.contains(parser.currentName());
				parser.nextToken();
				parser.skipChildren();
			}
			return found && parser.nextToken() == null;
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	/** Parses a whole document held in memory. */
	public Object parse(byte[] bytes) {
		if (bytes.length > limits.maxBytes()) {
			throw tooLarge("The document is " + bytes.length + " bytes, more than the limit of " + limits.maxBytes()
					+ " bytes.");
		}
		try {
			return mapper.readValue(bytes, Object.class);
		}
		catch (JacksonException ex) {
			var location = ex.getLocation();
			String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
			throw new InvalidDocumentException(List.of(new Problem("", ProblemCode.MALFORMED,
					"The document is not valid JSON" + where + ": " + ex.getOriginalMessage())));
		}
	}

	/**
	 * Rejects a parsed document (from JSON or GraphQL input) with more objects in it than the entry limit, before
	 * any validation work is spent on it.
	 */
	public void checkEntryCount(Object document) {
		int entries = countObjects(document, limits.maxEntries() + 1);
		if (entries > limits.maxEntries()) {
			throw tooLarge("The document has more than " + limits.maxEntries()
					+ " entries; split it into several documents.");
		}
	}

	private static int countObjects(Object value, int stopAt) {
		int count = 0;
		var pending = new java.util.ArrayDeque<Object>();
		pending.push(value);
		while (!pending.isEmpty() && count < stopAt) {
			Object next = pending.pop();
			if (next instanceof java.util.Map<?, ?> map) {
				count++;
				map.values().forEach(v -> { if (v != null) pending.push(v); });
			}
			else if (next instanceof List<?> list) {
				list.forEach(v -> { if (v != null) pending.push(v); });
			}
		}
		return count;
	}

	private static InvalidDocumentException tooLarge(String message) {
		return new InvalidDocumentException(List.of(new Problem("", ProblemCode.TOO_LARGE, message)));
	}
}
