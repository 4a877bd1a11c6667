package org.newsroom.gateway.cache;

/**
 * One cached page: what it is ({@code kind}: an article's page, its JSON for apps, the home
 * page and its JSON, a section's or a tag's page) and which ({@code name}: the slug, section or
 * tag, with the cursor of a later page; empty for the home page). Every reader gets the same bytes for a key;
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

	public static PageKey homeJson() {
		return new PageKey("home-json", "");
	}

	/** A section's page; {@code cursor} null for its first page, the one {@link PageServer} serves. */
	public static PageKey sectionHtml(String section, String cursor) {
		return new PageKey("section", paged(section, cursor));
	}

	public static PageKey sectionJson(String section, String cursor) {
		return new PageKey("section-json", paged(section, cursor));
	}

	public static PageKey tagHtml(String tag, String cursor) {
		return new PageKey("tag", paged(tag, cursor));
	}

	/** A later page's cursor goes in the name after a character no section or tag holds. */
	private static String paged(String name, String cursor) {
		return cursor == null ? name : name + '\n' + cursor;
	}

	/** The path pattern the page is served at (the {@code uri} of its request metrics). */
	public String pattern() {
		return switch (kind) {
			case "article" -> "/news/{slug}";
			case "article-json" -> "/api/pages/articles/{slug}";
			case "home-json" -> "/api/pages/home";
			case "section" -> "/section/{name}";
			case "section-json" -> "/api/pages/sections/{name}";
			case "tag" -> "/tag/{tag}";
			default -> "/";
		};
	}
}
