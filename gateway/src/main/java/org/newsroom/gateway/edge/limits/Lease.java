package org.newsroom.gateway.edge.limits;

import java.time.Duration;

/**
 * The tokens this replica took from one client's shared bucket and may spend without asking the
 * store again, and the store's last refusal. Tokens are good for the lease's life only: spent
 * ones are gone from the shared bucket for every replica, unspent ones of an expired lease are
 * dropped rather than given back, so all replicas together never spend more than the bucket
 * gave out (a client may be refused a few lease-sizes early, never let through late). Time is
 * passed in, so tests need no clock tricks.
 */
final class Lease {

	private int tokens;
	private long expiresAt;
	private long refusedUntil;
	private boolean refilling;

	/**
	 * This replica's own decision: zero when it spent a leased token, the wait when the store
	 * refused the client moments ago and no token can have come back since, null when only the
	 * store can tell.
	 */
	synchronized Duration take(long now) {
		if (tokens > 0 && now - expiresAt < 0) {
			tokens--;
			return Duration.ZERO;
		}
		tokens = 0;
		return now - refusedUntil < 0 ? Duration.ofNanos(refusedUntil - now) : null;
	}

	/**
	 * The store granted {@code granted} tokens (at least one): one goes to the request that asked,
	 * the rest join the lease, which lives {@code life} from now. Leases of requests that asked at
	 * the same moment pool their tokens rather than one replacing another's.
	 */
	synchronized void granted(int granted, long now, long life) {
		tokens = (now - expiresAt < 0 ? tokens : 0) + granted - 1;
		expiresAt = now + life;
		refusedUntil = now;
	}

	/**
	 * Whether the caller should ask the store for the next lease now, before a request needs it:
	 * true once, when the last token went; the answer comes with {@link #refilled}.
	 */
	synchronized boolean runningOut(long now) {
		if (refilling || tokens > 0 && now - expiresAt < 0) {
			return false;
		}
		refilling = true;
		return true;
	}

	/** The store's answer to {@link #runningOut}: {@code granted} tokens (maybe none) for the lease. */
	synchronized void refilled(int granted, long wait, long now, long life) {
		refilling = false;
		if (granted > 0) {
			tokens = (now - expiresAt < 0 ? tokens : 0) + granted;
			expiresAt = now + life;
		}
		else {
			refusedUntil = now + wait;
		}
	}

	/** The store did not answer the refill: the next request asks it. */
	synchronized void refillFailed() {
		refilling = false;
	}

	/** The store refused: no token before {@code wait} has passed. */
	synchronized void refused(long now, long wait) {
		tokens = 0;
		refusedUntil = now + wait;
	}

	/** What the lease should ask the store for: a twentieth of the bucket, at least one. */
	static int size(int capacity) {
		return Math.max(1, capacity / 20);
	}
}
