package org.newsroom.gateway.cache;

import org.newsroom.gateway.edge.EdgeOrder;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Answers a reader's page from the page cache when it holds the page current, before any routing
 * or controller runs: most page views end here. Everything else goes on to the controllers of the
 * web edition and the page API, which compose the page (once for all who ask at the same time),
 * keep it, and send it the same way ({@link PageWriter}). A request with credentials is never
 * answered from the cache.
 */
@Component
public class PageServer implements WebFilter, Ordered {

	private static final PathPattern ARTICLE = PathPatternParser.defaultInstance.parse("/news/{slug}");

	private static final PathPattern ARTICLE_JSON = PathPatternParser.defaultInstance.parse("/api/pages/articles/{slug}");

	private static final PathPattern SECTION = PathPatternParser.defaultInstance.parse("/section/{name}");

	private static final PathPattern SECTION_JSON = PathPatternParser.defaultInstance.parse("/api/pages/sections/{name}");

	private static final PathPattern TAG = PathPatternParser.defaultInstance.parse("/tag/{tag}");

	private final PageCache cache;

	PageServer(PageCache cache) {
		this.cache = cache;
	}

	@Override
	public int getOrder() {
		return EdgeOrder.PAGES;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		HttpMethod method = request.getMethod();
		if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)
				|| request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
			return chain.filter(exchange);
		}
		PageKey key = keyOf(request.getPath().pathWithinApplication(), request.getURI().getRawQuery() != null);
		CachedPage page = key != null ? cache.current(key) : null;
		if (page == null || !acceptable(request.getHeaders().getFirst(HttpHeaders.ACCEPT), page)) {
			return chain.filter(exchange);
		}
		return PageWriter.write(exchange, page);
	}

	/**
	 * The page a path names, or null. A list page with a query (a later page's {@code cursor}) is
	 * left to its controller, which keeps each page under its own key; article pages and the home
	 * page are the same page whatever query (a campaign's {@code utm_*}) comes with them.
	 */
	public static PageKey keyOf(PathContainer path, boolean query) {
		String value = path.value();
		if (value.equals("/")) {
			return PageKey.homeHtml();
		}
		if (value.equals("/api/pages/home")) {
			return PageKey.homeJson();
		}
		if (!query && value.startsWith("/section/")) {
			PathPattern.PathMatchInfo match = SECTION.matchAndExtract(path);
			return match != null ? PageKey.sectionHtml(match.getUriVariables().get("name"), null) : null;
		}
		if (!query && value.startsWith("/api/pages/sections/")) {
			PathPattern.PathMatchInfo match = SECTION_JSON.matchAndExtract(path);
			return match != null ? PageKey.sectionJson(match.getUriVariables().get("name"), null) : null;
		}
		if (!query && value.startsWith("/tag/")) {
			PathPattern.PathMatchInfo match = TAG.matchAndExtract(path);
			return match != null ? PageKey.tagHtml(match.getUriVariables().get("tag"), null) : null;
		}
		if (value.startsWith("/news/")) {
			PathPattern.PathMatchInfo match = ARTICLE.matchAndExtract(path);
			return match != null ? PageKey.articleHtml(match.getUriVariables().get("slug")) : null;
		}
		if (value.startsWith("/api/pages/articles/")) {
			PathPattern.PathMatchInfo match = ARTICLE_JSON.matchAndExtract(path);
			return match != null ? PageKey.articleJson(match.getUriVariables().get("slug")) : null;
		}
		return null;
	}

	/** A request that names what it accepts and leaves this page out goes on to the controllers (406). */
	public static boolean acceptable(String accept, CachedPage page) {
		return accept == null || accept.contains("*/*") || accept.contains(page.contentType().getType() + "/*")
				|| accept.contains(page.contentType().getType() + "/" + page.contentType().getSubtype());
	}
}
