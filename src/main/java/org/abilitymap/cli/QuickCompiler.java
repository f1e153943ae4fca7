package org.abilitymap.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.JMException;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a command-line run of abilitymap on the JVM's quick compiler (C1): a command lasts seconds, and on a machine
 * with two cores the optimising compiler (C2) takes one of them away from the work for most of that time without
 * paying it back. It adds a compiler directive (JEP 165, the {@code Compiler.directives_add} diagnostic command)
 * when the command starts, the same as {@code -XX:TieredStopAtLevel=1} without asking the user for the option; the
 * server is left alone, since it runs long enough to gain from C2.
 */
public final class QuickCompiler {

	private static final Logger log = LoggerFactory.getLogger(QuickCompiler.class);

	/** Every method: not compiled by C2, so the tiered policy keeps it at C1's full-speed level. */
	private static final String DIRECTIVES = "[ { match: \"*.*\", c2: { Exclude: true } } ]";

	private QuickCompiler() {
	}

	/** Adds the directive; on a JVM without the diagnostic command the run goes on with its default compilers. */
	public static void use() {
		Path file = null;
		try {
			file = Files.createTempFile("abilitymap-compiler-", ".json");
			Files.writeString(file, DIRECTIVES);
			ManagementFactory.getPlatformMBeanServer().invoke(
					new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
					new Object[] { new String[] { file.toString() } }, new String[] { String[].class.getName() });
		}
		catch (IOException | JMException | RuntimeException ex) {
			log.debug("This JVM takes no compiler directives; the command runs with its default compilers", ex);
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					log.debug("Could not delete {}", file, ex);
				}
			}
		}
	}
}
