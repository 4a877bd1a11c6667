package org.newsroom.ranking.counting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The buckets' indexes, created before the first write. The store may not be reachable when the
 * service starts (it degrades, it does not refuse to start), so creation is tried again before
 * every flush until it succeeds, with one warning rather than one per attempt.
 */
@Component
class BucketIndexes {

	private static final Logger log = LoggerFactory.getLogger(BucketIndexes.class);

	private final BucketStore store;

	// owned by the flusher thread
	private boolean ready;
	private boolean warned;

	BucketIndexes(BucketStore store) {
		this.store = store;
	}

	void ensure() {
		if (ready) {
			return;
		}
		try {
			store.ensureIndexes();
			ready = true;
		}
		catch (RuntimeException e) {
			if (!warned) {
				warned = true;
				log.warn("Cannot create the buckets' indexes yet (retried before every flush): {}", e.toString());
			}
		}
	}
}
