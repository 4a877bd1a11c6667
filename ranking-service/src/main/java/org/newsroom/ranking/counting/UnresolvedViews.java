package org.newsroom.ranking.counting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.newsroom.ranking.article.ArticleDirectory;
import org.newsroom.ranking.article.ArticleSummary;
import org.newsroom.ranking.config.RankingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Views of articles the intake could not place: the {@link ArticleDirectory} did not know yet
 * whether they are published (perhaps published a moment ago), so they were buffered with no
 * section. Views the intake did place carry their section in their {@link BucketKey} and are
 * never looked up again; these are the only ones the flusher asks about, later, once the
 * directory has had time to find out. Counted once their article is known published, dropped
 * (as {@code unpublished}) once it is known not to be.
 *
 * <p>At most {@code max-pending-articles} articles wait; past that the buffer refuses views of
 * unknown articles (503). Owned by the flusher thread; the count of waiting articles is read by
 * the {@code ranking.buffer.pending.articles} gauge.
 */
@Component
class UnresolvedViews {

	private static final Logger log = LoggerFactory.getLogger(UnresolvedViews.class);

	private final ViewBuffer buffer;
	private final ArticleDirectory directory;
	private final ViewMetrics metrics;
	private final int maxArticles;

	/** Per article, per hour, the views waiting. */
	private final Map<String, Map<Long, long[]>> waiting = new HashMap<>();

	private volatile int articles;

	UnresolvedViews(ViewBuffer buffer, ArticleDirectory directory, ViewMetrics metrics, RankingProperties properties) {
		this.buffer = buffer;
		this.directory = directory;
		this.metrics = metrics;
		this.maxArticles = properties.counting().maxPendingArticles();
	}

	void add(String articleId, long hour, long count) {
		waiting.computeIfAbsent(articleId, id -> new HashMap<>()).computeIfAbsent(hour, h -> new long[1])[0] += count;
	}

	/** Moves the views of articles now known published into the sums, drops the unpublished, asks about the rest. */
	void settle(BucketSums into) {
		if (waiting.isEmpty()) {
			return;
		}
		List<String> unknown = new ArrayList<>();
		long acceptedNow = 0;
		long droppedNow = 0;
		for (Iterator<Map.Entry<String, Map<Long, long[]>>> it = waiting.entrySet().iterator(); it.hasNext();) {
			Map.Entry<String, Map<Long, long[]>> entry = it.next();
			String articleId = entry.getKey();
			ArticleSummary summary = directory.published(articleId);
			if (summary != null) {
				for (Map.Entry<Long, long[]> hour : entry.getValue().entrySet()) {
					long count = hour.getValue()[0];
					into.add(new BucketKey(articleId, summary.section(), hour.getKey()), count);
					acceptedNow += count;
				}
				it.remove();
			}
			else if (directory.knownNotPublished(articleId)) {
				for (long[] count : entry.getValue().values()) {
					droppedNow += count[0];
				}
				it.remove();
			}
			else {
				unknown.add(articleId);
			}
		}
		if (acceptedNow > 0) {
			metrics.accepted(acceptedNow);
		}
		if (droppedNow > 0) {
			metrics.unpublished(droppedNow);
		}
		if (!unknown.isEmpty()) {
			directory.lookUpLater(unknown);
		}
		into.publishSize();
		publishState();
	}

	/** On shutdown: one last look-up of every waiting article, for at most {@code wait}. */
	void resolveBeforeShutdown(Duration wait) {
		try {
			directory.resolveBeforeShutdown(new ArrayList<>(waiting.keySet()), wait).block();
		}
		catch (RuntimeException e) {
			log.warn("Could not look up {} articles before shutdown: {}", waiting.size(), e.toString());
		}
	}

	/** Makes the count visible to the gauge, and has the buffer refuse unknown articles when too many wait. */
	void publishState() {
		articles = waiting.size();
		buffer.pendingFull(waiting.size() >= maxArticles);
	}

	boolean isEmpty() {
		return waiting.isEmpty();
	}

	int articleCount() {
		return waiting.size();
	}

	long views() {
		long views = 0;
		for (Map<Long, long[]> hours : waiting.values()) {
			for (long[] count : hours.values()) {
				views += count[0];
			}
		}
		return views;
	}

	/** The count as last published. */
	int articles() {
		return articles;
	}
}
