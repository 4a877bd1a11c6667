package org.newsroom.ranking.counting;

import java.time.Duration;

/**
 * The failed attempts in a row of something the flusher retries until it succeeds (a batch of
 * counts, a round of shared decisions): says when a failure is worth a WARN (the first, then at
 * most every 30 seconds) and, once it succeeds again, how many attempts had failed, for one INFO.
 * Owned by the flusher thread.
 */
final class FailureStreak {

	private static final Duration LOG_EVERY = Duration.ofSeconds(30);

	private int inRow;
	private long lastLog;

	/** One more failure; true when it should be logged. */
	boolean failed() {
		inRow++;
		long now = System.nanoTime();
		if (inRow == 1 || now - lastLog >= LOG_EVERY.toNanos()) {
			lastLog = now;
			return true;
		}
		return false;
	}

	/** The failures in a row so far (the attempt number of the latest). */
	int inRow() {
		return inRow;
	}

	/** A success: how many attempts had failed before it (0: none, nothing to log), and a new streak. */
	int ended() {
		int failed = inRow;
		inRow = 0;
		return failed;
	}
}
