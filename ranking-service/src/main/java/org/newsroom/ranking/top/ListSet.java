package org.newsroom.ranking.top;

import java.time.Duration;
import java.util.List;

import org.newsroom.ranking.config.RankingProperties;

/**
 * The lists computed together, in one round, on one schedule: the short windows and trending
 * every {@code refresh}, the long windows every {@code long-window-refresh}. Each set is one
 * stored document, claimed and written by one replica per round (see {@link StoredLists}).
 */
enum ListSet {

	SHORT("short", List.of("1h", "6h", "24h", TopRefresher.TRENDING)), LONG("long", List.of("7d", "30d"));

	/**
	 * A claim lasts this many refresh periods: the claimant renews it every round, so a replica
	 * that died (or stopped refreshing) is replaced after a few missed rounds, not at once.
	 */
	static final int CLAIM_PERIODS = 3;

	private final String id;
	private final List<String> windows;

	ListSet(String id, List<String> windows) {
		this.id = id;
		this.windows = windows;
	}

	/** The stored document's {@code _id}. */
	String id() {
		return id;
	}

	/** Window labels (and {@code trending}) of the lists in this set. */
	List<String> windows() {
		return windows;
	}

	Duration interval(RankingProperties properties) {
		return this == LONG ? properties.top().longWindowRefresh() : properties.top().refresh();
	}

	/** How long a claim taken now holds. */
	Duration claimFor(RankingProperties properties) {
		return interval(properties).multipliedBy(CLAIM_PERIODS);
	}

	/** The set a window (or {@code trending}) belongs to. */
	static ListSet of(String window) {
		return LONG.windows.contains(window) ? LONG : SHORT;
	}
}
