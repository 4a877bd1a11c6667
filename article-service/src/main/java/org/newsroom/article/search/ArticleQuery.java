package org.newsroom.article.search;

import java.util.List;

import org.newsroom.article.article.ArticleStatus;

/**
 * A request for a page of articles: filters (all optional), a search text, the page size and
 * where to continue. Readers always query PUBLISHED.
 */
public record ArticleQuery(
		List<ArticleStatus> statuses,
		String section,
		String tag,
		String source,
		String author,
		String q,
		int size,
		String cursor) {
}
