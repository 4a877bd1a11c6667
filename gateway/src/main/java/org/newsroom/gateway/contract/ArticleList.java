package org.newsroom.gateway.contract;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/**
 * A list page of article-service ({@code GET /api/articles}, {@code /api/articles/summaries}):
 * the items, each kept as sent as well, because the app's page JSON passes summaries on as
 * they are; {@code nextCursor} asks for the next, older page (null on the last).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleList(List<JsonNode> items, String nextCursor) {

	public ArticleList {
		items = items != null ? items : List.of();
	}
}
