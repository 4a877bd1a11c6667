package org.newsroom.article.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.newsroom.article.story.ArticleStatus;
import org.newsroom.article.story.Ids;
import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.Problems;

/**
 * The query parameters of {@code GET /api/articles} and {@code GET /api/articles/summaries},
 * read by hand so that every bad value is a 400 naming the parameter: unknown parameters (such
 * as {@code section[$ne]}), values that start with {@code $}, sizes out of range. Pure, so the
 * rules are tested without a server (ListingParametersTest); the cursor itself is read by
 * {@link Cursor}.
 */
final class ListingParameters {

	static final int DEFAULT_SIZE = 20;
	static final int MAX_SIZE = 100;
	static final int MAX_SUMMARIES = 100;
	static final int MAX_QUERY = 200;

	private static final Set<String> LIST_PARAMETERS = Set.of("section", "tag", "source", "author", "media", "q", "size",
			"cursor", "status");

	private ListingParameters() {
	}

	/**
	 * The listing asked for by {@code parameters} (as the servlet request's parameter map).
	 * @param editor whether the caller is an editor (readers always get PUBLISHED)
	 * @param sections the newspaper's sections
	 */
	static ArticleQuery query(Map<String, String[]> parameters, boolean editor, List<String> sections) {
		Map<String, String> params = single(parameters, LIST_PARAMETERS);
		String section = params.get("section");
		if (section != null && !sections.contains(section)) {
			throw bad("section", "unknown section; one of " + sections);
		}
		String q = params.get("q");
		if (q != null && q.length() > MAX_QUERY) {
			throw bad("q", "at most " + MAX_QUERY + " characters");
		}
		String media = params.get("media");
		if (media != null) {
			Ids.require(media, "media");
		}
		return new ArticleQuery(statuses(params.get("status"), editor, media != null), section, filter(params, "tag"),
				filter(params, "source"), filter(params, "author"), media, q, size(params.get("size")),
				params.get("cursor"));
	}

	/** The ids asked for in {@code ids} (comma-separated, may be given more than once), in order, without repeats. */
	static List<String> summaryIds(Map<String, String[]> parameters) {
		single(parameters, Set.of("ids"));
		String[] values = parameters.get("ids");
		if (values == null) {
			throw bad("ids", "required: comma-separated article ids");
		}
		Set<String> ids = new LinkedHashSet<>();
		for (String value : values) {
			for (String id : value.split(",", -1)) {
				String trimmed = id.strip();
				if (trimmed.isEmpty()) {
					continue;
				}
				if (!Ids.isValid(trimmed)) {
					throw bad("ids", "not an article id: '" + abbreviate(trimmed) + "'");
				}
				ids.add(trimmed);
				if (ids.size() > MAX_SUMMARIES) {
					throw bad("ids", "at most " + MAX_SUMMARIES + " ids");
				}
			}
		}
		return new ArrayList<>(ids);
	}

	/**
	 * Readers see PUBLISHED only (security refuses them {@code status} and {@code media} before
	 * this runs); editors may ask for one or more statuses, comma-separated. Which articles show
	 * a photo is asked before taking it down or changing its rights, so it covers every status
	 * unless some are named.
	 */
	private static List<ArticleStatus> statuses(String value, boolean editor, boolean byPhoto) {
		if (value == null && editor && byPhoto) {
			return List.of(ArticleStatus.values());
		}
		if (value == null || !editor) {
			return List.of(ArticleStatus.PUBLISHED);
		}
		List<ArticleStatus> statuses = new ArrayList<>();
		for (String name : value.split(",")) {
			try {
				statuses.add(ArticleStatus.valueOf(name.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException e) {
				throw bad("status", "one or more of DRAFT, SCHEDULED, PUBLISHED, WITHDRAWN");
			}
		}
		return statuses;
	}

	private static int size(String value) {
		if (value == null) {
			return DEFAULT_SIZE;
		}
		try {
			int size = Integer.parseInt(value);
			if (size >= 1 && size <= MAX_SIZE) {
				return size;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		throw bad("size", "a whole number from 1 to " + MAX_SIZE);
	}

	private static String filter(Map<String, String> params, String name) {
		String value = params.get(name);
		if (value != null && (value.isBlank() || value.length() > 100)) {
			throw bad(name, "1 to 100 characters");
		}
		return value;
	}

	/**
	 * Each known parameter at most once; anything else is refused, which also refuses the
	 * {@code name[$op]=} form some frameworks turn into operators. Values starting with
	 * {@code $} are refused in every filter (not in {@code q}, which is free text).
	 */
	private static Map<String, String> single(Map<String, String[]> parameters, Set<String> allowed) {
		Map<String, String> params = new HashMap<>();
		for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
			String name = entry.getKey();
			if (!allowed.contains(name)) {
				throw bad(abbreviate(name), "unknown parameter; known: " + String.join(", ", new TreeSet<>(allowed)));
			}
			String[] values = entry.getValue();
			if (!name.equals("ids") && values.length > 1) {
				throw bad(name, "give it once");
			}
			if (!name.equals("q") && values.length > 0 && values[0].startsWith("$")) {
				throw bad(name, "values starting with $ are not accepted");
			}
			params.put(name, values.length > 0 ? values[0] : null);
		}
		return params;
	}

	private static RuntimeException bad(String field, String message) {
		return Problems.badRequest(field + ": " + message, List.of(new FieldProblem(field, message)));
	}

	private static String abbreviate(String value) {
		return value.length() <= 40 ? value : value.substring(0, 40) + "...";
	}
}
