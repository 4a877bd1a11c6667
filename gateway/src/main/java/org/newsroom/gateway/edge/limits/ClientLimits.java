package org.newsroom.gateway.edge.limits;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.newsroom.gateway.edge.EdgeProperties;
import org.newsroom.platform.web.ClientPrefix;
import reactor.core.publisher.Mono;

/**
 * Per-client request budgets and the 401 lock-out. A client known by its address is counted by
 * its {@link ClientPrefix} (an IPv6 one by its /64), a signed-in one by its token's subject.
 *
 * <p>With no {@link SharedStore} ({@code store: memory}) every replica keeps them alone, in
 * bounded in-memory caches: at most {@code maxClients} entries each, idle ones dropped, so a flood
 * of new addresses cannot exhaust memory. The caches tidy up on the thread that uses them:
 * handing that work to another thread on every request cost more than the work itself.
 *
 * <p>With a shared store the budgets hold for all replicas together: a replica takes a client's
 * tokens from the shared bucket in small {@link Lease}s and spends them here, so most requests
 * are still decided in memory ({@link #takeForAddressHere}, which the Netty fast path uses) and
 * only every lease-size-th one waits for the store. A lock-out is announced to every replica by
 * the store and then looked up here, so {@link #authPenalty} never waits. While the store does
 * not answer, the replica's own buckets and counts take over (still protective, never an error).
 */
public class ClientLimits implements AutoCloseable {

	private final EdgeProperties.RateLimits settings;
	private final ClientPrefix prefix;
	private final Budget general;
	private final Budget beacon;
	private final Cache<String, AuthFailures> authFailures;
	private final SharedStore store;
	/** Per budget and client: the tokens leased from the shared store. */
	private final Cache<String, Lease> leases;
	/** Per client: when its lock-out announced by the shared store ends (System.nanoTime()). */
	private final Cache<String, Long> lockouts;

	/**
	 * @param store the shared store, or null to keep everything in this replica's memory
	 */
	ClientLimits(EdgeProperties.RateLimits settings, SharedStore store) {
		this.settings = settings;
		this.prefix = new ClientPrefix(settings.ipv6Prefix());
		this.general = new Budget("general", settings.general(), buckets(Duration.ofMinutes(10)));
		this.beacon = new Budget("beacon", settings.beacon(), buckets(Duration.ofMinutes(10)));
		this.authFailures = Caffeine.newBuilder()
			.executor(Runnable::run)
			.maximumSize(settings.maxClients())
			.expireAfterWrite(settings.authFailureWindow())
			.build();
		this.leases = Caffeine.newBuilder()
			.executor(Runnable::run)
			.maximumSize(settings.maxClients())
			.expireAfterAccess(settings.leaseLife().multipliedBy(2).plus(settings.storeTimeout()))
			.build();
		this.lockouts = Caffeine.newBuilder()
			.executor(Runnable::run)
			.maximumSize(settings.maxClients())
			.expireAfterWrite(settings.authFailureWindow())
			.build();
		this.store = store;
		if (store != null) {
			store.start(lockout -> lockOut(lockout.client(), lockout.millis()));
		}
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
	 * This replica's own decision for a request from this address: zero when it may go ahead, else
	 * how long the client should wait; null when only the shared store can tell
	 * ({@link #takeForAddress} asks it). Never waits.
	 *
	 * @param client the client's address as text ({@link org.newsroom.platform.web.ClientAddresses})
	 */
	public Duration takeForAddressHere(String client) {
		return takeHere(general, "addr:" + prefix.of(client));
	}

	/** Zero when a request from this address may go ahead, else how long the client should wait. */
	Mono<Duration> takeForAddress(String client) {
		return take(general, "addr:" + prefix.of(client));
	}

	/** The same for a signed-in client, by its token's subject. */
	Mono<Duration> takeForUser(String subject) {
		return take(general, "user:" + subject);
	}

	Mono<Duration> takeBeacon(String client) {
		return take(beacon, prefix.of(client));
	}

	private Duration takeHere(Budget budget, String client) {
		if (store == null) {
			return budget.takeLocally(client);
		}
		if (!store.answering()) {
			store.decidedAlone();
			return budget.takeLocally(client);
		}
		Lease lease = lease(budget, client);
		long now = System.nanoTime();
		Duration decided = lease.take(now);
		if (decided != null && decided.isZero() && lease.runningOut(now)) {
			refill(budget, client, lease);
		}
		return decided;
	}

	/**
	 * Asks for the next lease as the last token goes, without anyone waiting for it: a client that
	 * keeps reading finds tokens here again, so the fast path rarely has to hand it on.
	 */
	private void refill(Budget budget, String client, Lease lease) {
		store.take(key(budget, client), budget.bucket, Lease.size(budget.bucket.capacity()))
			.subscribe(grant -> lease.refilled(grant.granted(), grant.retryIn().toNanos(), System.nanoTime(),
					settings.leaseLife().toNanos()), error -> lease.refillFailed(), () -> lease.refillFailed());
	}

	private static String key(Budget budget, String client) {
		return "newsroom:edge:" + budget.name + ":{" + client + "}";
	}

	private Mono<Duration> take(Budget budget, String client) {
		Duration here = takeHere(budget, client);
		if (here != null) {
			return Mono.just(here);
		}
		Lease lease = lease(budget, client);
		return store.take(key(budget, client), budget.bucket, Lease.size(budget.bucket.capacity()))
			.map(grant -> {
				long now = System.nanoTime();
				if (grant.granted() > 0) {
					lease.granted(grant.granted(), now, settings.leaseLife().toNanos());
					return Duration.ZERO;
				}
				lease.refused(now, grant.retryIn().toNanos());
				return grant.retryIn();
			})
			.switchIfEmpty(Mono.fromSupplier(() -> {
				store.decidedAlone();
				return budget.takeLocally(client);
			}));
	}

	private Lease lease(Budget budget, String client) {
		return leases.get(budget.name + ":" + client, key -> new Lease());
	}

	/** Counts a 401 for credentials the client presented. Never fails. */
	Mono<Void> recordAuthFailure(String client) {
		String key = prefix.of(client);
		if (store == null) {
			countHere(key);
			return Mono.empty();
		}
		return store.authFailure(key, settings.authFailures(), settings.authFailureWindow())
			.doOnNext(millis -> {
				if (millis > 0) {
					// this replica need not wait for the announcement to reach it
					lockOut(key, millis);
				}
			})
			.switchIfEmpty(Mono.fromRunnable(() -> countHere(key)))
			.then();
	}

	private void countHere(String key) {
		authFailures.get(key, k -> new AuthFailures(System.nanoTime())).count.incrementAndGet();
	}

	private void lockOut(String client, long millis) {
		long until = System.nanoTime() + Duration.ofMillis(millis).toNanos();
		lockouts.asMap().merge(client, until, (known, announced) -> announced - known > 0 ? announced : known);
	}

	/**
	 * Zero unless the client collected too many 401s in the current window; then the rest of it.
	 * Looked up in this replica's memory only, so it never waits.
	 */
	public Duration authPenalty(String client) {
		String key = prefix.of(client);
		long now = System.nanoTime();
		Long lockedUntil = lockouts.getIfPresent(key);
		Duration announced = lockedUntil != null && lockedUntil - now > 0 ? Duration.ofNanos(lockedUntil - now) : Duration.ZERO;
		AuthFailures failures = authFailures.getIfPresent(key);
		if (failures == null || failures.count.get() < settings.authFailures()) {
			return announced;
		}
		Duration left = settings.authFailureWindow().minusNanos(now - failures.since);
		return left.compareTo(announced) > 0 ? left : announced;
	}

	@Override
	public void close() {
		if (store != null) {
			store.close();
		}
	}

	/** One kind of budget: its size, its name in the shared store and this replica's buckets. */
	private record Budget(String name, EdgeProperties.Bucket bucket, Cache<String, TokenBucket> local) {

		Duration takeLocally(String client) {
			return local.get(client, key -> new TokenBucket(bucket.capacity(), bucket.perSecond(), System.nanoTime()))
				.take(System.nanoTime());
		}
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
