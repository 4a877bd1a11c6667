package org.newsroom.gateway.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.newsroom.gateway.page.PageProperties;
import org.newsroom.gateway.page.PageTop;
import org.newsroom.gateway.services.ServiceDirectory;
import org.newsroom.platform.change.Change;
import org.newsroom.platform.change.ChangeFeed;
import org.newsroom.platform.change.ChangeFollower;
import org.newsroom.platform.change.ChangeSettings;
import org.newsroom.platform.change.Changes;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What keeps the page cache right, on every gateway replica: it follows article-service's and
 * media-service's change logs ({@code /internal/changes}, a few times a second) and purges every
 * page showing what changed. An article change purges the pages of that article (by id and by
 * slug), the pages that list or link it (home, related, Top 10), and takes the article out of the
 * Top list at once when it stops being published; a photo change purges the pages showing the
 * photo. While a log cannot be read, the cache keeps pages only briefly ({@code blind-max-age}).
 *
 * <p>Why a poll of the services' own logs and not a broker: it needs nothing the platform does not
 * already run, works the same on the embedded store and on MongoDB (the embedded store has no
 * change streams), and its delay (the read interval) is well inside the two seconds readers are
 * promised. docs/gateway.md says more.
 *
 * <p>With several instances of a service, each read goes to whichever one the balancer picks: the
 * log is the service's {@code changes} collection in the store its replicas share, timed by the
 * database's clock (platform-common ChangeLog), so every instance answers the same read alike and
 * following one of them is following all.
 */
@Component
class ReaderChanges implements SmartLifecycle {

	/** A read that takes longer than this counts as failed: the cache must not trust a silent log. */
	private static final Duration READ_TIMEOUT = Duration.ofMillis(800);

	private final PageCache cache;
	private final PageTop top;
	private final PageProperties.Cache settings;
	private final ChangeFollower articles;
	private final ChangeFollower photos;
	private final Clock clock = Clock.systemUTC();
	private volatile Instant articlesRead;
	private volatile Instant photosRead;

	ReaderChanges(ServiceDirectory services, ChangeSettings changes, PageCache cache,
			PageTop top, PageProperties properties) {
		this.cache = cache;
		this.top = top;
		this.settings = properties.cache();
		WebClient http = services.client();
		this.articles = new ChangeFollower("article", source(http, services.article()), new Listener(true),
				changes.interval(), changes.overlap(), changes.settle(), clock);
		this.photos = new ChangeFollower("photo", source(http, services.media()), new Listener(false),
				changes.interval(), changes.overlap(), changes.settle(), clock);
		// nothing read yet: the cache keeps pages only briefly until both logs answer
		cache.blind(true);
	}

	private static ChangeFollower.Source source(WebClient http, String service) {
		return since -> http.get()
			.uri(service + ChangeFeed.PATH + (since != null ? "?since={since}" : ""), since != null ? since.toString() : "")
			.retrieve()
			.bodyToMono(Changes.class)
			.block(READ_TIMEOUT);
	}

	private final class Listener implements ChangeFollower.Listener {

		private final boolean articleLog;

		Listener(boolean articleLog) {
			this.articleLog = articleLog;
		}

		@Override
		public void changed(List<Change> changes) {
			Set<String> tags = new HashSet<>();
			for (Change change : changes) {
				if (Change.ARTICLE.equals(change.kind())) {
					tags.add(CachedPage.article(change.subject()));
					change.slugs().forEach(slug -> tags.add(CachedPage.slug(slug)));
					tags.add(CachedPage.LISTS);
					if (change.visible()) {
						top.show(change.subject());
					}
					else {
						top.hide(change.subject());
					}
				}
				else if (Change.PHOTO.equals(change.kind())) {
					tags.add(CachedPage.photo(change.subject()));
				}
			}
			cache.purge(tags);
		}

		@Override
		public void changedTooMuch() {
			cache.purgeAll();
		}

		@Override
		public void read(boolean succeeded) {
			Instant at = succeeded ? clock.instant() : null;
			if (articleLog) {
				articlesRead = at;
			}
			else {
				photosRead = at;
			}
			cache.blind(!current());
		}
	}

	/**
	 * Whether the last read of both logs succeeded, within {@code blind-max-age}. The first failed
	 * read makes the cache blind: the service behind that log is most likely down, and pages that
	 * show its part are to be composed again, degraded, without waiting.
	 */
	boolean current() {
		Instant limit = clock.instant().minus(settings.blindMaxAge());
		Instant a = articlesRead;
		Instant p = photosRead;
		return a != null && p != null && a.isAfter(limit) && p.isAfter(limit);
	}

	@Override
	public void start() {
		if (settings.enabled()) {
			articles.start();
			photos.start();
		}
	}

	@Override
	public void stop() {
		articles.stop();
		photos.stop();
	}

	@Override
	public boolean isRunning() {
		return articles.isRunning();
	}
}
