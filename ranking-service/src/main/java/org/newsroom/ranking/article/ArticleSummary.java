package org.newsroom.ranking.article;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A published article as article-service's summaries endpoint describes it. */
// article-service may add fields; a new field must not break the Top 10
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleSummary(String id, String slug, String headline, String section, String leadMediaId,
		Instant firstPublishedAt) {
}
