package org.newsroom.ranking.counting;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts sealed for one write, numbered in the order this replica writes them. A batch is
 * retried until every bucket has taken it, and the next one is sealed only after that: the
 * store relies on this to tell a retried batch from a new one.
 */
final class FlushBatch {

	private final long sequence;
	private final Map<BucketKey, Long> remaining;
	private final long views;

	FlushBatch(long sequence, Map<BucketKey, long[]> counts) {
		this.sequence = sequence;
		this.remaining = new HashMap<>(counts.size() * 2);
		long total = 0;
		for (Map.Entry<BucketKey, long[]> entry : counts.entrySet()) {
			remaining.put(entry.getKey(), entry.getValue()[0]);
			total += entry.getValue()[0];
		}
		this.views = total;
	}

	long sequence() {
		return sequence;
	}

	/** The buckets not yet known to have taken this batch. */
	Map<BucketKey, Long> remaining() {
		return remaining;
	}

	void applied(BucketKey key) {
		remaining.remove(key);
	}

	boolean done() {
		return remaining.isEmpty();
	}

	long views() {
		return views;
	}

	long remainingViews() {
		long total = 0;
		for (long count : remaining.values()) {
			total += count;
		}
		return total;
	}
}
