package org.newsroom.ranking.counting;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The views the flusher holds per hourly bucket until the next flush seals them into a
 * {@link FlushBatch}: only numbers grow, so memory is bounded by the number of distinct buckets
 * ({@code max-buckets}, which the flusher checks). Owned by the flusher thread; only the size is
 * read elsewhere (the {@code ranking.buffer.buckets} gauge).
 */
@Component
class BucketSums {

	private Map<BucketKey, long[]> open = new HashMap<>();

	/** The size as last published for the gauge. */
	private volatile int held;

	void add(BucketKey key, long count) {
		open.computeIfAbsent(key, k -> new long[1])[0] += count;
	}

	int size() {
		return open.size();
	}

	boolean isEmpty() {
		return open.isEmpty();
	}

	/** The sums as the next batch to store; holding starts afresh. */
	FlushBatch seal(long sequence) {
		FlushBatch batch = new FlushBatch(sequence, open);
		open = new HashMap<>();
		held = 0;
		return batch;
	}

	/** Views held, for the shutdown report. */
	long views() {
		long views = 0;
		for (long[] count : open.values()) {
			views += count[0];
		}
		return views;
	}

	/** Makes the current size visible to the gauge. */
	void publishSize() {
		held = open.size();
	}

	int held() {
		return held;
	}
}
