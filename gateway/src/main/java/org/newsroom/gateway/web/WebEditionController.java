package org.newsroom.gateway.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.newsroom.gateway.cache.CachedPage;
import org.newsroom.gateway.cache.PageCache;
import org.newsroom.gateway.cache.PageKey;
import org.newsroom.gateway.cache.PageWriter;
import org.newsroom.gateway.page.PageComposer;
import org.newsroom.gateway.page.PageTags;
import org.newsroom.gateway.page.PageTop;
import org.newsroom.platform.http.ReaderCaching;
import org.newsroom.platform.problem.ProblemException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;

/**
 * The web edition readers see: server-rendered pages built from the same composition as the
 * app API, so they degrade the same way (no Top 10, no photo) and show an honest error page when
 * the article cannot be had. Pages are rendered once and kept in the page cache; a reader whose
 * page is kept current never reaches this controller (cache/PageServer answers first).
 */
@Controller
class WebEditionController {

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

	/** The paper's name and public address (titles, canonical links), and its letters page. */
	record Site(String name, String baseUrl, String lettersUrl) {

		static Site of(WebProperties settings, String publicBaseUrl) {
			return new Site(settings.siteName(), publicBaseUrl.replaceAll("/+$", ""),
					ArticleView.webLink(settings.lettersUrl()));
		}
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
				.map(page -> html(exchange, "home", FrontPageView.of(page, settings.timeZone()), PageTags.of(page), topVersion,
						!page.degraded().isEmpty(), ReaderCaching.LIST))
				.onErrorResume(ProblemException.class, problem -> Mono.just(errorPage(exchange, problem)));
		});
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

	private CachedPage errorPage(ServerWebExchange exchange, ProblemException problem) {
		HttpStatus status = problem.status();
		Map<String, Object> model = new HashMap<>();
		model.put("site", site);
		model.put("status", status.value());
		model.put("notFound", status == HttpStatus.NOT_FOUND);
		Map<String, String> headers = new HashMap<>();
		if (problem.retryAfter() != null) {
			headers.put(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, problem.retryAfter().toSeconds())));
		}
		return CachedPage.once(status.value(), HTML, "no-store", headers, renderer.render(exchange, "error", model));
	}
}
