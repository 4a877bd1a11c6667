package org.newsroom.ranking.counting;

import java.util.Map;

/**
 * What {@link ViewDecisions} asks of the memory every replica shares: whether a view is its
 * visitor's first within the dedupe window, and how many of an address's views the per-address
 * limit lets count. Kept in MongoDB ({@link SharedViewStore}) or Redis ({@link RedisViewStore}),
 * chosen by {@code newsroom.rankings.ingest.shared-store}.
 *
 * <p>Both answers are given per round of one replica and are idempotent in it: a round sent again
 * (its answer was lost, the store went down half-way) gets the answer it got the first time, and
 * takes nothing twice. A store that cannot answer throws; the round is kept and sent again.
 */
public interface SharedViews {

	/** Most views of one article per address and window; 0 when there is no limit. */
	int limit();

	/** Prepares the store once before the first round (indexes). */
	void ensureIndexes();

	/** Deletes what no decision reads any more, where the store does not expire it itself. */
	void deleteExpired(long nowMillis);

	/**
	 * Which of these distinct visitor-and-article fingerprints no replica took within the window
	 * before {@code now}; those that are first are taken, for {@code claim} (replica and round).
	 * A fingerprint taken by the same claim earlier is first again.
	 */
	boolean[] firstViews(long[] fingerprints, long nowMillis, String claim);

	/**
	 * How many of {@code wanted} first views per address key the limit lets count, decided by
	 * {@code replica}'s round {@code round}; keys already in {@code allowed} were decided by an
	 * earlier attempt and are left alone, and each key decided is put there as soon as the store
	 * has taken it.
	 */
	void allow(Map<Long, Integer> wanted, Map<Long, Integer> allowed, long nowMillis, String replica, long round);
}
