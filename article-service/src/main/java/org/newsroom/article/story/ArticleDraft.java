package org.newsroom.article.story;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What an editor sends to create an article (POST) or to replace its content (PUT). Checked by
 * {@link ContentRules}; unknown fields, including operator keys such as {@code $where}, are a
 * 400 before this record exists.
 */
public record ArticleDraft(
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ContentRules.MAX_HEADLINE) String headline,
		@Schema(nullable = true, maxLength = ContentRules.MAX_DECK) String deck,
		@Schema(nullable = true, maxLength = ContentRules.MAX_SUMMARY) String summary,
		@Schema(nullable = true) List<Block> body,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "One of the newspaper's sections (NEWSROOM_ARTICLES_SECTIONS)", example = "world") String section,
		List<String> tags,
		List<String> byline,
		@Schema(nullable = true, maxLength = ContentRules.MAX_NAME) String source,
		@Schema(nullable = true, maxLength = ContentRules.MAX_NAME) String dateline,
		@Schema(nullable = true, pattern = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$", defaultValue = "en") String language,
		@Schema(nullable = true, pattern = "^[0-9a-f]{24}$") String leadMediaId,
		List<String> relatedIds,
		@Schema(nullable = true) Instant embargoUntil) {
}
