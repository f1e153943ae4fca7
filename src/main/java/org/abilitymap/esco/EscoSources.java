package org.abilitymap.esco;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The ESCO CSV files an import reads, found in a zip (plus the relations zip ESCO publishes beside it, for the files
 * the classification zip lacks), or in a folder of extracted CSVs and zips; each file is streamed from where it is.
 */
final class EscoSources implements AutoCloseable {

	/** The files the import reads; the relation files carry no language suffix in the official download. */
	enum EscoFile {
		OCCUPATIONS("occupations", true),
		SKILLS("skills", true),
		SKILL_GROUPS("skillGroups", false),
		SKILLS_HIERARCHY("skillsHierarchy", false),
		BROADER_SKILLS("broaderRelationsSkillPillar", false),
		OCCUPATION_SKILLS("occupationSkillRelations", false);

		private final String stem;

		private final boolean required;

		EscoFile(String stem, boolean required) {
			this.stem = stem;
			this.required = required;
		}

		boolean required() {
			return required;
		}

		/** The official English name, as problems name the file when it is missing. */
		String englishName() {
			return this == BROADER_SKILLS || this == OCCUPATION_SKILLS ? stem + ".csv" : stem + "_en.csv";
		}

		boolean matches(String fileName) {
			return fileName.equals(stem + ".csv") || fileName.equals(stem + "_en.csv");
		}
	}

	/** One CSV file and where it was found (zip and entry, or path), for messages. */
	record Source(EscoFile file, String name, String location, long size, Opener opener) {

		InputStream open() throws IOException {
			return opener.open();
		}
	}

	/** Opens a source's bytes. */
	interface Opener {
		InputStream open() throws IOException;
	}

	private static final Pattern VERSION = Pattern.compile("v(\\d+(?:\\.\\d+)+)");

	private final Map<EscoFile, Source> sources = new LinkedHashMap<>();

	private final List<ZipFile> zips = new ArrayList<>();

	private final String version;

	private EscoSources(Path path) throws IOException {
		this.version = versionIn(path.getFileName() == null ? "" : path.getFileName().toString()).orElse(null);
		if (Files.isDirectory(path)) {
			try (Stream<Path> listing = Files.list(path)) {
				List<Path> files = listing.sorted().toList();
				for (Path file : files) {
					addLoose(file);
				}
				for (Path file : files) {
					if (isZip(file)) {
						addZip(file);
					}
				}
			}
		}
		else {
			addZip(path);
			// ESCO publishes the relation files in a second zip; look for those beside the one given.
			if (sources.size() < EscoFile.values().length) {
				try (Stream<Path> siblings = Files.list(path.toAbsolutePath().getParent())) {
					for (Path sibling : siblings.sorted().toList()) {
						if (isZip(sibling) && !Files.isSameFile(sibling, path)) {
							addZip(sibling);
						}
					}
				}
			}
		}
	}

	/** Finds the ESCO files at a zip or a folder. */
	static EscoSources at(Path path) throws IOException {
		return new EscoSources(path);
	}

	/** Whether a path is a zip holding ESCO occupations or skills, or a folder holding them extracted. */
	static boolean recognises(Path path) {
		if (Files.isDirectory(path)) {
			return Files.isRegularFile(path.resolve(EscoFile.OCCUPATIONS.englishName()));
		}
		if (!isZip(path)) {
			return false;
		}
		try (ZipFile zip = new ZipFile(path.toFile())) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				String name = fileName(entries.nextElement().getName());
				if (EscoFile.OCCUPATIONS.matches(name) || EscoFile.SKILLS.matches(name)) {
					return true;
				}
			}
			return false;
		}
		catch (IOException ex) {
			return false;
		}
	}

	Optional<Source> source(EscoFile file) {
		return Optional.ofNullable(sources.get(file));
	}

	/** The ESCO version named by the file or folder (ESCO's downloads say "v1.1.1"), if any. */
	Optional<String> version() {
		return Optional.ofNullable(version);
	}

	private void addLoose(Path file) {
		String name = file.getFileName().toString();
		for (EscoFile kind : EscoFile.values()) {
			if (kind.matches(name) && !sources.containsKey(kind)) {
				sources.put(kind, new Source(kind, name, file.toString(), size(file), () -> Files.newInputStream(file)));
			}
		}
	}

	private void addZip(Path path) throws IOException {
		ZipFile zip = new ZipFile(path.toFile(), java.nio.charset.StandardCharsets.UTF_8);
		zips.add(zip);
		Enumeration<? extends ZipEntry> entries = zip.entries();
		while (entries.hasMoreElements()) {
			ZipEntry entry = entries.nextElement();
			String name = fileName(entry.getName());
			for (EscoFile kind : EscoFile.values()) {
				if (!entry.isDirectory() && kind.matches(name) && !sources.containsKey(kind)) {
					sources.put(kind, new Source(kind, name, path.getFileName() + "!" + entry.getName(),
							entry.getSize(), () -> zip.getInputStream(entry)));
				}
			}
		}
	}

	private static Optional<String> versionIn(String name) {
		Matcher matcher = VERSION.matcher(name);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	private static boolean isZip(Path path) {
		return Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
	}

	private static String fileName(String entryName) {
		return entryName.substring(entryName.lastIndexOf('/') + 1);
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		for (ZipFile zip : zips) {
			zip.close();
		}
	}
}
