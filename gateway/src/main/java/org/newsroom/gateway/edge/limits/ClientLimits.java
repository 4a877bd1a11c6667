package org.newsroom.gateway.edge.limits;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.newsroom.gateway.edge.EdgeProperties;

import org.springframework.stereotype.Component;

/**
 * Per-client request budgets held in bounded in-memory caches: at most {@code maxClients}
 * entries each, idle ones dropped, so a flood of new addresses cannot exhaust memory. Limits are
 * per gateway replica. The caches tidy up on the thread that uses them: handing that work to
 * another thread on every request cost more than the work itself.
 */
@Component
public class ClientLimits {

	private final EdgeProperties.RateLimits settings;
	private final Cache<String, TokenBucket> general;
	private final Cache<String, TokenBucket> beacon;
	private final Cache<String, AuthFailures> authFailures;

	ClientLimits(EdgeProperties properties) {
		this.settings = properties.rateLimits();
		this.general = buckets(Duration.ofMinutes(10));
		this.beacon = buckets(Duration.ofMinutes(10));
		this.authFailures = Caffeine.newBuilder()
			.executor(Runnable::run)
			.maximumSize(settings.maxClients())
			.expireAfterWrite(settings.authFailureWindow())
			.build();
	}

	private Cache<String, TokenBucket> buckets(Duration idle) {
		return Caffeine.newBuilder()
			.executor(Runnable::run)
			.maximumSize(settings.maxClients())
			.expireAfterAccess(idle)
			.build();
	}

	public boolean enabled() {
		return settings.enabled();
	}

	/** Zero when the request may go ahead, else how long the client should wait. */
	public Duration takeGeneral(String client) {
		EdgeProperties.Bucket bucket = settings.general();
		return general.get(client, key -> new TokenBucket(bucket.capacity(), bucket.perSecond(), System.nanoTime()))
			.take(System.nanoTime());
	}

	Duration takeBeacon(String client) {
		EdgeProperties.Bucket bucket = settings.beacon();
		return beacon.get(client, key -> new TokenBucket(bucket.capacity(), bucket.perSecond(), System.nanoTime()))
			.take(System.nanoTime());
	}

	void recordAuthFailure(String client) {
		authFailures.get(client, key -> new AuthFailures(System.nanoTime())).count.incrementAndGet();
	}

	/** Zero unless the client collected too many 401s in the current window; then the rest of it. */
	public Duration authPenalty(String client) {
		AuthFailures failures = authFailures.getIfPresent(client);
		if (failures == null || failures.count.get() < settings.authFailures()) {
			return Duration.ZERO;
		}
		Duration left = settings.authFailureWindow().minusNanos(System.nanoTime() - failures.since);
		return left.isNegative() ? Duration.ZERO : left;
	}

	/** 401s counted since the first one of the window (the entry expires with the window). */
	private static final class AuthFailures {

		final long since;
		final AtomicInteger count = new AtomicInteger();

		AuthFailures(long since) {
			this.since = since;
		}
	}
}
