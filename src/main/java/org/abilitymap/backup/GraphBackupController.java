package org.abilitymap.backup;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import org.abilitymap.imports.Progress;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/backup/graph.jsonl}: the whole graph as a backup file, for admins. */
@RestController
class GraphBackupController {

	static final String CONTENT_TYPE = "application/jsonl; charset=UTF-8";

	private final GraphBackup backup;

	GraphBackupController(GraphBackup backup) {
		this.backup = backup;
	}

	@GetMapping("/api/backup/graph.jsonl")
	void download(HttpServletResponse response) throws IOException {
		response.setContentType(CONTENT_TYPE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("abilitymap-graph-" + LocalDate.now() + ".jsonl")
			.build()
			.toString());
		backup.export(response.getOutputStream(), Progress.NONE);
	}
}
