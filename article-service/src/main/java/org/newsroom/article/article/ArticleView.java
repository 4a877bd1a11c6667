package org.newsroom.article.article;

import java.time.Instant;
import java.util.List;

/** An article as clients see it. */
public record ArticleView(
		String id,
		String slug,
		String headline,
		String summary,
		List<Block> body,
		String section,
		List<String> byline,
		String source,
		ArticleStatus status,
		Instant firstPublishedAt,
		Instant updatedAt,
		long version) {

	static ArticleView of(Article article) {
		return new ArticleView(article.id(), article.slug(), article.headline(), article.summary(),
				article.body() != null ? article.body() : List.of(), article.section(),
				article.byline() != null ? article.byline() : List.of(), article.source(), article.status(),
				article.firstPublishedAt(), article.updatedAt(), article.version() != null ? article.version() : 0);
	}
}
