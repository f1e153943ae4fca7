package org.abilitymap.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abilitymap.alignment.Alignment;
import org.abilitymap.alignment.AlignmentTargets;
import org.abilitymap.cli.ExportCommand;
import org.abilitymap.demo.DemoData;
import org.abilitymap.support.GraphTestSupport;
import org.abilitymap.support.Neo4jTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The demo programme's alignment report, exported from the command line as HTML and printed to PDF by headless
 * Chromium: several A4 pages, portrait for the tables and landscape for the matrix (both kept in
 * {@code target/reports/} to look at). Skipped without Chromium.
 */
class ReportPrintTest extends GraphTestSupport {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Pattern PAGE = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])");

	private static final Pattern MEDIA_BOX = Pattern.compile("/MediaBox\\s*\\[\\s*0 0 ([0-9.]+) ([0-9.]+)\\s*]");

	@Autowired
	private DemoData demoData;

	@Autowired
	private ExportCommand exportCommand;

	@Autowired
	private AlignmentReports reports;

	@Autowired
	private Alignment alignment;

	@TempDir
	private Path folder;

	@Test
	void theDemoReportPrintsToSeveralA4PagesWithTheMatrixInLandscape() throws IOException, InterruptedException {
		assumeFalse(Neo4jTarget.testcontainers(), "printing does not depend on the Neo4j behind it; the embedded run covers it");
		assumeTrue(Files.isExecutable(CHROMIUM), "Printing to PDF skipped: " + CHROMIUM + " is not installed "
				+ "(Debian: apt-get install chromium).");
		demoData.load();
		Path page = folder.resolve("report.html");
		Path pdf = folder.resolve("report.pdf");
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = exportCommand.run(List.of("--format=alignment-html", "--programme=460702", "--out=" + page),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
		String programmeId = reports.programme("460702", "programme").orElseThrow().id();
		int gaps = alignment.gaps(new Alignment.Request(programmeId, AlignmentTargets.programmeJobs())).size();
		long rows = Pattern.compile("<tr[ >]").matcher(Files.readString(page)).results().count();
		assertThat(gaps).isPositive();
		assertThat(rows).as("a long report: table rows").isGreaterThan(60);

		Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
				"--no-pdf-header-footer", "--user-data-dir=" + folder.resolve("profile"),
				"--print-to-pdf=" + pdf, page.toUri().toString())
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("chromium.log").toFile())
			.start();
		assertThat(chromium.waitFor(3, TimeUnit.MINUTES)).as("Chromium finished").isTrue();

		assertThat(pdf).as(Files.readString(folder.resolve("chromium.log"))).exists();
		String content = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
		assertThat(content).startsWith("%PDF-");
		Path kept = Files.createDirectories(Path.of("target", "reports"));
		Files.copy(page, kept.resolve("alignment-460702.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Files.copy(pdf, kept.resolve("alignment-460702.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		long pages = PAGE.matcher(content).results().count();
		assertThat(pages).as("printed pages").isGreaterThan(1);
		boolean portrait = false;
		boolean landscape = false;
		Matcher box = MEDIA_BOX.matcher(content);
		while (box.find()) {
			double width = Double.parseDouble(box.group(1));
			double height = Double.parseDouble(box.group(2));
			// A4 is 595 × 842 points
			assertThat(Math.min(width, height)).isBetween(590.0, 600.0);
			portrait |= height > width;
			landscape |= width > height;
		}
		assertThat(portrait).as("portrait pages for the tables").isTrue();
		assertThat(landscape).as("landscape pages for the matrix").isTrue();
	}
}
