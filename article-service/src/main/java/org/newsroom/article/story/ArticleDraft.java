package org.newsroom.article.story;

import java.time.Instant;
import java.util.List;

/**
 * What an editor sends to create an article (POST) or to replace its content (PUT). Checked by
 * {@link ContentRules}; unknown fields, including operator keys such as {@code $where}, are a
 * 400 before this record exists.
 */
public record ArticleDraft(
		String headline,
		String deck,
		String summary,
		List<Block> body,
		String section,
		List<String> tags,
		List<String> byline,
		String source,
		String dateline,
		String language,
		String leadMediaId,
		List<String> relatedIds,
		Instant embargoUntil) {
}
