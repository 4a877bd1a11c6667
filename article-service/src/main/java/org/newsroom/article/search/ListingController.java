package org.newsroom.article.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import org.newsroom.article.story.ArticleStatus;
import org.newsroom.article.story.ArticleView;
import org.newsroom.article.story.Callers;
import org.newsroom.article.story.Ids;
import org.newsroom.article.story.PageMetadata;
import org.newsroom.article.config.ArticleProperties;
import org.newsroom.platform.http.ReaderCaching;
import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.Problems;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/articles} (list, filter, search) and {@code GET /api/articles/summaries}.
 * Parameters are read by hand so that every bad value is a 400 naming the parameter: unknown
 * parameters (such as {@code section[$ne]}), values that start with {@code $}, sizes out of
 * range, cursors that are not ours.
 */
@RestController
@RequestMapping("/api/articles")
class ListingController {

	static final int DEFAULT_SIZE = 20;
	static final int MAX_SIZE = 100;
	static final int MAX_SUMMARIES = 100;
	static final int MAX_QUERY = 200;

	private static final Set<String> LIST_PARAMETERS = Set.of("section", "tag", "source", "author", "media", "q", "size",
			"cursor", "status");

	private final ArticleListing listing;
	private final PageMetadata pages;
	private final ArticleProperties properties;

	ListingController(ArticleListing listing, PageMetadata pages, ArticleProperties properties) {
		this.listing = listing;
		this.pages = pages;
		this.properties = properties;
	}

	record ArticlePage(List<ArticleView> items, String nextCursor) {
	}

	record Summary(String id, String slug, String headline, String section, String leadMediaId,
			Instant firstPublishedAt) {
	}

	record Summaries(List<Summary> items) {
	}

	@GetMapping
	ResponseEntity<ArticlePage> list(HttpServletRequest request, Authentication caller) {
		Map<String, String> params = single(request, LIST_PARAMETERS);
		boolean editor = Callers.isEditor(caller);
		String section = params.get("section");
		if (section != null && !properties.sections().contains(section)) {
			throw bad("section", "unknown section; one of " + properties.sections());
		}
		String q = params.get("q");
		if (q != null && q.length() > MAX_QUERY) {
			throw bad("q", "at most " + MAX_QUERY + " characters");
		}
		String media = params.get("media");
		if (media != null) {
			Ids.require(media, "media");
		}
		ArticleQuery query = new ArticleQuery(statuses(params.get("status"), editor, media != null), section,
				filter(params, "tag"), filter(params, "source"), filter(params, "author"), media, q,
				size(params.get("size")), params.get("cursor"));
		ArticleListing.Page page = listing.find(query);
		return ResponseEntity.ok()
			.cacheControl(editor ? ReaderCaching.forCredentials() : ReaderCaching.LIST.forCaller(caller == null))
			.body(new ArticlePage(page.items().stream().map(a -> pages.view(a, editor)).toList(), page.nextCursor()));
	}

	@GetMapping("/summaries")
	ResponseEntity<Summaries> summaries(HttpServletRequest request, Authentication caller) {
		String[] values = request.getParameterValues("ids");
		single(request, Set.of("ids"));
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
		return ResponseEntity.ok()
			.cacheControl(ReaderCaching.LIST.forCaller(caller == null))
			.body(new Summaries(listing.publishedIn(new ArrayList<>(ids))
				.stream()
				.map(a -> new Summary(a.id(), a.slug(), a.content().headline(), a.content().section(),
						a.content().leadMediaId(), a.firstPublishedAt()))
				.toList()));
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
	private static Map<String, String> single(HttpServletRequest request, Set<String> allowed) {
		Map<String, String> params = new HashMap<>();
		for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
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
