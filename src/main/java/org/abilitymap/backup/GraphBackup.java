package org.abilitymap.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.abilitymap.accounts.Allowed;
import org.abilitymap.accounts.Operation;
import org.abilitymap.documents.InvalidDocumentException;
import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;
import org.abilitymap.imports.Progress;
import org.abilitymap.support.neo4j.Graph;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the whole graph to a backup file and restores one into an empty database (docs/backup.md): nodes with
 * their labels and typed properties, then relationships, between a header naming the format and its version and a
 * trailer with the counts, so that a truncated file is refused.
 */
@Service
public class GraphBackup {

	/** The name in the header line of every backup. */
	public static final String FORMAT = "abilitymap-graph";

	/** The version of the format this code writes and reads. */
	public static final int VERSION = 1;

	private static final Logger log = LoggerFactory.getLogger(GraphBackup.class);

	private static final int NODE_BATCH = 2_000;

	private static final int RELATIONSHIP_BATCH = 5_000;

	private final Graph graph;

	private final GraphBackupRepository repository;

	/**
	 * A plain mapper, not the application's (which reads numbers for document validation): integers must come back
	 * as integers and floats as floats.
	 */
	private final JsonMapper mapper = JsonMapper.builder().build();

	GraphBackup(Graph graph, GraphBackupRepository repository) {
		this.graph = graph;
		this.repository = repository;
	}

	/** What a restore did. */
	public record Restored(long nodes, long relationships, boolean removedInterrupted) {

		/** One line for a person. */
		public String summary() {
			return "restored " + nodes + " nodes and " + relationships + " relationships"
					+ (removedInterrupted ? ", after removing what an interrupted restore had left" : "");
		}
	}

	/**
	 * Writes every node and relationship (migrations and server secrets aside) as a backup, in one read. A backup
	 * holds every account with its password hash, hence the right to manage accounts.
	 */
	@Allowed(Operation.MANAGE_ACCOUNTS)
	public void export(OutputStream output, Progress progress) throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
		try {
			graph.read(tx -> {
				GraphBackupRepository.Counts counts = repository.counts(tx);
				Map<String, Long> keys = new HashMap<>();
				line(writer, header());
				progress.begin("nodes", counts.nodes());
				repository.eachNode(tx, node -> {
					long key = keys.size();
					keys.put(node.get("element").asString(), key);
					Map<String, Object> line = new LinkedHashMap<>();
					line.put("node", key);
					line.put("labels", node.get("labels").asList(Value::asString));
					line.put("properties", GraphValues.toJson(node.get("properties").asMap(v -> v)));
					line(writer, line);
					progress.advance(1);
				});
				progress.begin("relationships", counts.relationships());
				long[] relationships = { 0 };
				repository.eachRelationship(tx, relationship -> {
					Map<String, Object> line = new LinkedHashMap<>();
					line.put("relationship", relationship.get("type").asString());
					line.put("from", keys.get(relationship.get("from").asString()));
					line.put("to", keys.get(relationship.get("to").asString()));
					line.put("properties", GraphValues.toJson(relationship.get("properties").asMap(v -> v)));
					line(writer, line);
					relationships[0]++;
					progress.advance(1);
				});
				Map<String, Object> trailer = new LinkedHashMap<>();
				trailer.put("end", FORMAT);
				trailer.put("nodes", (long) keys.size());
				trailer.put("relationships", relationships[0]);
				line(writer, trailer);
				return null;
			});
			writer.flush();
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private static Map<String, Object> header() {
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("format", FORMAT);
		header.put("version", VERSION);
		header.put("exportedAt", ZonedDateTime.now(ZoneOffset.UTC).toString());
		return header;
	}

	private void line(Writer writer, Map<String, Object> line) {
		try {
			writer.write(mapper.writeValueAsString(line));
			writer.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether the file starts with the header line of a graph backup. */
	public boolean isBackup(Path file) {
		if (!Files.isRegularFile(file)) {
			return false;
		}
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String first = reader.readLine();
			return first != null && first.startsWith("{") && FORMAT.equals(parse(first, 1).get("format"));
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Restores a backup into a database with no content yet (its own migrations, secrets and audit entries aside).
	 * The file is checked whole before anything is written; what an interrupted restore left is removed first.
	 *
	 * @throws InvalidDocumentException when the file is not a whole backup of this format, or the database has
	 *     content
	 */
	@SuppressWarnings("unchecked")
	public Restored restore(Path file, Progress progress) throws IOException {
		Checked checked = check(file);
		Optional<String> interrupted = graph.read(repository::interruptedRestore);
		if (interrupted.isPresent()) {
			log.warn("Removing what the interrupted restore of {} left before restoring {}", interrupted.get(), file);
			progress.begin("removing an interrupted restore", -1);
			long deleted;
			do {
				deleted = graph.write(tx -> repository.deleteLeftovers(tx, checked.auditEntryIds(), NODE_BATCH));
				progress.advance(deleted);
			}
			while (deleted > 0);
		}
		else {
			long content = graph.read(repository::contentNodes);
			if (content > 0) {
				throw new InvalidDocumentException(List.of(new Problem("", ProblemCode.INVALID_VALUE, "The database "
						+ "already has " + content + " nodes: a graph backup is restored into an empty database "
						+ "only (a new data directory, or an empty Neo4j database).")));
			}
		}
		graph.write(tx -> {
			repository.markRestore(tx, file.getFileName().toString());
			return null;
		});
		Map<Long, String> elements = new HashMap<>();
		long[] relationships = { 0 };
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			reader.readLine();
			progress.begin("nodes", checked.nodes());
			List<Map<String, Object>> nodes = new ArrayList<>();
			List<Map<String, Object>> links = new ArrayList<>();
			boolean inRelationships = false;
			String text;
			while ((text = reader.readLine()) != null) {
				Map<String, Object> line = mapper.readValue(text, LinkedHashMap.class);
				if (line.containsKey("node")) {
					nodes.add(Map.of("key", ((Number) line.get("node")).longValue(), "labels", line.get("labels"),
							"properties", GraphValues.fromJson(properties(line))));
					if (nodes.size() == NODE_BATCH) {
						elements.putAll(writeNodes(nodes, progress));
					}
				}
				else if (line.containsKey("relationship")) {
					if (!inRelationships) {
						elements.putAll(writeNodes(nodes, progress));
						progress.begin("relationships", checked.relationships());
						inRelationships = true;
					}
					links.add(Map.of("type", line.get("relationship"), "from",
							elements.get(((Number) line.get("from")).longValue()), "to",
							elements.get(((Number) line.get("to")).longValue()), "properties",
							GraphValues.fromJson(properties(line))));
					if (links.size() == RELATIONSHIP_BATCH) {
						relationships[0] += writeRelationships(links, progress);
					}
				}
			}
			elements.putAll(writeNodes(nodes, progress));
			relationships[0] += writeRelationships(links, progress);
		}
		graph.write(tx -> {
			repository.unmarkRestore(tx);
			return null;
		});
		return new Restored(elements.size(), relationships[0], interrupted.isPresent());
	}

	private Map<Long, String> writeNodes(List<Map<String, Object>> rows, Progress progress) {
		if (rows.isEmpty()) {
			return Map.of();
		}
		List<Map<String, Object>> batch = List.copyOf(rows);
		rows.clear();
		Map<Long, String> created = graph.write(tx -> repository.createNodes(tx, batch));
		progress.advance(batch.size());
		return created;
	}

	private long writeRelationships(List<Map<String, Object>> rows, Progress progress) {
		if (rows.isEmpty()) {
			return 0;
		}
		List<Map<String, Object>> batch = List.copyOf(rows);
		rows.clear();
		long created = graph.write(tx -> repository.createRelationships(tx, batch));
		progress.advance(batch.size());
		return created;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> properties(Map<String, Object> line) {
		Object properties = line.get("properties");
		return properties == null ? Map.of() : (Map<String, Object>) properties;
	}

	/** What the first reading of a file found: its counts and the ids of the audit entries it holds. */
	private record Checked(long nodes, long relationships, List<String> auditEntryIds) {
	}

	/** Reads the whole file once, refusing it with every problem located before anything is written. */
	@SuppressWarnings("unchecked")
	private Checked check(Path file) throws IOException {
		List<Problem> problems = new ArrayList<>();
		Set<Long> keys = new HashSet<>();
		List<String> auditEntryIds = new ArrayList<>();
		long relationships = 0;
		Map<String, Object> trailer = null;
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String text = reader.readLine();
			Map<String, Object> header = text == null ? Map.of() : parse(text, 1);
			if (!FORMAT.equals(header.get("format"))) {
				throw refused("line 1", ProblemCode.INVALID_VALUE, "Not a graph backup: its first line does not "
						+ "name the format '" + FORMAT + "'.");
			}
			if (!Integer.valueOf(VERSION).equals(header.get("version"))) {
				throw refused("line 1", ProblemCode.INVALID_VALUE, "A graph backup of version " + header.get("version")
						+ "; this version of abilitymap reads version " + VERSION + ".");
			}
			long number = 1;
			while ((text = reader.readLine()) != null && problems.size() < 50) {
				number++;
				String where = "line " + number;
				if (trailer != null) {
					problems.add(new Problem(where, ProblemCode.UNKNOWN_FIELD, "Nothing may follow the last line."));
					break;
				}
				Map<String, Object> line = parse(text, number);
				try {
					if (line.get("node") instanceof Number key && line.get("labels") instanceof List<?> labels
							&& !labels.isEmpty() && labels.stream().allMatch(l -> l instanceof String s && !s.isBlank())) {
						if (relationships > 0 || !keys.add(key.longValue())) {
							problems.add(new Problem(where, ProblemCode.INVALID_VALUE, relationships > 0
									? "A node after the relationships." : "Node " + key + " appears twice."));
						}
						Map<String, Object> properties = properties(line);
						GraphValues.fromJson(properties);
						if (labels.contains("AuditEntry") && properties.get("id") instanceof String id) {
							auditEntryIds.add(id);
						}
					}
					else if (line.get("relationship") instanceof String type && !type.isBlank()
							&& line.get("from") instanceof Number from && line.get("to") instanceof Number to) {
						relationships++;
						if (!keys.contains(from.longValue()) || !keys.contains(to.longValue())) {
							problems.add(new Problem(where, ProblemCode.UNKNOWN_REFERENCE,
									"The relationship joins a node the backup does not hold."));
						}
						GraphValues.fromJson(properties(line));
					}
					else if (FORMAT.equals(line.get("end"))) {
						trailer = line;
					}
					else {
						problems.add(new Problem(where, ProblemCode.INVALID_VALUE,
								"Neither a node, a relationship nor the last line of a graph backup."));
					}
				}
				catch (RuntimeException ex) {
					problems.add(new Problem(where, ProblemCode.INVALID_VALUE, "A property value is not one a graph "
							+ "backup holds: " + ex.getMessage() + "."));
				}
			}
		}
		if (problems.isEmpty() && trailer == null) {
			problems.add(new Problem("", ProblemCode.REQUIRED, "The backup is cut short: its last line, with the "
					+ "counts, is missing."));
		}
		else if (problems.isEmpty() && (((Number) trailer.get("nodes")).longValue() != keys.size()
				|| ((Number) trailer.get("relationships")).longValue() != relationships)) {
			problems.add(new Problem("", ProblemCode.INVALID_VALUE, "The backup holds " + keys.size() + " nodes and "
					+ relationships + " relationships, but its last line counts " + trailer.get("nodes") + " and "
					+ trailer.get("relationships") + "."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidDocumentException(problems);
		}
		return new Checked(keys.size(), relationships, auditEntryIds);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> parse(String text, long number) {
		try {
			return mapper.readValue(text, LinkedHashMap.class);
		}
		catch (JacksonException ex) {
			throw refused("line " + number, ProblemCode.MALFORMED, "Not a JSON object.");
		}
	}

	private static InvalidDocumentException refused(String path, ProblemCode code, String message) {
		return new InvalidDocumentException(List.of(new Problem(path, code, message)));
	}
}
