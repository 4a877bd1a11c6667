package org.newsroom.gateway.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.newsroom.gateway.page.Coalescing;
import org.newsroom.gateway.page.PageProperties;
import org.newsroom.gateway.page.PageTop;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Composed pages in memory, per page ({@link PageKey}), so that a page read a thousand times
 * costs one composition, not a thousand. Bounded by the bytes its pages take ({@code max-bytes},
 * least used dropped first).
 *
 * <p>A page is served while it is current:
 * <ul>
 * <li>no change to anything it shows has been read from the change logs since it was composed
 * ({@link ReaderChanges} purges its tags within a few hundred milliseconds of the change);</li>
 * <li>it was composed with the Top list pages show now ({@link PageTop#version()});</li>
 * <li>it is younger than {@code max-age} ({@code degraded-max-age} for a page missing a part,
 * {@code blind-max-age} while a change log cannot be read, so that even then no changed page is
 * served for long).</li>
 * </ul>
 * A page that is not current is composed again by the first request that wants it; requests that
 * come meanwhile wait for that composition instead of starting their own ({@link Coalescing}).
 * A composition that began before a purge of one of its tags is served to its waiting requests
 * but not kept: it may show what the purge removed.
 */
@Component
public class PageCache {

	private final PageProperties.Cache settings;
	private final PageTop top;
	private final Cache<PageKey, Kept> pages;
	private final Coalescing<PageKey, CachedPage> composing = new Coalescing<>();
	private final Map<String, Long> purgedAt = new ConcurrentHashMap<>();
	private volatile long purgedAllAt;
	private volatile boolean blind;

	private final Counter hits;
	private final Counter shared;
	private final Counter composed;
	private final Counter bypassed;
	private final Counter purges;

	/** A page and when its composition began ({@link System#nanoTime()}). */
	private record Kept(CachedPage page, long composedAt) {
	}

	PageCache(PageProperties properties, PageTop top, MeterRegistry meters) {
		this.settings = properties.cache();
		this.top = top;
		this.pages = Caffeine.newBuilder()
			// evictions are done by the thread that reads or adds (no hand-off per request)
			.executor(Runnable::run)
			.maximumWeight(settings.maxBytes().toBytes())
			.weigher((PageKey key, Kept kept) -> kept.page().weight())
			.build();
		this.hits = requests(meters, "hit", "served from memory");
		this.shared = requests(meters, "shared", "waited for another request's composition");
		this.composed = requests(meters, "composed", "composed the page");
		this.bypassed = requests(meters, "bypass", "sent with credentials, or the cache is off: composed, not kept");
		this.purges = Counter.builder("gateway.page.cache.purges").description("Pages dropped because something they show changed")
			.register(meters);
		Gauge.builder("gateway.page.cache.pages", pages, cache -> cache.estimatedSize())
			.description("Pages kept in memory")
			.register(meters);
		Gauge.builder("gateway.page.cache.blind", this, cache -> cache.blind ? 1 : 0)
			.description("1 while a change log cannot be read (pages are then kept only briefly)")
			.register(meters);
	}

	private static Counter requests(MeterRegistry meters, String result, String description) {
		return Counter.builder("gateway.page.cache.requests").tag("result", result).description(description)
			.register(meters);
	}

	/** The page if it is kept and current, else null. */
	public CachedPage current(PageKey key) {
		if (!settings.enabled()) {
			return null;
		}
		Kept kept = pages.getIfPresent(key);
		if (kept == null || !current(kept)) {
			return null;
		}
		hits.increment();
		return kept.page();
	}

	/**
	 * The page: kept and current, or composed now by {@code compose} (once, however many ask at
	 * the same time) and kept if it may be.
	 */
	public Mono<CachedPage> page(PageKey key, Supplier<Mono<CachedPage>> compose) {
		if (!settings.enabled()) {
			bypassed.increment();
			return compose.get();
		}
		CachedPage kept = current(key);
		if (kept != null) {
			return Mono.just(kept);
		}
		if (composing.running(key)) {
			shared.increment();
		}
		return composing.run(key, () -> {
			composed.increment();
			long began = System.nanoTime();
			return compose.get().doOnNext(page -> keep(key, page, began));
		});
	}

	/** A page composed for one request only (it came with credentials): never kept, never shared. */
	public Mono<CachedPage> once(Supplier<Mono<CachedPage>> compose) {
		bypassed.increment();
		return compose.get();
	}

	/** Drops every page tagged with any of {@code tags}; compositions under way are not kept. */
	public void purge(Set<String> tags) {
		long now = System.nanoTime();
		for (String tag : tags) {
			purgedAt.put(tag, now);
		}
		int before = pages.asMap().size();
		pages.asMap().values().removeIf(kept -> kept.page().taggedWithAny(tags));
		purges.increment(Math.max(0, before - pages.asMap().size()));
		long forgetBefore = now - Duration.ofMinutes(1).toNanos();
		purgedAt.values().removeIf(at -> at - forgetBefore < 0);
	}

	/** Drops every page. */
	public void purgeAll() {
		purgedAllAt = System.nanoTime();
		purges.increment(pages.asMap().size());
		pages.invalidateAll();
	}

	/**
	 * Whether the change logs can be read. While one cannot, pages are kept only
	 * {@code blind-max-age}: a change made meanwhile cannot purge them.
	 */
	public void blind(boolean blind) {
		this.blind = blind;
	}

	private void keep(PageKey key, CachedPage page, long began) {
		if (!page.storable() || purgedAllAt - began > 0) {
			return;
		}
		for (String tag : page.tags()) {
			Long purged = purgedAt.get(tag);
			if (purged != null && purged - began > 0) {
				return;
			}
		}
		pages.put(key, new Kept(page, began));
	}

	private boolean current(Kept kept) {
		Duration limit = blind ? settings.blindMaxAge()
				: kept.page().degraded() ? settings.degradedMaxAge() : settings.maxAge();
		if (System.nanoTime() - kept.composedAt() > limit.toNanos()) {
			return false;
		}
		return kept.page().topVersion() == top.version();
	}
}
