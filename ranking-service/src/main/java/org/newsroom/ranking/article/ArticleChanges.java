package org.newsroom.ranking.article;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.newsroom.platform.change.Change;
import org.newsroom.platform.change.ChangeFeed;
import org.newsroom.platform.change.ChangeFollower;
import org.newsroom.platform.change.ChangeSettings;
import org.newsroom.platform.change.Changes;
import org.newsroom.platform.web.ServiceLocations;
import org.newsroom.ranking.top.TopLists;
import org.newsroom.ranking.top.TopRefresher;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Follows article-service's change log, so that the lists never show a withdrawn or deleted
 * article for longer than a read of the log takes: it leaves every list at once, and what this
 * replica knows about a changed article is forgotten (a view of it is looked up again, and the
 * lists are refreshed soon after a change of a published article's headline, slug or section).
 * Without this, the lists caught up at their next refresh, five seconds at most.
 */
@Component
class ArticleChanges implements SmartLifecycle, ChangeFollower.Listener {

	private static final Duration READ_TIMEOUT = Duration.ofMillis(800);

	private final ArticleDirectory directory;
	private final TopLists lists;
	private final TopRefresher refresher;
	private final ChangeFollower follower;

	ArticleChanges(WebClient.Builder builder, ServiceLocations services, ChangeSettings settings,
			ArticleDirectory directory, TopLists lists, TopRefresher refresher) {
		this.directory = directory;
		this.lists = lists;
		this.refresher = refresher;
		WebClient http = builder.baseUrl(services.article()).build();
		this.follower = new ChangeFollower("article", since -> http.get()
			.uri(ChangeFeed.PATH + (since != null ? "?since={since}" : ""), since != null ? since.toString() : "")
			.retrieve()
			.bodyToMono(Changes.class)
			.block(READ_TIMEOUT), this, settings.interval(), settings.overlap(), settings.settle(), Clock.systemUTC());
	}

	@Override
	public void changed(List<Change> changes) {
		boolean refresh = false;
		for (Change change : changes) {
			if (!Change.ARTICLE.equals(change.kind())) {
				continue;
			}
			directory.forget(change.subject());
			if (change.visible()) {
				lists.published(change.subject());
				refresh = true;
			}
			else {
				lists.drop(change.subject());
			}
		}
		if (refresh) {
			refresher.refreshSoon();
		}
	}

	@Override
	public void changedTooMuch() {
		directory.forgetAll();
		refresher.refreshSoon();
	}

	@Override
	public void start() {
		follower.start();
	}

	@Override
	public void stop() {
		follower.stop();
	}

	@Override
	public boolean isRunning() {
		return follower.isRunning();
	}
}
