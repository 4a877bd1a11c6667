package org.newsroom.gateway.page;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.newsroom.gateway.cache.CachedPage;
import org.newsroom.gateway.cache.PageCache;
import org.newsroom.gateway.cache.PageKey;
import org.newsroom.gateway.cache.PageWriter;
import org.newsroom.platform.http.ReaderCaching;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.newsroom.platform.openapi.Answers;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The composed article page for apps (docs/architecture.md, "gateway"), composed once and kept in the page
 * cache like the web edition's pages (a reader whose page is kept current is answered by
 * cache/PageServer before this runs).
 */
@RestController
@Tag(name = "Pages for apps", description = "One answer per screen, composed by the gateway from the services' answers")
class PageController {

	private final PageComposer composer;
	private final PageTop top;
	private final PageCache cache;
	private final JsonMapper json;

	PageController(PageComposer composer, PageTop top, PageCache cache, JsonMapper json) {
		this.composer = composer;
		this.top = top;
		this.cache = cache;
		this.json = json;
	}

	@GetMapping(path = "/api/pages/articles/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "getArticlePage", summary = "An article with its lead photo, the Top 10 and related articles, in one answer")
	@ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
			schema = @Schema(implementation = ArticlePage.class)))
	@Answers(notModified = true, problems = { 400, 404 })
	Mono<Void> articlePage(@PathVariable String slug, ServerWebExchange exchange) {
		PageKey key = PageKey.articleJson(slug);
		Mono<CachedPage> page = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
				? cache.once(() -> compose(slug)) : cache.page(key, () -> compose(slug));
		return page.flatMap(found -> PageWriter.write(exchange, found));
	}

	private Mono<CachedPage> compose(String slug) {
		long topVersion = top.version();
		return composer.articlePage(slug).map(page -> {
			boolean degraded = !page.degraded().isEmpty();
			// a degraded page should be replaced by the full one soon
			String cacheControl = degraded ? "no-store" : ReaderCaching.ARTICLE.forReaders().getHeaderValue();
			return CachedPage.of(200, MediaType.APPLICATION_JSON, cacheControl, json.writeValueAsBytes(page),
					PageTags.of(page), topVersion, degraded);
		});
	}
}
