package org.newsroom.gateway.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An article in a list: an item of article-service's list page ({@code GET /api/articles}) or of
 * its summaries ({@code GET /api/articles/summaries?ids=}), as the home page and the related
 * articles show it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleSummary(String id, String slug, String headline, String summary, String section,
		String leadMediaId, String firstPublishedAt) {
}
