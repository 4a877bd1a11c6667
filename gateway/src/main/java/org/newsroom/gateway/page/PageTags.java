package org.newsroom.gateway.page;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import org.newsroom.gateway.cache.CachedPage;
import org.newsroom.gateway.contract.Answer;
import org.newsroom.gateway.contract.Article;
import org.newsroom.gateway.contract.TopList;

/** What a composed page shows, as the tags the page cache purges it by when any of it changes. */
public final class PageTags {

	private PageTags() {
	}

	/** The article (id and slug), its photos, the related articles and the Top list's. */
	public static Set<String> of(ArticlePage page) {
		Set<String> tags = new HashSet<>();
		Article article = page.article().read();
		tags.add(CachedPage.article(Objects.requireNonNullElse(article.id(), "")));
		tags.add(CachedPage.slug(Objects.requireNonNullElse(article.slug(), "")));
		String lead = PageComposer.given(article.leadMediaId());
		if (lead != null) {
			tags.add(CachedPage.photo(lead));
		}
		for (Article.Block block : article.body()) {
			String photo = block != null ? PageComposer.given(block.mediaId()) : null;
			if (photo != null) {
				tags.add(CachedPage.photo(photo));
			}
		}
		for (String related : article.relatedIds()) {
			tags.add(CachedPage.article(Objects.requireNonNullElse(related, "")));
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

	/**
	 * A section's, tag's or search's page: a list like the home page's. Any article change purges it,
	 * since the change log names the article, not its section or tags; see docs/gateway.md.
	 */
	public static Set<String> of(ListPage page) {
		Set<String> tags = new HashSet<>();
		tags.add(CachedPage.LISTS);
		addTop(page.top(), tags);
		return tags;
	}

	private static void addTop(Answer<TopList> top, Set<String> tags) {
		if (top != null) {
			for (TopList.Item item : top.read().items()) {
				tags.add(CachedPage.article(Objects.requireNonNullElse(item.articleId(), "")));
			}
		}
	}
}
