package org.newsroom.gateway.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/** Small readers of service JSON shared by the page views: text, lists and reader-facing times. */
final class PageText {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("MMM d, yyyy, HH:mm z", Locale.ENGLISH);

	private PageText() {
	}

	static String text(JsonNode node, String field) {
		if (node == null) {
			return null;
		}
		JsonNode value = node.path(field);
		return value.isString() && !value.asString().isBlank() ? value.asString() : null;
	}

	static List<String> texts(JsonNode node, String field) {
		List<String> values = new ArrayList<>();
		if (node != null) {
			for (JsonNode value : node.path(field)) {
				if (value.isString() && !value.asString().isBlank()) {
					values.add(value.asString());
				}
			}
		}
		return values;
	}

	/** An instant for a reader ("Nov 27, 2026, 18:30 KST") and for machines (ISO), or null. */
	static Moment moment(JsonNode node, String field, ZoneId zone) {
		String value = text(node, field);
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
