package org.newsroom.platform.web;

/**
 * Paths of ranking-service's public contract that another application treats specially (the
 * gateway rate-limits and admits the beacon on its own terms); see docs/rankings-api.md.
 */
public final class RankingPaths {

	/** {@code POST}: the anonymous page-view beacon every reader's browser sends. */
	public static final String VIEW_BEACON = "/api/rankings/views";

	/** {@code POST}: a batch of views from a trusted collector (role {@code ingest}). */
	public static final String VIEW_BATCH = VIEW_BEACON + "/batch";

	private RankingPaths() {
	}
}
