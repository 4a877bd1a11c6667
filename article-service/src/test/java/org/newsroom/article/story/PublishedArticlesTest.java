package org.newsroom.article.story;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.newsroom.platform.change.Change;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules that keep readers' in-memory articles right, without a service around them. */
class PublishedArticlesTest {

	private final PublishedArticles published = new PublishedArticles();

	private final AtomicInteger reads = new AtomicInteger();

	@Test
	void aPublishedArticleIsReadOnceThenServedFromMemoryByIdAndBySlug() {
		published.byId("a1", () -> read("a1", "slug-one", ArticleStatus.PUBLISHED));
		published.byId("a1", () -> read("a1", "slug-one", ArticleStatus.PUBLISHED));
		published.bySlug("slug-one", () -> read("a1", "slug-one", ArticleStatus.PUBLISHED));
		assertThat(reads).hasValue(1);
	}

	@Test
	void aChangeDropsTheArticleByIdAndByEitherSlug() {
		published.byId("a1", () -> read("a1", "old-slug", ArticleStatus.PUBLISHED));
		published.changed(List.of(new Change("c1", Instant.now(), Change.ARTICLE, "a1", List.of("old-slug", "new-slug"), true)));
		published.bySlug("old-slug", () -> read("a1", "new-slug", ArticleStatus.PUBLISHED));
		published.byId("a1", () -> read("a1", "new-slug", ArticleStatus.PUBLISHED));
		assertThat(reads).hasValue(2);
	}

	@Test
	void aReadThatBeganBeforeAChangeIsNotKept() {
		published.byId("a1", () -> {
			PublishedArticles.Reading old = read("a1", "slug-one", ArticleStatus.PUBLISHED);
			// another request withdraws the article while this read is on its way back
			published.forget("a1", List.of("slug-one"));
			return old;
		});
		published.byId("a1", () -> read("a1", "slug-one", ArticleStatus.WITHDRAWN));
		assertThat(reads).hasValue(2);
	}

	@Test
	void onlyPublishedArticlesAreKept() {
		published.byId("d1", () -> read("d1", "draft", ArticleStatus.DRAFT));
		published.byId("d1", () -> read("d1", "draft", ArticleStatus.DRAFT));
		assertThat(reads).hasValue(2);
	}

	@Test
	void aPhotoChangeLeavesArticlesAloneAndTooManyChangesDropEverything() {
		published.byId("a1", () -> read("a1", "slug-one", ArticleStatus.PUBLISHED));
		published.changed(List.of(new Change("c2", Instant.now(), Change.PHOTO, "a1", List.of(), false)));
		published.byId("a1", () -> read("a1", "slug-one", ArticleStatus.PUBLISHED));
		assertThat(reads).hasValue(1);
		published.changedTooMuch();
		published.byId("a1", () -> read("a1", "slug-one", ArticleStatus.PUBLISHED));
		assertThat(reads).hasValue(2);
	}

	private PublishedArticles.Reading read(String id, String slug, ArticleStatus status) {
		reads.incrementAndGet();
		ArticleView view = new ArticleView(id, slug, "Headline", null, null, List.of(), "national", List.of(), List.of(),
				null, null, "en", null, List.of(), status, null, null, null, Instant.now(), 1, List.of(), null, null, null,
				null);
		return new PublishedArticles.Reading(view, "\"1\"");
	}
}
