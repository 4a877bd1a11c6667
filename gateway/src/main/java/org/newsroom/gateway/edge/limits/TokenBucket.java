package org.newsroom.gateway.edge.limits;

import java.time.Duration;

/**
 * A classic token bucket: holds up to {@code capacity} tokens, gains {@code perSecond} tokens
 * a second, and each request takes one. Time is passed in, so tests need no clock tricks.
 */
public final class TokenBucket {

	private final double capacity;
	private final double perNano;
	private double tokens;
	private long updatedAt;

	TokenBucket(int capacity, double perSecond, long now) {
		this.capacity = capacity;
		this.perNano = perSecond / 1_000_000_000d;
		this.tokens = capacity;
		this.updatedAt = now;
	}

	/** Takes a token; when none is left, says how long until one will be. */
	synchronized Duration take(long now) {
		tokens = Math.min(capacity, tokens + (now - updatedAt) * perNano);
		updatedAt = now;
		if (tokens >= 1) {
			tokens -= 1;
			return Duration.ZERO;
		}
		return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
	}
}
