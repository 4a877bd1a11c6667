package org.newsroom.gateway.edge.limits;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.newsroom.gateway.edge.EdgeProperties;
import org.newsroom.platform.web.ClientPrefix;

import org.springframework.stereotype.Component;

/**
 * Per-client request budgets held in bounded in-memory caches: at most {@code maxClients}
 * entries each, idle ones dropped, so a flood of new addresses cannot exhaust memory. A client
 * known by its address is counted by its {@link ClientPrefix} (an IPv6 one by its /64), a
 * signed-in one by its token's subject. Limits are per gateway replica. The caches tidy up on the thread that uses them: handing that work to
 * another thread on every request cost more than the work itself.
 */
@Component
public class ClientLimits {

	private final EdgeProperties.RateLimits settings;
	private final ClientPrefix prefix;
	private final Cache<String, TokenBucket> general;
	private final Cache<String, TokenBucket> beacon;
	private final Cache<String, AuthFailures> authFailures;

	ClientLimits(EdgeProperties properties) {
		this.settings = properties.rateLimits();
		this.prefix = new ClientPrefix(settings.ipv6Prefix());
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

	/**
	 * Zero when a request from this address may go ahead, else how long the client should wait.
	 *
	 * @param client the client's address as text ({@link org.newsroom.platform.web.ClientAddresses})
	 */
	public Duration takeForAddress(String client) {
		return takeGeneral("addr:" + prefix.of(client));
	}

	/** The same for a signed-in client, by its token's subject. */
	Duration takeForUser(String subject) {
		return takeGeneral("user:" + subject);
	}

	private Duration takeGeneral(String key) {
		EdgeProperties.Bucket bucket = settings.general();
		return general.get(key, k -> new TokenBucket(bucket.capacity(), bucket.perSecond(), System.nanoTime()))
			.take(System.nanoTime());
	}

	Duration takeBeacon(String client) {
		EdgeProperties.Bucket bucket = settings.beacon();
		return beacon.get(prefix.of(client), key -> new TokenBucket(bucket.capacity(), bucket.perSecond(), System.nanoTime()))
			.take(System.nanoTime());
	}

	void recordAuthFailure(String client) {
		authFailures.get(prefix.of(client), key -> new AuthFailures(System.nanoTime())).count.incrementAndGet();
	}

	/** Zero unless the client collected too many 401s in the current window; then the rest of it. */
	public Duration authPenalty(String client) {
		AuthFailures failures = authFailures.getIfPresent(prefix.of(client));
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
