package org.abilitymap.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.abilitymap.imports.Progress;

/**
 * Draws a progress bar on the command line: redrawn in place on a terminal, one line per tenth of the work (or per
 * 100,000 units when the total is unknown) when the output is a file or a pipe.
 */
final class ConsoleProgress implements Progress {

	private static final int WIDTH = 30;

	private final PrintStream out;

	private final boolean terminal;

	private String phase;

	private long total;

	private long done;

	private long started;

	private long lastDrawn;

	private long lastReported;

	ConsoleProgress(PrintStream out, boolean terminal) {
		this.out = out;
		this.terminal = terminal;
	}

	/** A progress bar on the given stream, redrawn in place when the process has a terminal. */
	static ConsoleProgress on(PrintStream out) {
		return new ConsoleProgress(out, System.console() != null);
	}

	@Override
	public synchronized void begin(String phase, long total) {
		finishLine();
		this.phase = phase;
		this.total = total;
		this.done = 0;
		this.lastReported = 0;
		this.started = System.nanoTime();
		draw(true);
	}

	@Override
	public synchronized void advance(long units) {
		done += units;
		draw(false);
	}

	/** Ends the current bar's line, if one is drawn. */
	synchronized void finishLine() {
		if (phase != null) {
			draw(true);
			if (terminal) {
				out.println();
			}
			phase = null;
		}
	}

	private void draw(boolean force) {
		long now = System.nanoTime();
		if (terminal) {
			if (!force && now - lastDrawn < 100_000_000L) {
				return;
			}
			lastDrawn = now;
			out.print("\r" + line(now));
			out.flush();
			return;
		}
		long step = total > 0 ? Math.max(1, total / 10) : 100_000;
		if (force && done == 0 || done - lastReported >= step || (force && done != lastReported)) {
			lastReported = done;
			out.println(line(now));
		}
	}

	private String line(long now) {
		double seconds = (now - started) / 1e9;
		if (total > 0) {
			int filled = (int) Math.min(WIDTH, WIDTH * done / total);
			return String.format(Locale.ROOT, "%-24s [%s%s] %3d%% %,d/%,d %.1f s", phase, "#".repeat(filled),
					" ".repeat(WIDTH - filled), 100 * done / total, done, total, seconds);
		}
		return String.format(Locale.ROOT, "%-24s %,d %.1f s", phase, done, seconds);
	}
}
