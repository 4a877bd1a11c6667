package org.newsroom.ranking.article;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.newsroom.ranking.config.RankingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * What ranking-service knows about articles, in two bounded caches filled from article-service:
 * published articles (section for counting, slug and headline for the lists) and ids
 * article-service did not know (not published: unknown, draft or withdrawn).
 *
 * <p>An id in neither cache is unknown <em>to us</em>: its views wait, and it is looked up in
 * the background. The "not published" answer is kept only briefly ({@code unknown-ttl}), so an
 * article published a moment after its id was asked about is counted a few seconds later.
 */
@Component
public class ArticleDirectory {

	private static final Logger log = LoggerFactory.getLogger(ArticleDirectory.class);

	private final ArticleSummariesClient client;
	private final Cache<String, ArticleSummary> published;
	private final Cache<String, Boolean> notPublished;
	private final Set<String> lookingUp = ConcurrentHashMap.newKeySet();

	public ArticleDirectory(ArticleSummariesClient client, RankingProperties properties) {
		this.client = client;
		RankingProperties.Articles config = properties.articles();
		this.published = Caffeine.newBuilder().maximumSize(config.cacheSize()).expireAfterWrite(config.cacheTtl()).build();
		this.notPublished = Caffeine.newBuilder()
			.maximumSize(config.cacheSize())
			.expireAfterWrite(config.unknownTtl())
			.build();
	}

	/** The article's summary if it is known to be published, else null. Never blocks. */
	public ArticleSummary published(String articleId) {
		return published.getIfPresent(articleId);
	}

	/** True when article-service said recently that this id is not a published article. */
	public boolean knownNotPublished(String articleId) {
		return notPublished.getIfPresent(articleId) != null;
	}

	/** Looks the ids up in the background (those not already being looked up). */
	public void lookUpLater(Collection<String> articleIds) {
		List<String> wanted = new ArrayList<>();
		for (String id : articleIds) {
			if (lookingUp.add(id)) {
				wanted.add(id);
			}
		}
		if (wanted.isEmpty()) {
			return;
		}
		client.published(wanted)
			.doFinally(signal -> wanted.forEach(lookingUp::remove))
			.subscribe(found -> remember(wanted, found),
					error -> log.debug("Article lookup failed; views of {} articles wait: {}", wanted.size(), error.toString()));
	}

	/**
	 * Fresh answers for the ids (never from the cache), remembered for counting: what
	 * article-service omits is not published.
	 */
	public Mono<Map<String, ArticleSummary>> fresh(Collection<String> articleIds) {
		if (articleIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return client.published(articleIds).doOnNext(found -> remember(articleIds, found));
	}

	/** Like {@link #fresh}, but only for ids not already known, waiting at most {@code wait}. */
	public Mono<Void> resolve(Collection<String> articleIds, Duration wait) {
		return fresh(unknown(articleIds)).timeout(wait).then();
	}

	/**
	 * The last look-up before shutdown: like {@link #resolve}, but asked even while the breaker
	 * is open, since the views waiting for these articles are lost if nobody answers now.
	 */
	public Mono<Void> resolveBeforeShutdown(Collection<String> articleIds, Duration wait) {
		List<String> unknown = unknown(articleIds);
		if (unknown.isEmpty()) {
			return Mono.empty();
		}
		return client.publishedDespiteBreaker(unknown).doOnNext(found -> remember(unknown, found)).timeout(wait).then();
	}

	/** Forgets what this replica knew about the article (it changed): the next view looks it up. */
	public void forget(String articleId) {
		published.invalidate(articleId);
		notPublished.invalidate(articleId);
	}

	public void forgetAll() {
		published.invalidateAll();
		notPublished.invalidateAll();
	}

	private List<String> unknown(Collection<String> articleIds) {
		List<String> unknown = new ArrayList<>();
		for (String id : articleIds) {
			if (published(id) == null && !knownNotPublished(id)) {
				unknown.add(id);
			}
		}
		return unknown;
	}

	private void remember(Collection<String> asked, Map<String, ArticleSummary> found) {
		for (String id : asked) {
			ArticleSummary summary = found.get(id);
			if (summary != null) {
				published.put(id, summary);
				notPublished.invalidate(id);
			}
			else {
				published.invalidate(id);
				notPublished.put(id, Boolean.TRUE);
			}
		}
	}
}
