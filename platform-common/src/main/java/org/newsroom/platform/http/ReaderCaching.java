package org.newsroom.platform.http;

import java.time.Duration;

import org.springframework.http.CacheControl;

/**
 * How long apps, browsers and CDNs may keep what readers get, per kind of answer. Each value is
 * {@code public, max-age, stale-while-revalidate, stale-if-error}: fresh for {@code max-age}; then
 * served while the cache asks again in the background for {@code stale-while-revalidate}; served
 * when the platform cannot answer for {@code stale-if-error}. Our own caches are purged within two
 * seconds of a change; a cache downstream is not, so {@code max-age + stale-while-revalidate} is
 * how long a withdrawn article can still be seen there, and {@code stale-if-error} how long during
 * an outage. docs/gateway.md explains each choice. Answers to a request with credentials, and
 * everything editors see, are {@code private, no-store} ({@link #forCredentials()}).
 */
public enum ReaderCaching {

	/** Article pages (HTML), the page JSON for apps, an article's JSON and ninjs. */
	ARTICLE(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(5)),

	/** The home page and section pages, lists and searches: they change with every publication. */
	LIST(Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofMinutes(5)),

	/** RSS and Atom feeds and the news sitemap: polled by machines, a minute is their norm. */
	FEED(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(10)),

	/** The Top 10 and trending lists: recomputed every five seconds. */
	TOP(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(1)),

	/** A photo's record (caption, credit). */
	PHOTO(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(5));

	private final CacheControl value;

	ReaderCaching(Duration maxAge, Duration staleWhileRevalidate, Duration staleIfError) {
		this.value = CacheControl.maxAge(maxAge)
			.cachePublic()
			.staleWhileRevalidate(staleWhileRevalidate)
			.staleIfError(staleIfError);
	}

	/** For an answer anyone may see and any cache may keep. */
	public CacheControl forReaders() {
		return value;
	}

	/** For an anonymous reader: this kind's value; for a caller with credentials: private, no-store. */
	public CacheControl forCaller(boolean anonymous) {
		return anonymous ? value : forCredentials();
	}

	/** For anything sent with credentials or shown to editors: never stored by any cache. */
	public static CacheControl forCredentials() {
		return CacheControl.noStore().cachePrivate();
	}
}
