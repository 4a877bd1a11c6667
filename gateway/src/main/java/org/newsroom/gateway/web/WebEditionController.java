package org.newsroom.gateway.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.newsroom.gateway.cache.CachedPage;
import org.newsroom.gateway.cache.PageCache;
import org.newsroom.gateway.cache.PageKey;
import org.newsroom.gateway.cache.PageWriter;
import org.newsroom.gateway.page.ListPage;
import org.newsroom.gateway.page.PageComposer;
import org.newsroom.gateway.page.PageTags;
import org.newsroom.gateway.page.PageTop;
import org.newsroom.platform.http.ReaderCaching;
import org.newsroom.platform.problem.ProblemException;
import org.newsroom.platform.problem.Problems;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The web edition readers see: the home page, article pages, section and tag pages, search, and
 * honest error pages (404, 410 for a withdrawn article, 503), all server-rendered from the same
 * composition as the app API, so they degrade the same way (no Top 10, no photo). Pages are
 * rendered once and kept in the page cache (searches excepted); a reader whose page is kept
 * current never reaches this controller (cache/PageServer answers first).
 */
@Controller
class WebEditionController {

	/** article-service's limit for a search ({@code q}), checked here so the reader keeps the box. */
	static final int MAX_QUERY = 200;

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

	private final PageComposer composer;
	private final PageTop top;
	private final PageCache cache;
	private final HtmlRenderer renderer;
	private final WebProperties settings;
	private final JsonMapper json;
	private final Site site;

	WebEditionController(PageComposer composer, PageTop top, PageCache cache, HtmlRenderer renderer,
			WebProperties settings, JsonMapper json, @Value("${newsroom.public-base-url}") String publicBaseUrl) {
		this.composer = composer;
		this.top = top;
		this.cache = cache;
		this.renderer = renderer;
		this.settings = settings;
		this.json = json;
		this.site = Site.of(settings, publicBaseUrl);
	}

	@GetMapping(path = "/news/{slug}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<Void> article(@PathVariable String slug, ServerWebExchange exchange) {
		return page(PageKey.articleHtml(slug), exchange, () -> {
			long topVersion = top.version();
			return composer.articlePage(slug)
				.map(page -> page.withTopIfMissing(composer.lastKnownTop().orElse(null)))
				.map(page -> html(exchange, "article", ArticleView.of(page, settings.timeZone(), json), PageTags.of(page),
						topVersion, !page.degraded().isEmpty(), ReaderCaching.ARTICLE))
				.onErrorResume(ProblemException.class, problem -> Mono.just(errorPage(exchange, problem)));
		});
	}

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	Mono<Void> home(ServerWebExchange exchange) {
		return page(PageKey.homeHtml(), exchange, () -> {
			long topVersion = top.version();
			return composer.frontPage(settings.sections(), settings.perSection())
				.map(page -> page.withTopIfMissing(composer.lastKnownTop().orElse(null)))
				.map(page -> html(exchange, "home", FrontPageView.of(page, settings.timeZone(), site, json), PageTags.of(page),
						topVersion, !page.degraded().isEmpty(), ReaderCaching.LIST))
				.onErrorResume(ProblemException.class, problem -> Mono.just(errorPage(exchange, problem)));
		});
	}

	/** A section's stories, newest first, twenty a page; a name that is not a section is a 404 page. */
	@GetMapping(path = "/section/{name}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<Void> section(@PathVariable String name, @RequestParam(required = false) String cursor,
			ServerWebExchange exchange) {
		if (!site.hasSection(name)) {
			return PageWriter.write(exchange, errorPage(exchange, Problems.notFound("Section")));
		}
		String after = given(cursor);
		return page(PageKey.sectionHtml(name, after), exchange, () -> list(exchange, ListPage.Filter.section(name), after,
				page -> ListView.of("section", name, Site.title(name), "/section/" + name, page, after != null,
						settings.timeZone())));
	}

	/** The stories with a tag, newest first; a tag no published story has is a 404 page. */
	@GetMapping(path = "/tag/{tag}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<Void> tag(@PathVariable String tag, @RequestParam(required = false) String cursor, ServerWebExchange exchange) {
		if (tag.isBlank() || tag.length() > 100) {
			return PageWriter.write(exchange, errorPage(exchange, Problems.notFound("Tag")));
		}
		String after = given(cursor);
		String path = UriComponentsBuilder.fromPath("/tag/{tag}").encode().buildAndExpand(tag).toUriString();
		return page(PageKey.tagHtml(tag, after), exchange, () -> list(exchange, ListPage.Filter.tag(tag), after,
				page -> ListView.of("tag", tag, tag, path, page, after != null, settings.timeZone())));
	}

	/**
	 * The search page: the box, and the stories matching {@code q} (article-service's search,
	 * English and Korean alike). Never kept in the page cache: queries are as many as readers can
	 * type, and keeping them would push out the pages most read; results are sent with a short
	 * downstream lifetime (ReaderCaching.LIST) instead.
	 */
	@GetMapping(path = "/search", produces = MediaType.TEXT_HTML_VALUE)
	Mono<Void> search(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
			ServerWebExchange exchange) {
		String query = q != null ? q.strip() : "";
		if (query.isEmpty()) {
			return PageWriter.write(exchange, searchOnly(exchange, 200, "", null));
		}
		if (query.length() > MAX_QUERY) {
			return PageWriter.write(exchange, searchOnly(exchange, 400, query.substring(0, MAX_QUERY),
					"A search can be at most " + MAX_QUERY + " characters long."));
		}
		String after = given(cursor);
		return cache.once(() -> list(exchange, ListPage.Filter.search(query), after,
				page -> ListView.of("search", query, "Search", "/search", page, after != null, settings.timeZone())))
			.flatMap(found -> PageWriter.write(exchange, found));
	}

	private Mono<CachedPage> list(ServerWebExchange exchange, ListPage.Filter filter, String cursor,
			Function<ListPage, ListView> view) {
		long topVersion = top.version();
		return composer.listPage(filter, cursor, ListPage.SIZE)
			.map(page -> page.withTopIfMissing(composer.lastKnownTop().orElse(null)))
			.flatMap(page -> {
				// a tag no published story has (yet) is no page: not kept, not indexed
				if (filter.parameter().equals("tag") && page.items().isEmpty() && cursor == null) {
					return Mono.error(Problems.notFound("Tag"));
				}
				return Mono.just(html(exchange, "list", view.apply(page), PageTags.of(page), topVersion,
						!page.degraded().isEmpty(), ReaderCaching.LIST));
			})
			.onErrorResume(ProblemException.class, problem -> Mono.just(errorPage(exchange, problem)));
	}

	private CachedPage searchOnly(ServerWebExchange exchange, int status, String query, String problem) {
		byte[] body = renderer.render(exchange, "list", Map.of("site", site, "page", ListView.searchOnly(query, problem)));
		return CachedPage.once(status, HTML, status == 200 ? ReaderCaching.LIST.forReaders().getHeaderValue() : "no-store",
				Map.of(), body);
	}

	private static String given(String value) {
		return value != null && !value.isEmpty() ? value : null;
	}

	/** From the cache (composed once for all readers), or just for this request when it has credentials. */
	private Mono<Void> page(PageKey key, ServerWebExchange exchange, Supplier<Mono<CachedPage>> compose) {
		Mono<CachedPage> page = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
				? cache.once(compose) : cache.page(key, compose);
		return page.flatMap(found -> PageWriter.write(exchange, found));
	}

	/** A complete page may be kept downstream; a degraded one should be replaced soon. */
	private CachedPage html(ServerWebExchange exchange, String template, Object view, Set<String> tags, long topVersion,
			boolean degraded, ReaderCaching caching) {
		byte[] body = renderer.render(exchange, template, Map.of("site", site, "page", view));
		String cacheControl = degraded ? "no-store" : caching.forReaders().getHeaderValue();
		return CachedPage.of(200, HTML, cacheControl, body, tags, topVersion, degraded);
	}

	/**
	 * The page for what cannot be shown, in the site's look with its navigation: 404 (no such
	 * article, section or tag), 410 (an article withdrawn), 400 (a cursor the list refuses) or 503.
	 */
	private CachedPage errorPage(ServerWebExchange exchange, ProblemException problem) {
		HttpStatus status = problem.status();
		Map<String, Object> model = new HashMap<>();
		model.put("site", site);
		model.put("status", status.value());
		model.put("kind", switch (status) {
			case NOT_FOUND -> "not-found";
			case GONE -> "withdrawn";
			case BAD_REQUEST -> "bad-request";
			default -> "unavailable";
		});
		Map<String, String> headers = new HashMap<>();
		if (problem.retryAfter() != null) {
			headers.put(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, problem.retryAfter().toSeconds())));
		}
		return CachedPage.once(status.value(), HTML, "no-store", headers, renderer.render(exchange, "error", model));
	}
}
