package org.abilitymap.national;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.abilitymap.documents.Problem;
import org.abilitymap.documents.ProblemCode;

/** Reads the text files of the national data folder as strict UTF-8, locating the first byte that is not. */
final class SourceFiles {

	private final Path root;

	SourceFiles(Path root) {
		this.root = root;
	}

	/** The file's name relative to the imported folder, with forward slashes, as problems and warnings name it. */
	String name(Path file) {
		return root.relativize(file).toString().replace('\\', '/');
	}

	/** The regular files of a sub-folder whose names end with {@code extension}, sorted by name. */
	List<Path> list(String folder, String extension) throws IOException {
		try (Stream<Path> files = Files.list(root.resolve(folder))) {
			return files.filter(Files::isRegularFile)
				.filter(f -> f.getFileName().toString().endsWith(extension))
				.sorted()
				.toList();
		}
	}

	/** The file's lines, or {@code null} with a located problem when it is not UTF-8 text. */
	List<String> lines(Path file, List<Problem> problems) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length + 1);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			int offset = in.position();
			int line = 1;
			for (int i = 0; i < offset; i++) {
				if (bytes[i] == '\n') {
					line++;
				}
			}
			problems.add(new Problem(name(file) + ":" + line, ProblemCode.MALFORMED, "The file is not UTF-8 text: byte "
					+ offset + " (line " + line + ") cannot be decoded. Save it as UTF-8 and import again."));
			return null;
		}
		decoder.flush(out);
		out.flip();
		String text = out.toString();
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		return text.lines().toList();
	}
}
