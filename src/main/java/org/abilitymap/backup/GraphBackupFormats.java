package org.abilitymap.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.abilitymap.imports.ExportFormat;
import org.abilitymap.imports.ImportFormat;
import org.abilitymap.imports.Progress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code export --format=graph} and {@code import --format=graph}: the whole graph out to a backup and back. */
@Configuration(proxyBeanMethods = false)
class GraphBackupFormats {

	@Bean
	ExportFormat graphExport(GraphBackup backup) {
		return new ExportFormat() {
			@Override
			public String name() {
				return "graph";
			}

			@Override
			public String description() {
				return "the whole graph as a backup (JSON Lines, docs/backup.md), for import --format=graph";
			}

			@Override
			public String extension() {
				return "jsonl";
			}

			@Override
			public Set<String> options() {
				return Set.of();
			}

			@Override
			public String exportTo(Map<String, String> options, OutputStream out, Progress progress)
					throws IOException {
				backup.export(out, progress);
				return "abilitymap-graph-" + LocalDate.now();
			}
		};
	}

	@Bean
	ImportFormat graphImport(GraphBackup backup) {
		return new ImportFormat() {
			@Override
			public String name() {
				return "graph";
			}

			@Override
			public String description() {
				return "a backup written by export --format=graph, restored into an empty database";
			}

			@Override
			public boolean recognises(Path path) {
				return backup.isBackup(path);
			}

			@Override
			public String importFrom(Path path, Progress progress) throws IOException {
				return backup.restore(path, progress).summary();
			}
		};
	}
}
