package org.newsroom.gateway.contract;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * ranking-service's Top list ({@code GET /api/rankings/top}): the most-read articles, and
 * whether the list is {@code stale} (ranking-service serves an empty stale list after a restart
 * until its first refresh has worked).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TopList(List<Item> items, Boolean stale) {

	public TopList {
		items = items != null ? items : List.of();
		stale = stale != null && stale;
	}

	/** {@code rank} counts from 1; null when not sent (the position counts then). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Item(Integer rank, String articleId, String slug, String headline) {
	}
}
