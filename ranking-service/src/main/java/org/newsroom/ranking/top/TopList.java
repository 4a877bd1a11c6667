package org.newsroom.ranking.top;

import java.time.Instant;
import java.util.List;

/** The "Top 10 Stories" response. */
public record TopList(String window, String section, Instant generatedAt, boolean stale, List<Entry> items) {

	public record Entry(int rank, String articleId, long views) {
	}
}
