package org.newsroom.ranking.view;

import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.newsroom.ranking.config.RankingProperties;
import org.newsroom.ranking.counting.LocalDedupe;

import org.springframework.stereotype.Component;

/**
 * The dedupe memory of this replica: which visitor saw which article within the dedupe window,
 * and how many views of each article each client address had counted in it. Both are bounded
 * Caffeine caches of 64-bit fingerprints; an entry lives {@code dedupe-window} after it was
 * written. When {@code dedupe-max-entries} is reached, Caffeine evicts the entries it expects
 * to be least useful (a visitor who does not come back), and a view whose entry was evicted
 * counts again: a full memory weakens dedupe, it never loses or refuses views.
 */
@Component
public class RecentViews implements LocalDedupe {

	private final Cache<Long, Boolean> seen;
	private final Cache<Long, AtomicInteger> perAddress;
	private final int perAddressLimit;

	public RecentViews(RankingProperties properties) {
		RankingProperties.Ingest config = properties.ingest();
		this.seen = Caffeine.newBuilder().maximumSize(config.dedupeMaxEntries()).expireAfterWrite(config.dedupeWindow()).build();
		this.perAddress = Caffeine.newBuilder()
			.maximumSize(Math.max(1, config.dedupeMaxEntries() / 4))
			.expireAfterWrite(config.dedupeWindow())
			.build();
		this.perAddressLimit = config.perAddressLimit();
	}

	/** True the first time the pair is seen within the window (and remembers it). */
	public boolean firstView(long visitorAndArticle) {
		return seen.asMap().putIfAbsent(visitorAndArticle, Boolean.TRUE) == null;
	}

	/** Undoes {@link #firstView} for a view that could not be taken after all, or that another replica counted. */
	@Override
	public void forget(long visitorAndArticle) {
		seen.invalidate(visitorAndArticle);
	}

	/** Takes one of the address's views of the article; false when it has none left. */
	public boolean withinAddressLimit(long addressAndArticle) {
		if (perAddressLimit <= 0) {
			return true;
		}
		AtomicInteger counted = perAddress.get(addressAndArticle, k -> new AtomicInteger());
		if (counted.incrementAndGet() <= perAddressLimit) {
			return true;
		}
		counted.decrementAndGet();
		return false;
	}

	/** Gives back a view taken by {@link #withinAddressLimit}. */
	public void releaseAddress(long addressAndArticle) {
		if (perAddressLimit <= 0) {
			return;
		}
		AtomicInteger counted = perAddress.getIfPresent(addressAndArticle);
		if (counted != null) {
			counted.decrementAndGet();
		}
	}
}
