package org.newsroom.article.story;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.newsroom.platform.change.Change;
import org.newsroom.platform.change.ChangeFollower;

import org.springframework.stereotype.Component;

/**
 * Published articles as readers get them, in memory, by id and by slug: a reader's read of an
 * unchanged article costs no database read. Bounded ({@value #MAX_ARTICLES} articles, each kept
 * {@value #MAX_AGE_MINUTES} minutes at most).
 *
 * <p>Correct with several replicas: every change is dropped here by the replica that made it,
 * at once ({@link ArticleStore}), and by every replica when it follows the change log
 * ({@link ChangeFollower}, a few times a second). A read that started before a change never
 * stores what it read: each drop moves a generation on, and a read stores its article only if
 * the generation it started in is still current.
 */
@Component
public class PublishedArticles implements ChangeFollower.Listener {

	static final int MAX_ARTICLES = 10_000;

	static final int MAX_AGE_MINUTES = 10;

	/** A reader's view of a published article and its ETag. */
	public record Reading(ArticleView view, String etag) {
	}

	private final Cache<String, Reading> byId = Caffeine.newBuilder()
		.maximumSize(MAX_ARTICLES)
		.expireAfterWrite(Duration.ofMinutes(MAX_AGE_MINUTES))
		.build();

	private final Cache<String, String> idBySlug = Caffeine.newBuilder()
		.maximumSize(MAX_ARTICLES)
		.expireAfterWrite(Duration.ofMinutes(MAX_AGE_MINUTES))
		.build();

	private long generation;

	/** The reader's view by id, from memory or from {@code read} (null when there is none to show). */
	public Optional<Reading> byId(String id, Supplier<Reading> read) {
		Reading cached = byId.getIfPresent(id);
		return cached != null ? Optional.of(cached) : load(read);
	}

	public Optional<Reading> bySlug(String slug, Supplier<Reading> read) {
		String id = idBySlug.getIfPresent(slug);
		Reading cached = id != null ? byId.getIfPresent(id) : null;
		return cached != null && slug.equals(cached.view().slug()) ? Optional.of(cached) : load(read);
	}

	private Optional<Reading> load(Supplier<Reading> read) {
		long started = generation();
		Reading reading = read.get();
		if (reading != null && reading.view().status() == ArticleStatus.PUBLISHED) {
			keep(started, reading);
		}
		return Optional.ofNullable(reading);
	}

	private synchronized long generation() {
		return generation;
	}

	private synchronized void keep(long startedIn, Reading reading) {
		if (generation == startedIn) {
			byId.put(reading.view().id(), reading);
			idBySlug.put(reading.view().slug(), reading.view().id());
		}
	}

	/** Drops an article (by id and by its slugs before and after a change). */
	public synchronized void forget(String id, Collection<String> slugs) {
		generation++;
		byId.invalidate(id);
		for (String slug : slugs) {
			if (slug != null) {
				idBySlug.invalidate(slug);
			}
		}
	}

	@Override
	public void changed(List<Change> changes) {
		for (Change change : changes) {
			if (Change.ARTICLE.equals(change.kind())) {
				forget(change.subject(), change.slugs());
			}
		}
	}

	@Override
	public synchronized void changedTooMuch() {
		generation++;
		byId.invalidateAll();
		idBySlug.invalidateAll();
	}
}
