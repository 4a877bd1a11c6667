package org.newsroom.ranking.counting;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The flusher's decision of the {@link UndecidedView}s against every replica's views
 * ({@link SharedViews}), before their counts are written: a view only counts (and is only
 * counted {@code accepted}) once the shared memory has said it is the visitor's first within the
 * window and within its address's limit. The beacon was answered 202 already either way, as it
 * is for a duplicate or a view over the limit, so the wait costs readers nothing.
 *
 * <p>Views are decided in numbered rounds, one at a time: a round that fails (the store is down)
 * is kept with what it already decided and sent again, as it is, until it is done; views
 * arriving meanwhile wait for the next one. Owned by the flusher thread; the number held is
 * read by the {@code ranking.buffer.undecided} gauge.
 */
@Component
class ViewDecisions {

	private static final Logger log = LoggerFactory.getLogger(ViewDecisions.class);

	private final SharedViews store;
	private final Replica replica;
	private final LocalDedupe local;
	private final ViewMetrics metrics;
	private final Clock clock;

	private List<UndecidedView> waiting = new ArrayList<>();
	private Round round;
	private long nextRound = 1;
	private boolean indexed;
	private long nextCleanUp;
	private final FailureStreak failures = new FailureStreak();

	private volatile int held;

	ViewDecisions(SharedViews store, Replica replica, LocalDedupe local, ViewMetrics metrics, Clock clock) {
		this.store = store;
		this.replica = replica;
		this.local = local;
		this.metrics = metrics;
		this.clock = clock;
	}

	void add(UndecidedView view) {
		waiting.add(view);
	}

	/** Views held (waiting and in the round in flight). */
	int size() {
		return waiting.size() + (round != null ? round.views.size() : 0);
	}

	boolean isEmpty() {
		return waiting.isEmpty() && round == null;
	}

	void publishSize() {
		held = size();
	}

	int held() {
		return held;
	}

	/**
	 * One attempt: decides the round in flight, or a new one of the waiting views, and hands each
	 * view that counts to {@code counted} (which returns how many it accepted now). True when no
	 * round is left in flight.
	 */
	boolean decide(ToLongFunction<BucketKey> counted) {
		if (round == null) {
			if (waiting.isEmpty()) {
				return true;
			}
			round = new Round(nextRound++, clock.millis(), waiting);
			waiting = new ArrayList<>();
		}
		try {
			prepare();
			round.decide();
		}
		catch (RuntimeException e) {
			failed(e);
			return false;
		}
		int failed = failures.ended();
		if (failed > 0) {
			log.info("Shared dedupe recovered after {} failed attempts; round {} decided", failed, round.number);
		}
		round.settle(counted);
		round = null;
		return true;
	}

	private void prepare() {
		if (!indexed) {
			store.ensureIndexes();
			indexed = true;
		}
		long now = clock.millis();
		if (now - nextCleanUp >= 0) {
			nextCleanUp = now + Duration.ofMinutes(1).toMillis();
			store.deleteExpired(now);
		}
	}

	private void failed(RuntimeException e) {
		metrics.flushFailed();
		if (failures.failed()) {
			log.warn("Shared dedupe of round {} failed (attempt {}); its {} views are kept and decided again: {}",
					round.number, failures.inRow(), round.views.size(), e.toString());
		}
	}

	/** Views of one round, and what has been decided of them so far. */
	private final class Round {

		final long number;
		final long now;
		final String claim;
		final List<UndecidedView> views;
		/** Per view: the index of its fingerprint in {@link #fingerprints}, or -1 for a repeat within the round. */
		final int[] slot;
		final long[] fingerprints;
		boolean[] first;
		Map<Long, Integer> wanted;
		final Map<Long, Integer> allowed = new HashMap<>();

		Round(long number, long now, List<UndecidedView> views) {
			this.number = number;
			this.now = now;
			this.claim = replica.id() + ":" + number;
			this.views = views;
			this.slot = new int[views.size()];
			Map<Long, Integer> distinct = new LinkedHashMap<>(views.size() * 2);
			for (int i = 0; i < views.size(); i++) {
				Integer known = distinct.putIfAbsent(views.get(i).visitorAndArticle(), distinct.size());
				slot[i] = known == null ? distinct.size() - 1 : -1;
			}
			this.fingerprints = new long[distinct.size()];
			int i = 0;
			for (long fingerprint : distinct.keySet()) {
				fingerprints[i++] = fingerprint;
			}
		}

		void decide() {
			if (first == null) {
				first = store.firstViews(fingerprints, now, claim);
			}
			if (wanted == null) {
				Map<Long, Integer> perAddress = new HashMap<>();
				for (int i = 0; i < views.size(); i++) {
					UndecidedView view = views.get(i);
					if (view.limited() && counts(i)) {
						perAddress.merge(view.addressAndArticle(), 1, Integer::sum);
					}
				}
				wanted = perAddress;
			}
			if (store.limit() > 0 && !wanted.isEmpty()) {
				store.allow(wanted, allowed, now, replica.id(), number);
			}
		}

		/** Whether the view is its visitor's first (before the per-address limit). */
		boolean counts(int i) {
			return slot[i] >= 0 && first[slot[i]];
		}

		void settle(ToLongFunction<BucketKey> counted) {
			long duplicates = 0;
			long overLimit = 0;
			long accepted = 0;
			Map<Long, Integer> left = new HashMap<>(allowed);
			for (int i = 0; i < views.size(); i++) {
				UndecidedView view = views.get(i);
				if (!counts(i)) {
					duplicates++;
					if (slot[i] >= 0) {
						// another replica counted it first: this replica's memory of it would outlast that one's
						local.forget(view.visitorAndArticle());
					}
					continue;
				}
				if (view.limited() && store.limit() > 0) {
					int room = left.getOrDefault(view.addressAndArticle(), 0);
					if (room == 0) {
						overLimit++;
						continue;
					}
					left.put(view.addressAndArticle(), room - 1);
				}
				accepted += counted.applyAsLong(view.key());
			}
			if (duplicates > 0) {
				metrics.duplicate(duplicates);
			}
			if (overLimit > 0) {
				metrics.addressLimit(overLimit);
			}
			if (accepted > 0) {
				metrics.accepted(accepted);
			}
		}
	}
}
