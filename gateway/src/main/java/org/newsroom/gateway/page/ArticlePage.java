package org.newsroom.gateway.page;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/pages/articles/{slug}}: everything an app needs to show an article, in one
 * answer. {@code article}, {@code leadImage} and {@code top} are the services' own JSON;
 * {@code related} holds article summaries. A part that could not be fetched is {@code null} and
 * named in {@code degraded} ({@code leadImage}, {@code top}, {@code related}); a part that simply
 * does not exist (no lead photo, no related articles) is {@code null} or empty without being
 * degraded.
 */
public record ArticlePage(JsonNode article, JsonNode leadImage, JsonNode top, List<JsonNode> related,
		List<String> degraded) {

	/** The same page with a stand-in Top list when its own could not be fetched or has nothing yet. */
	public ArticlePage withTopIfMissing(JsonNode standIn) {
		return !PageComposer.needsStandIn(top) || standIn == null ? this : new ArticlePage(article, leadImage, standIn, related, degraded);
	}
}
