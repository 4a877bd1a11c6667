package org.newsroom.gateway.cache;

/**
 * One cached page: what it is ({@code kind}: an article's page, its JSON for apps, the home
 * page) and which ({@code name}: the slug, or empty). Every reader gets the same bytes for a key;
 * only the encoding differs, chosen per request.
 */
public record PageKey(String kind, String name) {

	public static PageKey articleHtml(String slug) {
		return new PageKey("article", slug);
	}

	public static PageKey articleJson(String slug) {
		return new PageKey("article-json", slug);
	}

	public static PageKey homeHtml() {
		return new PageKey("home", "");
	}

	/** The path pattern the page is served at (the {@code uri} of its request metrics). */
	public String pattern() {
		return switch (kind) {
			case "article" -> "/news/{slug}";
			case "article-json" -> "/api/pages/articles/{slug}";
			default -> "/";
		};
	}
}
