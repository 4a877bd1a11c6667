package org.newsroom.ranking.view;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Views collected elsewhere (CDN logs, apps that were offline), sent by a service account with
 * role {@code ingest}. {@code at} is text so that a bad time rejects one item, not the request.
 */
public record BatchRequest(@ArraySchema(maxItems = 10_000) List<View> views) {

	@Schema(name = "BatchView")
	public record View(@Schema(pattern = "^[0-9a-f]{24}$") String articleId,
			@Schema(nullable = true, pattern = "^[A-Za-z0-9_-]{8,64}$") String visitorId,
			@Schema(format = "date-time", description = "When the page was viewed (at most 30 days ago)") String at) {
	}
}
