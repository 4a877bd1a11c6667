package org.newsroom.ranking.top;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The ranking windows. Counts are hourly, so a window is measured in whole clock hours: the
 * current hour so far plus the N previous full hours ({@code 1h} at 10:20 sums the buckets of
 * 09:00 and 10:00). A list therefore never empties at the top of an hour, and a view is in
 * the {@code 30d} list for at least 30 days.
 */
public enum Window {

	HOUR("1h", Duration.ofHours(1)), SIX_HOURS("6h", Duration.ofHours(6)), DAY("24h", Duration.ofHours(24)),
	WEEK("7d", Duration.ofDays(7)), MONTH("30d", Duration.ofDays(30));

	static final String NAMES = "1h, 6h, 24h, 7d, 30d";

	private final String label;
	private final Duration length;

	Window(String label, Duration length) {
		this.label = label;
		this.length = length;
	}

	public String label() {
		return label;
	}

	/** The start of the oldest hourly bucket in the window. */
	public Instant from(Instant now) {
		return now.truncatedTo(ChronoUnit.HOURS).minus(length);
	}

	boolean isLong() {
		return length.compareTo(Duration.ofDays(1)) > 0;
	}

	/** The window with this label, or null. */
	static Window named(String label) {
		for (Window window : values()) {
			if (window.label.equals(label)) {
				return window;
			}
		}
		return null;
	}
}
