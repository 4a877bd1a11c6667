package org.newsroom.article.search;

import java.util.List;

import org.newsroom.article.story.ArticleStatus;

/**
 * A request for a page of articles: filters (all optional), a search text, the page size and
 * where to continue. Readers always query PUBLISHED. {@code mediaId} (editors only) keeps the
 * articles that show that photo, as lead photo or in an image block.
 */
public record ArticleQuery(
		List<ArticleStatus> statuses,
		String section,
		String tag,
		String source,
		String author,
		String mediaId,
		String q,
		int size,
		String cursor) {
}
