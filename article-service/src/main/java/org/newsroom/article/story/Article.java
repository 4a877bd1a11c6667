package org.newsroom.article.story;

import java.time.Instant;
import java.util.List;

import org.newsroom.article.revision.Revision;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An article as stored in the {@code articles} collection.
 *
 * @param listedAt the listing order, newest first: first publication, or creation for articles
 *     never published. Neither changes once set, which keeps cursors stable.
 * @param dueAt while SCHEDULED, when the scheduler may publish: the later of {@code publishAt}
 *     and the embargo
 * The two photo indexes serve {@code GET /api/articles?media=}: which articles show a photo
 * (before a takedown), as lead photo or in the body's image blocks.
 *
 * @param searchTerms analysed terms of headline, deck, summary, body and tags (see search/)
 * @param lastRevision the revision of the latest change, written atomically with it (see
 *     {@link org.newsroom.article.revision.RevisionLog})
 */
@Document("articles")
@CompoundIndex(name = "listing", def = "{'status': 1, 'listedAt': -1, '_id': -1}")
@CompoundIndex(name = "listing_by_section", def = "{'status': 1, 'content.section': 1, 'listedAt': -1, '_id': -1}")
@CompoundIndex(name = "due", def = "{'status': 1, 'dueAt': 1}")
@CompoundIndex(name = "by_lead_photo", def = "{'content.leadMediaId': 1, 'listedAt': -1, '_id': -1}")
@CompoundIndex(name = "by_body_photo", def = "{'content.body.mediaId': 1, 'listedAt': -1, '_id': -1}")
public record Article(
		@Id String id,
		@Indexed(unique = true) String slug,
		ArticleContent content,
		ArticleStatus status,
		Instant publishAt,
		Instant dueAt,
		Instant firstPublishedAt,
		Instant createdAt,
		Instant updatedAt,
		Instant listedAt,
		List<Correction> corrections,
		@Indexed List<String> searchTerms,
		ScheduleClaim claim,
		PublishingProblem publishingProblem,
		Revision lastRevision,
		@Version Long version) {

	public boolean isPublished() {
		return status == ArticleStatus.PUBLISHED;
	}

	public long currentVersion() {
		return version != null ? version : 0;
	}

	public boolean everPublished() {
		return firstPublishedAt != null;
	}

	public Changes change() {
		return new Changes(this);
	}

	/** A copy of an article with some fields changed; the version stays (the store checks it). */
	public static final class Changes {

		private String slug;
		private ArticleContent content;
		private ArticleStatus status;
		private Instant publishAt;
		private Instant dueAt;
		private Instant firstPublishedAt;
		private Instant updatedAt;
		private Instant listedAt;
		private List<Correction> corrections;
		private List<String> searchTerms;
		private ScheduleClaim claim;
		private PublishingProblem publishingProblem;
		private final Article from;

		private Changes(Article a) {
			this.from = a;
			this.slug = a.slug;
			this.content = a.content;
			this.status = a.status;
			this.publishAt = a.publishAt;
			this.dueAt = a.dueAt;
			this.firstPublishedAt = a.firstPublishedAt;
			this.updatedAt = a.updatedAt;
			this.listedAt = a.listedAt;
			this.corrections = a.corrections;
			this.searchTerms = a.searchTerms;
			this.claim = a.claim;
			this.publishingProblem = a.publishingProblem;
		}

		public Changes slug(String value) {
			slug = value;
			return this;
		}

		public Changes content(ArticleContent value, List<String> terms) {
			content = value;
			searchTerms = terms;
			return this;
		}

		public Changes status(ArticleStatus value) {
			status = value;
			return this;
		}

		public Changes schedule(Instant publishAtValue, Instant due) {
			publishAt = publishAtValue;
			dueAt = due;
			return this;
		}

		public Changes firstPublishedAt(Instant value) {
			firstPublishedAt = value;
			listedAt = value;
			return this;
		}

		public Changes updatedAt(Instant value) {
			updatedAt = value;
			return this;
		}

		public Changes corrections(List<Correction> value) {
			corrections = value;
			return this;
		}

		public Changes claim(ScheduleClaim value) {
			claim = value;
			return this;
		}

		public Changes publishingProblem(PublishingProblem value) {
			publishingProblem = value;
			return this;
		}

		public Article build() {
			return new Article(from.id, slug, content, status, publishAt, dueAt, firstPublishedAt, from.createdAt,
					updatedAt, listedAt, corrections, searchTerms, claim, publishingProblem, from.lastRevision,
					from.version);
		}
	}

	/** The same article carrying the revision that describes the change that made it. */
	public Article withLastRevision(Revision revision) {
		return new Article(id, slug, content, status, publishAt, dueAt, firstPublishedAt, createdAt, updatedAt,
				listedAt, corrections, searchTerms, claim, publishingProblem, revision, version);
	}
}
