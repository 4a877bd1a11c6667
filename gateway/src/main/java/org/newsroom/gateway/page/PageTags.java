package org.newsroom.gateway.page;

import java.util.HashSet;
import java.util.Set;

import org.newsroom.gateway.cache.CachedPage;
import tools.jackson.databind.JsonNode;

/** What a composed page shows, as the tags the page cache purges it by when any of it changes. */
public final class PageTags {

	private PageTags() {
	}

	/** The article (id and slug), its photos, the related articles and the Top list's. */
	public static Set<String> of(ArticlePage page) {
		Set<String> tags = new HashSet<>();
		JsonNode article = page.article();
		tags.add(CachedPage.article(article.path("id").asString("")));
		tags.add(CachedPage.slug(article.path("slug").asString("")));
		String lead = PageComposer.text(article, "leadMediaId");
		if (lead != null) {
			tags.add(CachedPage.photo(lead));
		}
		for (JsonNode block : article.path("body")) {
			String photo = PageComposer.text(block, "mediaId");
			if (photo != null) {
				tags.add(CachedPage.photo(photo));
			}
		}
		for (JsonNode related : article.path("relatedIds")) {
			tags.add(CachedPage.article(related.asString("")));
		}
		addTop(page.top(), tags);
		return tags;
	}

	/** A page that lists articles (any article change purges it) and the Top list's. */
	public static Set<String> of(FrontPage page) {
		Set<String> tags = new HashSet<>();
		tags.add(CachedPage.LISTS);
		addTop(page.top(), tags);
		return tags;
	}

	private static void addTop(JsonNode top, Set<String> tags) {
		if (top != null) {
			for (JsonNode item : top.path("items")) {
				tags.add(CachedPage.article(item.path("articleId").asString("")));
			}
		}
	}
}
