package org.newsroom.gateway.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small readers of the services' fields shared by the page views: text, lists and reader-facing times. */
final class PageText {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("MMM d, yyyy, HH:mm z", Locale.ENGLISH);

	private PageText() {
	}

	/** A text field that says something: null when absent or blank. */
	static String text(String value) {
		return value != null && !value.isBlank() ? value : null;
	}

	/** The entries of a list of texts that say something. */
	static List<String> texts(List<String> values) {
		List<String> shown = new ArrayList<>();
		for (String value : values) {
			if (text(value) != null) {
				shown.add(value);
			}
		}
		return shown;
	}

	/** An instant for a reader ("Nov 27, 2026, 18:30 KST") and for machines (ISO), or null. */
	static Moment moment(String sent, ZoneId zone) {
		String value = text(sent);
		if (value == null) {
			return null;
		}
		try {
			Instant instant = Instant.parse(value);
			return new Moment(instant.toString(), SHOWN.format(instant.atZone(zone)));
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	/** A time as shown and as put into {@code <time datetime>}. */
	record Moment(String iso, String shown) {
	}
}
