package org.newsroom.article.publishing;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.newsroom.article.story.Article;
import org.newsroom.article.story.ArticleStatus;
import org.newsroom.article.story.ArticleDesk;
import org.newsroom.article.story.Schedules;
import org.newsroom.article.story.VersionPreconditions;
import org.newsroom.platform.problem.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Publishing, scheduling and withdrawing on an editor's request. An article is published only
 * after {@link PublishingGuard} has checked its photos; an embargo in the future turns "publish
 * now" into "publish when the embargo lifts".
 */
@Service
public class PublishingDesk {

	private final ArticleDesk articles;
	private final PublishingGuard guard;

	public PublishingDesk(ArticleDesk articles, PublishingGuard guard) {
		this.articles = articles;
		this.guard = guard;
	}

	/**
	 * Publishes now, or schedules when {@code at} or the embargo lies in the future. The photos
	 * are checked on the version that is then written (the write is conditional on it); if an
	 * editor changes the article in between, the check runs again on the new version.
	 */
	public Article publish(String id, Instant at, String by) {
		for (int attempt = 1;; attempt++) {
			Article current = articles.find(id);
			Instant now = articles.now();
			Instant due = Schedules.due(at, current.content().embargoUntil());
			boolean later = due != null && due.isAfter(now);
			if (current.isPublished()) {
				if (later) {
					throw VersionPreconditions.invalidState(
							"The article is already published; withdraw it before scheduling it again.");
				}
				return current;
			}
			guard.check(current.content());
			long checked = current.currentVersion();
			AtomicBoolean written = new AtomicBoolean();
			Article result = articles.apply(id, by, later ? "scheduled" : "published", article -> {
				written.set(article.currentVersion() == checked);
				if (!written.get()) {
					return article;
				}
				Instant stamp = articles.now();
				Article.Changes changes = article.change().claim(null).publishingProblem(null).updatedAt(stamp);
				if (later) {
					return changes.status(ArticleStatus.SCHEDULED).schedule(at, due).build();
				}
				return changes.status(ArticleStatus.PUBLISHED)
					.schedule(null, null)
					.firstPublishedAt(article.firstPublishedAt() != null ? article.firstPublishedAt() : stamp)
					.build();
			});
			if (written.get()) {
				return result;
			}
			if (attempt >= 3) {
				throw new ProblemException(HttpStatus.CONFLICT, "conflict", "Conflict",
						"The article keeps changing while it is being published; try again.");
			}
		}
	}

	/** A published article is taken off the site; a scheduled one goes back to being a draft. */
	public Article withdraw(String id, String by) {
		return articles.apply(id, by, "withdrawn", article -> {
			Article.Changes changes = article.change().claim(null).publishingProblem(null).updatedAt(articles.now());
			if (article.status() == ArticleStatus.PUBLISHED) {
				return changes.status(ArticleStatus.WITHDRAWN).build();
			}
			if (article.status() == ArticleStatus.SCHEDULED) {
				return changes.status(ArticleStatus.DRAFT).schedule(null, null).build();
			}
			throw VersionPreconditions.invalidState(
					"Only a published or scheduled article can be withdrawn; this one is " + article.status() + ".");
		});
	}
}
