package org.newsroom.ranking.view;

import java.util.List;

/**
 * Views collected elsewhere (CDN logs, apps that were offline), sent by a service account with
 * role {@code ingest}. {@code at} is text so that a bad time rejects one item, not the request.
 */
public record BatchRequest(List<View> views) {

	public record View(String articleId, String visitorId, String at) {
	}
}
