package org.newsroom.gateway.page;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.newsroom.gateway.cache.CachedPage;
import org.newsroom.gateway.cache.PageCache;
import org.newsroom.gateway.cache.PageKey;
import org.newsroom.gateway.cache.PageWriter;
import org.newsroom.gateway.web.WebProperties;
import org.newsroom.platform.http.ReaderCaching;
import org.newsroom.platform.problem.Problems;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.newsroom.platform.openapi.Answers;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The composed screens for apps (docs/architecture.md, "gateway"): an article, the home screen and a
 * section, each in one answer, composed once and kept in the page cache like the web edition's
 * pages (a reader whose page is kept current is answered by cache/PageServer before this runs).
 */
@RestController
@Tag(name = "Pages for apps", description = "One answer per screen, composed by the gateway from the services' answers")
class PageController {

	private final PageComposer composer;
	private final PageTop top;
	private final PageCache cache;
	private final JsonMapper json;
	private final WebProperties web;

	PageController(PageComposer composer, PageTop top, PageCache cache, JsonMapper json, WebProperties web) {
		this.composer = composer;
		this.top = top;
		this.cache = cache;
		this.json = json;
		this.web = web;
	}

	@GetMapping(path = "/api/pages/articles/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "getArticlePage", summary = "An article with its lead photo, the Top 10 and related articles, in one answer")
	@ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
			schema = @Schema(implementation = ArticlePage.class)))
	@Answers(notModified = true, problems = { 400, 404, 410 })
	Mono<Void> articlePage(@Parameter(description = "The article's slug, as article-service gives it; longer than 200 "
			+ "characters is a 400", 
			schema = @Schema(type = "string", minLength = 1, maxLength = 200, example = "ferries-run")) @PathVariable String slug, ServerWebExchange exchange) {
		return send(exchange, PageKey.articleJson(slug), () -> {
			long topVersion = top.version();
			return composer.articlePage(slug).map(page -> json(page, PageTags.of(page), topVersion, page.degraded(),
					ReaderCaching.ARTICLE));
		});
	}

	@GetMapping(path = "/api/pages/home", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "getHomePage", summary = "The home screen: each section's latest articles and the Top 10, in one answer",
			description = "A part whose service is down is null or left out and named in degraded "
					+ "(top, section:<name>); article-service down for every section is a 503.")
	@ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
			schema = @Schema(implementation = FrontPage.class)))
	@Answers(notModified = true)
	Mono<Void> homePage(ServerWebExchange exchange) {
		return send(exchange, PageKey.homeJson(), () -> {
			long topVersion = top.version();
			return composer.frontPage(web.sections(), web.perSection()).map(page -> json(page, PageTags.of(page),
					topVersion, page.degraded(), ReaderCaching.LIST));
		});
	}

	@GetMapping(path = "/api/pages/sections/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "getSectionPage",
			summary = "A section screen: one page of the section's articles, newest first, and the Top 10, in one answer",
			description = "Older articles: pass nextCursor as cursor. The Top 10 is null and named in degraded when "
					+ "ranking-service is down. 400: a cursor article-service does not accept; 404: not one of the "
					+ "paper's sections.")
	@ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
			schema = @Schema(implementation = SectionPage.class)))
	@Answers(notModified = true, problems = { 400, 404 })
	Mono<Void> sectionPage(@Parameter(description = "One of the paper's sections (NEWSROOM_WEB_SECTIONS); any other name is a 404", example = "world",
			schema = @Schema(type = "string", pattern = "^[a-z0-9-]{1,40}$", example = "world")) @PathVariable String name,
			@Parameter(description = "nextCursor of the page before") @RequestParam(required = false) String cursor,
			ServerWebExchange exchange) {
		if (!web.sections().contains(name)) {
			return Mono.error(Problems.notFound("Section '" + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + "'"));
		}
		String after = cursor != null && !cursor.isEmpty() ? cursor : null;
		return send(exchange, PageKey.sectionJson(name, after), () -> {
			long topVersion = top.version();
			return composer.listPage(ListPage.Filter.section(name), after, ListPage.SIZE)
				.map(page -> json(SectionPage.of(name, page), PageTags.of(page), topVersion, page.degraded(),
						ReaderCaching.LIST));
		});
	}

	/** From the cache (composed once for all readers), or just for this request when it has credentials. */
	private Mono<Void> send(ServerWebExchange exchange, PageKey key, java.util.function.Supplier<Mono<CachedPage>> compose) {
		Mono<CachedPage> page = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
				? cache.once(compose) : cache.page(key, compose);
		return page.flatMap(found -> PageWriter.write(exchange, found));
	}

	private CachedPage json(Object page, java.util.Set<String> tags, long topVersion, List<String> degraded,
			ReaderCaching caching) {
		// a degraded page should be replaced by the full one soon
		String cacheControl = !degraded.isEmpty() ? "no-store" : caching.forReaders().getHeaderValue();
		return CachedPage.of(200, MediaType.APPLICATION_JSON, cacheControl, json.writeValueAsBytes(page), tags, topVersion,
				!degraded.isEmpty());
	}
}
