package org.abilitymap.sheets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.abilitymap.imports.ImportFormat;
import org.abilitymap.imports.Progress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The spreadsheet formats of the {@code import} command: {@code xlsx} and {@code csv}, recognised by extension. */
@Configuration
class SpreadsheetFormats {

	@Bean
	ImportFormat xlsxImportFormat(SpreadsheetImport spreadsheets) {
		return new SpreadsheetFormat("xlsx", ".xlsx", "filled template workbooks (.xlsx): a work-task submission or a "
				+ "programme, told apart by their sheets", spreadsheets);
	}

	@Bean
	ImportFormat csvImportFormat(SpreadsheetImport spreadsheets) {
		return new SpreadsheetFormat("csv", ".csv", "the work-task sheet saved as CSV (UTF-8, or GB18030/GBK)",
				spreadsheets);
	}

	/** One spreadsheet file type, read whole and imported like an upload. */
	private record SpreadsheetFormat(String name, String extension, String description, SpreadsheetImport spreadsheets)
			implements ImportFormat {

		@Override
		public boolean recognises(Path path) {
			return Files.isRegularFile(path)
					&& path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension);
		}

		@Override
		public String importFrom(Path path, Progress progress) throws IOException {
			progress.begin("spreadsheet", 1);
			String summary = spreadsheets.importFile(path).summary();
			progress.advance(1);
			return summary;
		}
	}
}
