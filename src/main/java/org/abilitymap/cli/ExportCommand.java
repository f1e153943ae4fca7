package org.abilitymap.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.abilitymap.imports.ExportFormat;
import org.abilitymap.support.graphql.InvalidArgumentException;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar abilitymap.jar export --format=NAME [--out=FILE|-] --option=value…}: writes one export
 * ({@link ExportFormat}) to a file (by default named after what it exports, in the current folder) or to standard
 * output, with a progress bar and a summary line.
 */
@Component
public class ExportCommand {

	private final List<ExportFormat> formats;

	ExportCommand(List<ExportFormat> formats) {
		this.formats = formats.stream().sorted(Comparator.comparing(ExportFormat::name)).toList();
	}

	/**
	 * Runs the export.
	 *
	 * @return the process exit code: 0 when written, 1 when an option names nothing, 2 on usage errors
	 */
	public int run(List<String> arguments, PrintStream out, PrintStream err) {
		CommandOptions command = CommandOptions.parse(arguments);
		String name = command.options().get("format");
		ExportFormat format = formats.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
		if (format == null || !command.operands().isEmpty()) {
			if (name != null && format == null) {
				err.println("Unknown format '" + name + "'.");
			}
			else if (!command.operands().isEmpty()) {
				err.println("Unexpected argument(s): " + String.join(" ", command.operands()));
			}
			usage(err);
			return 2;
		}
		Map<String, String> options = new LinkedHashMap<>(command.options());
		options.remove("format");
		String target = options.remove("out");
		Set<String> unknown = new TreeSet<>(options.keySet());
		unknown.removeAll(format.options());
		if (!unknown.isEmpty()) {
			err.println("Format '" + format.name() + "' does not take "
					+ unknown.stream().map(o -> "--" + o).collect(Collectors.joining(", ")) + "; it takes "
					+ format.options().stream().sorted().map(o -> "--" + o).collect(Collectors.joining(", ")) + ".");
			return 2;
		}
		long started = System.nanoTime();
		ConsoleProgress progress = ConsoleProgress.on(err);
		try {
			if ("-".equals(target)) {
				format.exportTo(options, out, progress);
				progress.finishLine();
				out.flush();
				return 0;
			}
			Path temporary = Files.createTempFile(target == null ? Path.of("").toAbsolutePath()
					: Path.of(target).toAbsolutePath().getParent(), ".abilitymap-export", ".part");
			try {
				String baseName;
				try (OutputStream file = Files.newOutputStream(temporary)) {
					baseName = format.exportTo(options, file, progress);
				}
				Path written = target != null ? Path.of(target) : Path.of(baseName + "." + format.extension());
				Files.move(temporary, written, StandardCopyOption.REPLACE_EXISTING);
				progress.finishLine();
				out.printf("Wrote %s (%s, %,d bytes) in %d ms.%n", written, format.name(), Files.size(written),
						(System.nanoTime() - started) / 1_000_000);
				return 0;
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (InvalidArgumentException ex) {
			progress.finishLine();
			err.println("✘ --" + ex.argument() + ": " + ex.getMessage());
			return 1;
		}
		catch (IOException ex) {
			progress.finishLine();
			err.println("✘ Cannot write the export: " + ex.getMessage());
			return 1;
		}
	}

	private void usage(PrintStream err) {
		err.println("Usage: java -jar abilitymap.jar export --format=NAME [--out=FILE|-] [--option=value...]");
		err.println("Formats:");
		formats.forEach(f -> err.printf("  %-16s %s%n", f.name(), f.description()));
	}
}
