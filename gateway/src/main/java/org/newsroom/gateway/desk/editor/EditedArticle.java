package org.newsroom.gateway.desk.editor;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An article as article-service answers it to an editor (docs/articles-api.md "The article"), as
 * far as the editor page reads it: the fields editors write, and the lifecycle fields the page
 * shows beside them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record EditedArticle(String id, String slug, String headline, String deck, String summary, List<Block> body,
		String section, List<String> tags, List<String> byline, String source, String dateline, String language,
		String leadMediaId, List<String> relatedIds, Instant embargoUntil, String status, Instant publishAt,
		Instant firstPublishedAt, Instant updatedAt, long version, List<Correction> corrections, Links links,
		PublishingProblem publishingProblem) {

	/** A body block: which fields it carries depends on its type (docs/articles-api.md "Body blocks"). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Block(String type, String text, String attribution, String mediaId, String caption, String url) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Correction(Instant at, String text) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Links(String web) {
	}

	/** Why the last attempt to publish a scheduled article failed, and when the next one is. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record PublishingProblem(String reason, List<PhotoProblem> photos, Instant nextAttemptAt) {
	}

	/** A photo the article uses and what is wrong with it: MISSING_CREDIT, RIGHTS_EXPIRED, TAKEN_DOWN, NOT_FOUND. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record PhotoProblem(String field, String mediaId, List<String> problems) {
	}
}
