package org.newsroom.ranking.counting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Writes the held sums as numbered {@link FlushBatch}es through the {@link BucketStore}, one
 * at a time. A batch that fails stays in flight and is sent again, as it is, on the next attempt
 * (the store makes that exactly-once); views arriving meanwhile collect in the next batch.
 * Failures are counted ({@code ranking_flush_failures_total}) and logged on the first and then
 * at most every 30 seconds, the recovery once. Owned by the flusher thread.
 */
@Component
class BucketWriter {

	private static final Logger log = LoggerFactory.getLogger(BucketWriter.class);

	private final BucketStore store;
	private final BucketIndexes indexes;
	private final ViewMetrics metrics;

	private FlushBatch inFlight;
	private long nextSequence = 1;
	private final FailureStreak failures = new FailureStreak();

	BucketWriter(BucketStore store, BucketIndexes indexes, ViewMetrics metrics) {
		this.store = store;
		this.indexes = indexes;
		this.metrics = metrics;
	}

	/** One write attempt: the batch in flight, or a new one sealed from the sums. True when nothing is left in flight. */
	boolean flush(BucketSums sums) {
		indexes.ensure();
		if (inFlight == null) {
			if (sums.isEmpty()) {
				return true;
			}
			inFlight = sums.seal(nextSequence++);
		}
		try {
			store.apply(inFlight);
		}
		catch (RuntimeException e) {
			failed(e);
			return false;
		}
		int failed = failures.ended();
		if (failed > 0) {
			log.info("Flush recovered after {} failed attempts; batch {} stored", failed, inFlight.sequence());
		}
		metrics.stored(inFlight.views());
		inFlight = null;
		return true;
	}

	/** Whether no batch waits to be stored. */
	boolean done() {
		return inFlight == null;
	}

	/** Views of the batch in flight not stored yet. */
	long unstoredViews() {
		return inFlight != null ? inFlight.remainingViews() : 0;
	}

	private void failed(RuntimeException e) {
		metrics.flushFailed();
		if (failures.failed()) {
			log.warn("Flush of batch {} failed (attempt {}); {} views in {} buckets kept and retried: {}", inFlight.sequence(),
					failures.inRow(), inFlight.remainingViews(), inFlight.remaining().size(), e.toString());
		}
	}
}
