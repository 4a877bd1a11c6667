package org.newsroom.gateway.desk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the story list's form asks for: a status (null for every status), a section (null for
 * all), a search text, and where to continue (article-service's {@code nextCursor}). Empty
 * fields count as not given, as a browser sends them.
 */
record StoryFilters(String status, String section, String q, String cursor) {

	/** The statuses the form offers, as article-service names them but in lower case. */
	static final List<String> STATUSES = List.of("draft", "scheduled", "published", "withdrawn");

	/** article-service's own limit on {@code q}. */
	static final int MAX_QUERY = 200;

	static StoryFilters from(MultiValueMap<String, String> query) {
		return new StoryFilters(given(query.getFirst("status")), given(query.getFirst("section")),
				given(query.getFirst("q")), given(query.getFirst("cursor")));
	}

	/** What is wrong with the filters, for the page; null when nothing is. */
	String problem(List<String> sections) {
		if (status != null && !STATUSES.contains(status)) {
			return "There is no status \"" + status + "\"; choose one from the list.";
		}
		if (section != null && !sections.contains(section)) {
			return "There is no section \"" + section + "\"; choose one from the list.";
		}
		if (q != null && q.length() > MAX_QUERY) {
			return "The search text is longer than " + MAX_QUERY + " characters.";
		}
		return null;
	}

	/** article-service's {@code status} parameter: the one chosen, or every status. */
	String apiStatuses() {
		return status != null ? status.toUpperCase(Locale.ROOT) : "DRAFT,SCHEDULED,PUBLISHED,WITHDRAWN";
	}

	/** Whether the list is narrowed by anything (the empty list then says so). Public: the page asks. */
	public boolean narrowed() {
		return status != null || section != null || q != null;
	}

	/** Whether this is a later page than the first. */
	public boolean continued() {
		return cursor != null;
	}

	/** The list with these filters from {@code nextCursor} on (null: from the newest). */
	String link(String nextCursor) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/desk");
		Map<String, String> values = new LinkedHashMap<>();
		values.put("status", status);
		values.put("section", section);
		values.put("q", q);
		values.put("cursor", nextCursor);
		values.values().removeIf(Objects::isNull);
		// template variables, so that '&', '+' or '=' in a search text stay inside its value
		values.keySet().forEach(name -> link.queryParam(name, "{" + name + "}"));
		return link.encode().buildAndExpand(values).toUriString();
	}

	private static String given(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
