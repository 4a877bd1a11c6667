package org.newsroom.ranking.top;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.newsroom.ranking.config.RankingProperties;
import org.newsroom.ranking.counting.Replica;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One set of lists for the whole deployment. The {@link TopRefresher} of the replica that claims
 * a set's round computes it and writes it to {@link StoredLists}; every replica (that one too)
 * follows the stored version with a read of a few bytes every {@code poll} and, when it changed,
 * loads the set and serves it from {@link TopLists}. Two replicas therefore answer with the same
 * lists, one poll apart at most, and the buckets are summed once per round whatever the number of
 * replicas. Requests never read the store.
 *
 * <p>The stored lists are loaded when the replica starts, before its refresher's first round, so
 * a new replica serves the current lists at once. When the store cannot be read, the lists held
 * are served marked stale until it can. A replica that stops lets its claims go.
 */
@Component
public class SharedLists implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SharedLists.class);

	private final StoredLists store;
	private final TopLists lists;
	private final RankingProperties properties;
	private final String owner;
	private final Clock clock;
	private final Map<ListSet, Long> loaded = new EnumMap<>(ListSet.class);
	private final Map<ListSet, Instant> oldest = new ConcurrentHashMap<>();
	private final Map<ListSet, Counter> rounds = new EnumMap<>(ListSet.class);
	private ScheduledExecutorService executor;
	private boolean failing;

	SharedLists(StoredLists store, TopLists lists, RankingProperties properties, Replica replica, Clock clock,
			MeterRegistry registry) {
		this.store = store;
		this.lists = lists;
		this.properties = properties;
		this.owner = replica.id();
		this.clock = clock;
		for (ListSet set : ListSet.values()) {
			rounds.put(set, Counter.builder("ranking.top.rounds")
				.tag("lists", set.id())
				.description("rounds of these lists computed and stored by this replica for the whole deployment")
				.register(registry));
			Gauge.builder("ranking.top.lists.age", this, shared -> shared.age(set))
				.tag("lists", set.id())
				.baseUnit("seconds")
				.description("age of the oldest of these lists served by this replica (since it was computed)")
				.register(registry);
		}
	}

	/** True when this replica holds the set's claim now (taken or renewed): it computes this round. */
	boolean claim(ListSet set, Instant now) {
		return store.claim(set, owner, now, now.plus(set.claimFor(properties)));
	}

	/**
	 * Stores a round's lists (see {@link StoredLists#write}) and serves them here at once; false
	 * when the claim was lost meanwhile.
	 */
	boolean publish(ListSet set, Instant generatedAt, Map<String, List<TopList>> fresh, Collection<String> stale) {
		if (!store.write(set, owner, generatedAt, fresh, stale)) {
			log.info("Another replica took over the {} lists while this one computed them; its round is not stored",
					set.id());
			return false;
		}
		rounds.get(set).increment();
		follow();
		return true;
	}

	/** Loads every set whose stored version is not the one served; marks the lists stale when the store cannot say. */
	synchronized void follow() {
		try {
			Map<ListSet, Long> versions = store.versions();
			for (Map.Entry<ListSet, Long> version : versions.entrySet()) {
				if (!version.getValue().equals(loaded.get(version.getKey()))) {
					load(version.getKey());
				}
			}
			if (failing) {
				log.info("The stored lists can be read again");
				failing = false;
			}
		}
		catch (RuntimeException e) {
			if (!failing) {
				log.warn("Cannot read the stored lists; serving the ones held, marked stale: {}", e.toString());
			}
			failing = true;
			// what is held is no longer known to be the current version: load it all again once readable
			loaded.clear();
			for (ListSet set : ListSet.values()) {
				set.windows().forEach(lists::markStale);
			}
		}
	}

	private void load(ListSet set) {
		StoredLists.Stored stored = store.read(set);
		if (stored == null) {
			return;
		}
		Instant first = null;
		for (Map.Entry<String, StoredLists.StoredWindow> window : stored.windows().entrySet()) {
			lists.install(window.getKey(), window.getValue());
			Instant generatedAt = window.getValue().generatedAt();
			first = generatedAt != null && (first == null || generatedAt.isBefore(first)) ? generatedAt : first;
		}
		if (first != null) {
			oldest.put(set, first);
		}
		loaded.put(set, stored.version());
	}

	/** Seconds since the oldest list of the set served here was computed; NaN while there is none. */
	private double age(ListSet set) {
		Instant first = oldest.get(set);
		return first == null ? Double.NaN : Duration.between(first, clock.instant()).toMillis() / 1000.0;
	}

	/** The lists as stored are served first, then followed every {@code poll}. */
	@Override
	public synchronized void start() {
		follow();
		executor = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "ranking-top-follow");
			thread.setDaemon(true);
			return thread;
		});
		long poll = properties.top().poll().toMillis();
		executor.scheduleWithFixedDelay(this::follow, poll, poll, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (executor != null) {
			executor.shutdownNow();
			executor = null;
			try {
				store.release(owner);
			}
			catch (RuntimeException e) {
				log.warn("Could not let this replica's claims on the lists go; another replica takes over when they "
						+ "expire: {}", e.toString());
			}
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return executor != null;
	}

	/** Starts before the refresher (its first round finds the stored lists served) and stops after it. */
	@Override
	public int getPhase() {
		return DEFAULT_PHASE - 1;
	}
}
