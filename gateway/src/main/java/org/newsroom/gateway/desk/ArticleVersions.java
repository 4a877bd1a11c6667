package org.newsroom.gateway.desk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Every version of an article that can be known, rebuilt from the article as it is now and its
 * revisions. article-service keeps no copy of whole versions: each revision holds the fields the
 * change touched with their values before it (article-service's {@code ArticleDiff}, the same
 * fields as {@link #FIELDS}). So the version before a revision is the version after it with
 * those values put back, and walking back from the current article gives every version in turn,
 * exactly, for as far as the revisions reach without a gap.
 *
 * <p>A deleted article has no current state to start from, so none of its versions can be
 * rebuilt; its revisions still say who changed which fields when.
 */
final class ArticleVersions {

	/** What a revision can tell about, in the order of the article JSON (article-service's {@code ArticleDiff}). */
	static final List<String> FIELDS = List.of("slug", "headline", "deck", "summary", "body", "section", "tags",
			"byline", "source", "dateline", "language", "leadMediaId", "relatedIds", "embargoUntil", "status",
			"publishAt", "firstPublishedAt", "corrections");

	/** A field a change touched and the value it had before (null when it had none). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record FieldChange(String field, JsonNode previous) {
	}

	/** One recorded change: {@code version} is the article's version after it. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Revision(long version, java.time.Instant at, String by, String action, List<FieldChange> changes) {

		List<FieldChange> changesOrNone() {
			return changes != null ? changes : List.of();
		}
	}

	/** An article at one version: the value of each of {@link #FIELDS} (a JSON null when it had none). */
	record Version(long number, Map<String, JsonNode> fields) {
	}

	private final Map<Long, Version> versions;

	private ArticleVersions(Map<Long, Version> versions) {
		this.versions = versions;
	}

	/**
	 * @param current the article as article-service answered it, read before the revisions (so
	 *     that the revisions include every change up to its version); null when it was deleted
	 * @param revisions the history, in any order
	 */
	static ArticleVersions rebuild(JsonNode current, List<Revision> revisions) {
		Map<Long, Version> known = new LinkedHashMap<>();
		if (current == null || !current.hasNonNull("version")) {
			return new ArticleVersions(known);
		}
		Map<Long, Revision> byVersion = new LinkedHashMap<>();
		revisions.forEach(revision -> byVersion.put(revision.version(), revision));
		Map<String, JsonNode> state = new LinkedHashMap<>();
		for (String field : FIELDS) {
			state.put(field, normal(current.get(field)));
		}
		long number = current.get("version").asLong();
		// each step needs the revision that made this version; a gap (a history cut short) ends the walk
		while (number >= 0 && byVersion.containsKey(number)) {
			known.put(number, new Version(number, Collections.unmodifiableMap(new LinkedHashMap<>(state))));
			for (FieldChange change : byVersion.get(number).changesOrNone()) {
				if (state.containsKey(change.field())) {
					state.put(change.field(), normal(change.previous()));
				}
			}
			number--;
		}
		return new ArticleVersions(known);
	}

	/** The version with this number, or null when it cannot be known. */
	Version at(long number) {
		return versions.get(number);
	}

	/** The numbers of the versions that can be shown, newest first. */
	List<Long> numbers() {
		List<Long> numbers = new ArrayList<>(versions.keySet());
		numbers.sort(Collections.reverseOrder());
		return numbers;
	}

	/** Absent, JSON null and an empty list all mean "none" (article-service treats them alike). */
	private static JsonNode normal(JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode() || value.isArray() && value.isEmpty()) {
			return NullNode.getInstance();
		}
		return value;
	}
}
