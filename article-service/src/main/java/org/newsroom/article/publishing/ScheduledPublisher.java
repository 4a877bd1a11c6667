package org.newsroom.article.publishing;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.newsroom.article.story.Article;
import org.newsroom.article.story.ArticleDiff;
import org.newsroom.article.story.ArticleStatus;
import org.newsroom.article.story.ArticleStore;
import org.newsroom.article.story.PublishingProblem;
import org.newsroom.article.config.ArticleProperties;
import org.newsroom.article.revision.Revision;
import org.newsroom.platform.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled articles when they fall due ({@code publishAt}, and never before
 * {@code embargoUntil}). Safe with any number of replicas: each due article is claimed
 * atomically by one replica (findAndModify), and the publish itself is a write conditional on
 * the version that was claimed and checked, so an article is published exactly once. The photos
 * are checked again at publishing time; when media-service is down or a photo is not usable, the
 * article stays scheduled, the reason is recorded for editors, and it is tried again after
 * {@code retryDelay}.
 */
@Component
public class ScheduledPublisher {

	private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);

	public static final String BY = "scheduler";

	private final ArticleStore store;
	private final PublishingGuard guard;
	private final ArticleDiff diff;
	private final ArticleProperties.Scheduler settings;
	private final Clock clock;
	private final String owner;

	@Autowired
	public ScheduledPublisher(ArticleStore store, PublishingGuard guard, ArticleDiff diff, ArticleProperties properties,
			Clock clock) {
		this(store, guard, diff, properties, clock,
				ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8));
	}

	/** @param owner this replica's name in claims (host and process, made unique) */
	public ScheduledPublisher(ArticleStore store, PublishingGuard guard, ArticleDiff diff, ArticleProperties properties,
			Clock clock, String owner) {
		this.store = store;
		this.guard = guard;
		this.diff = diff;
		this.settings = properties.scheduler();
		this.clock = clock;
		this.owner = owner;
	}

	@Scheduled(fixedDelayString = "${newsroom.articles.scheduler.interval:5s}",
			initialDelayString = "${newsroom.articles.scheduler.interval:5s}")
	void tick() {
		if (!settings.enabled()) {
			return;
		}
		try {
			publishDue();
		}
		catch (DataAccessException e) {
			log.warn("Scheduled publishing skipped this round: {}", e.getMessage());
		}
	}

	/** Publishes what is due now; returns the ids this replica published. */
	public List<String> publishDue() {
		List<String> published = new ArrayList<>();
		Set<String> attempted = new HashSet<>();
		for (int i = 0; i < settings.batch(); i++) {
			Instant now = now();
			Optional<Article> claimed = store.claimDue(now, owner, now.plus(settings.lease()));
			// an article deferred in this round is due again only in a later one, however short the back-off
			if (claimed.isEmpty() || !attempted.add(claimed.get().id())) {
				break;
			}
			publishClaimed(claimed.get()).ifPresent(published::add);
		}
		return published;
	}

	private Optional<String> publishClaimed(Article article) {
		Instant now = now();
		try {
			guard.check(article.content());
		}
		catch (PhotosNotUsable refused) {
			defer(article, now, "A photo is not usable: " + refused.getMessage(), refused.photos());
			return Optional.empty();
		}
		catch (ProblemException unavailable) {
			if (unavailable.status() != HttpStatus.SERVICE_UNAVAILABLE) {
				throw unavailable;
			}
			defer(article, now, "Photos could not be checked: " + unavailable.getMessage(), List.of());
			return Optional.empty();
		}
		Article next = article.change()
			.status(ArticleStatus.PUBLISHED)
			.schedule(null, null)
			.firstPublishedAt(article.firstPublishedAt() != null ? article.firstPublishedAt() : now)
			.claim(null)
			.publishingProblem(null)
			.updatedAt(now)
			.build();
		Revision revision = Revision.of(article.id(), article.currentVersion() + 1, now, BY, "published",
				diff.between(article, next));
		try {
			store.save(article, next, revision);
			log.info("Published scheduled article {} ({})", article.id(), article.slug());
			return Optional.of(article.id());
		}
		catch (OptimisticLockingFailureException changed) {
			// an editor changed, withdrew or published it since the claim: that version is what
			// counts now, and it will be checked afresh if it is still scheduled
			log.info("Scheduled article {} changed while being published; left for the next round", article.id());
			return Optional.empty();
		}
	}

	private void defer(Article article, Instant attemptedAt, String reason, List<PublishingProblem.PhotoProblem> photos) {
		// counted from the end of the attempt: a slow media-service must not eat the back-off
		Instant retryAt = now().plus(settings.retryDelay());
		log.warn("Scheduled article {} not published, next attempt at {}: {}", article.id(), retryAt, reason);
		store.deferDue(article, retryAt, new PublishingProblem(attemptedAt, reason, photos, retryAt));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}
}
