package org.abilitymap.support.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The embedded Bolt connector's password: generated on first start into a file of the data directory that only
 * its owner may read, and read from there afterwards.
 */
final class BoltPassword {

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private BoltPassword() {
	}

	static String readOrCreate(Path file) {
		try {
			if (!Files.exists(file)) {
				create(file);
			}
			String password = Files.readString(file, StandardCharsets.UTF_8).strip();
			if (password.length() < 8) {
				throw new IllegalStateException("The Bolt password in " + file + " is shorter than 8 characters. "
						+ "Delete the file to have a new one generated.");
			}
			return password;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the Bolt password file " + file, ex);
		}
	}

	private static void create(Path file) throws IOException {
		byte[] secret = new byte[24];
		new SecureRandom().nextBytes(secret);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Files.createDirectories(file.getParent());
		try {
			if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			}
			else {
				Files.createFile(file);
			}
		}
		catch (FileAlreadyExistsException ex) {
			return; // another process created it meanwhile: its password stands
		}
		Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
	}
}
