package org.newsroom.article.story;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.bson.types.ObjectId;
import org.newsroom.article.revision.FieldChange;
import org.newsroom.article.revision.Revision;
import org.newsroom.article.revision.RevisionLog;
import org.newsroom.article.search.SearchTerms;
import org.newsroom.platform.problem.ProblemException;
import org.newsroom.platform.problem.Problems;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/** The article desk: drafting, editing, corrections, deleting, and the reading rules. */
@Service
public class ArticleDesk {

	/** Attempts for changes computed from the current state (publish, correct) when another change wins the race. */
	private static final int RACE_ATTEMPTS = 5;

	private static final int SLUG_ATTEMPTS = 50;

	private final ArticleStore store;
	private final ContentRules rules;
	private final SearchTerms terms;
	private final ArticleDiff diff;
	private final RevisionLog revisions;
	private final Clock clock;

	public ArticleDesk(ArticleStore store, ContentRules rules, SearchTerms terms, ArticleDiff diff, RevisionLog revisions,
			Clock clock) {
		this.store = store;
		this.rules = rules;
		this.terms = terms;
		this.diff = diff;
		this.revisions = revisions;
		this.clock = clock;
	}

	/** Milliseconds, as MongoDB stores them, so that what is returned equals what is read back. */
	public Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	public Article draft(ArticleDraft draft, String by) {
		ArticleContent content = rules.check(draft, null);
		Instant now = now();
		String id = new ObjectId().toHexString();
		String base = Slugs.fromHeadline(content.headline());
		for (int attempt = 1;; attempt++) {
			String slug = attempt == 1 ? base : base + "-" + attempt;
			if (store.slugTaken(slug, null)) {
				continue;
			}
			Article article = new Article(id, slug, content, ArticleStatus.DRAFT, null, null, null, now, now, now,
					List.of(), terms.of(content), null, null, null, null);
			try {
				return store.insert(article, Revision.of(id, 0, now, by, "created", diff.created(article)));
			}
			catch (DuplicateKeyException raced) {
				// another editor took this slug between the check and the insert: try the next one
				if (attempt > SLUG_ATTEMPTS) {
					throw raced;
				}
			}
		}
	}

	/** Replaces the content, if the article is still at the version the editor edited. */
	public Article update(String id, long expectedVersion, ArticleDraft draft, String by) {
		Article current = store.find(id).orElseThrow(ArticleNotFound::new);
		if (current.currentVersion() != expectedVersion) {
			throw VersionPreconditions.stale(expectedVersion, current.currentVersion());
		}
		ArticleContent content = rules.check(draft, id);
		Instant now = now();
		if (current.isPublished() && content.embargoUntil() != null && content.embargoUntil().isAfter(now)) {
			throw Problems.invalid("embargoUntil", "a published article cannot be put under embargo; withdraw it first");
		}
		Article.Changes changes = current.change().content(content, terms.of(content)).updatedAt(now).publishingProblem(null);
		if (current.status() == ArticleStatus.SCHEDULED) {
			changes.schedule(current.publishAt(), Schedules.due(current.publishAt(), content.embargoUntil()));
		}
		boolean slugFollowsHeadline = !current.everPublished()
				&& !content.headline().equals(current.content().headline());
		String base = slugFollowsHeadline ? Slugs.fromHeadline(content.headline()) : current.slug();
		for (int attempt = 1;; attempt++) {
			String slug = attempt == 1 ? base : base + "-" + attempt;
			if (slugFollowsHeadline && store.slugTaken(slug, id)) {
				continue;
			}
			Article next = changes.slug(slug).build();
			List<FieldChange> changed = diff.between(current, next);
			if (changed.isEmpty()) {
				return current;
			}
			try {
				return store.save(current, next, Revision.of(id, expectedVersion + 1, now, by, "updated", changed));
			}
			catch (OptimisticLockingFailureException lost) {
				long stored = store.find(id).map(Article::currentVersion).orElseThrow(ArticleNotFound::new);
				throw VersionPreconditions.stale(expectedVersion, stored);
			}
			catch (DuplicateKeyException raced) {
				if (!slugFollowsHeadline || attempt > SLUG_ATTEMPTS) {
					throw raced;
				}
			}
		}
	}

	/** Appends a correction; only articles that readers have seen can be corrected. */
	public Article correct(String id, String text, String by) {
		String correction = rules.correction(text);
		return apply(id, by, "corrected", current -> {
			if (!current.everPublished()) {
				throw VersionPreconditions.invalidState(
						"Only a published article can be corrected; edit the draft instead.");
			}
			List<Correction> corrections = new ArrayList<>(current.corrections() != null ? current.corrections() : List.of());
			corrections.add(new Correction(now(), correction));
			return current.change().corrections(List.copyOf(corrections)).updatedAt(now()).build();
		});
	}

	/** Deletes the article; its revision history stays, ending with the deletion. */
	public void delete(String id, String by) {
		Article current = store.find(id).orElseThrow(ArticleNotFound::new);
		if (current.lastRevision() != null) {
			revisions.keep(current.lastRevision());
		}
		if (!store.delete(current)) {
			throw new ArticleNotFound();
		}
		revisions.keep(Revision.of(id, current.currentVersion() + 1, now(), by, "deleted", List.of()));
	}

	/**
	 * Applies a change computed from the article's current state, and records it. When another
	 * change is stored in between, the change is computed again from the new state.
	 */
	public Article apply(String id, String by, String action, UnaryOperator<Article> change) {
		for (int attempt = 1;; attempt++) {
			Article current = store.find(id).orElseThrow(ArticleNotFound::new);
			Article next = change.apply(current);
			if (next == current) {
				return current;
			}
			Revision revision = Revision.of(id, current.currentVersion() + 1, next.updatedAt(), by, action,
					diff.between(current, next));
			try {
				return store.save(current, next, revision);
			}
			catch (OptimisticLockingFailureException raced) {
				if (attempt >= RACE_ATTEMPTS) {
					throw new ProblemException(HttpStatus.CONFLICT, "conflict", "Conflict",
							"The article keeps changing; try again.");
				}
			}
		}
	}

	/** The whole stored article, whatever its status (for editors' operations). */
	public Article find(String id) {
		return store.find(id).orElseThrow(ArticleNotFound::new);
	}

	/**
	 * What the caller may read: readers see published articles only; a draft does not exist for them (404), a
	 * withdrawn article is gone (410).
	 */
	public Article readable(String id, Authentication caller) {
		return visible(store.read(id), caller);
	}

	public Article readableBySlug(String slug, Authentication caller) {
		return visible(store.readBySlug(slug), caller);
	}

	private static Article visible(Optional<Article> article, Authentication caller) {
		Article found = article.orElseThrow(ArticleNotFound::new);
		if (found.isPublished() || Callers.isEditor(caller)) {
			return found;
		}
		// readers once saw a withdrawn article: it is gone, not unknown (a draft stays unknown)
		throw found.status() == ArticleStatus.WITHDRAWN ? new ArticleWithdrawn() : new ArticleNotFound();
	}

	/** A 400 for a path id that cannot be an article id at all. */
	public static String checkId(String id) {
		return Ids.require(id, "id");
	}
}
