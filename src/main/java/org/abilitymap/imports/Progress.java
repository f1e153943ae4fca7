package org.abilitymap.imports;

/**
 * Where long imports and exports report how far they are: the command line draws a progress bar from it, a web
 * upload passes {@link #NONE}.
 */
public interface Progress {

	/** A progress that nobody watches. */
	Progress NONE = new Progress() {
		@Override
		public void begin(String phase, long total) {
		}

		@Override
		public void advance(long units) {
		}
	};

	/**
	 * Starts a phase of the work.
	 *
	 * @param phase what is being done, for a person ("occupations", "skill relations")
	 * @param total the units the phase has, or -1 when not known in advance
	 */
	void begin(String phase, long total);

	/** Records that some more units of the current phase are done. */
	void advance(long units);

	/** This progress, safe to advance from several threads at once (writers of one phase running side by side). */
	static Progress shared(Progress progress) {
		return new Progress() {
			@Override
			public synchronized void begin(String phase, long total) {
				progress.begin(phase, total);
			}

			@Override
			public synchronized void advance(long units) {
				progress.advance(units);
			}
		};
	}
}
