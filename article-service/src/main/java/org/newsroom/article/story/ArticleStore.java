package org.newsroom.article.story;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.newsroom.article.revision.Revision;
import org.newsroom.article.revision.RevisionLog;
import org.newsroom.platform.change.Change;
import org.newsroom.platform.change.ChangeLog;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code articles} collection. Every change is one conditional write of one document: the
 * stored version must still be the one the change was computed from (Spring Data's
 * {@code @Version}), or the write fails with an OptimisticLockingFailureException and nothing
 * changes. No transactions are needed, on the embedded store or on MongoDB.
 *
 * <p>A change readers may see (to an article that is published, or ever was) is announced in the
 * change log before it is written, for the caches that follow it (the gateway's pages, every
 * replica's {@link PublishedArticles}), and dropped from this replica's published articles right
 * after it is written.
 */
@Component
public class ArticleStore {

	/** Fields readers never need: kept out of reads to keep them small. */
	private static final String[] HEAVY_FIELDS = { "searchTerms", "lastRevision" };

	private final MongoTemplate mongo;
	private final RevisionLog revisions;
	private final ChangeLog changes;
	private final PublishedArticles published;

	public ArticleStore(MongoTemplate mongo, RevisionLog revisions, ChangeLog changes, PublishedArticles published) {
		this.mongo = mongo;
		this.revisions = revisions;
		this.changes = changes;
		this.published = published;
	}

	/** A new article (its id chosen by the caller) with the revision that created it, in one write. */
	public Article insert(Article article, Revision created) {
		Article stored = mongo.insert(article.withLastRevision(created));
		revisions.keepAfterChange(created);
		return stored;
	}

	/**
	 * Stores {@code next} if the article is still at {@code current}'s version, with the revision
	 * describing the change. The article's previous revision is logged first, so replacing it
	 * inside the document can never lose it.
	 */
	public Article save(Article current, Article next, Revision revision) {
		if (current.lastRevision() != null) {
			revisions.keep(current.lastRevision());
		}
		boolean seenByReaders = current.everPublished() || next.isPublished();
		if (seenByReaders) {
			changes.record(Change.ARTICLE, current.id(), List.of(current.slug(), next.slug()), next.isPublished());
		}
		Article saved = mongo.save(next.withLastRevision(revision));
		if (seenByReaders) {
			published.forget(current.id(), List.of(current.slug(), next.slug()));
		}
		revisions.keepAfterChange(revision);
		return saved;
	}

	/** The whole document, for changing it. */
	public Optional<Article> find(String id) {
		return Optional.ofNullable(mongo.findById(id, Article.class));
	}

	/** The article without its search terms and revision: what reading needs. */
	public Optional<Article> read(String id) {
		return Optional.ofNullable(mongo.findOne(light(byId(id)), Article.class));
	}

	public Optional<Article> readBySlug(String slug) {
		return Optional.ofNullable(mongo.findOne(light(Query.query(Criteria.where("slug").is(slug))), Article.class));
	}

	public List<Article> readAll(Query query) {
		return mongo.find(light(query), Article.class);
	}

	public boolean slugTaken(String slug, String exceptId) {
		Criteria criteria = Criteria.where("slug").is(slug);
		if (exceptId != null) {
			criteria = criteria.and("_id").ne(new ObjectId(exceptId));
		}
		return mongo.exists(Query.query(criteria), Article.class);
	}

	/** Deletes the article (the caller read it as {@code current}). */
	public boolean delete(Article current) {
		if (current.everPublished()) {
			changes.record(Change.ARTICLE, current.id(), List.of(current.slug()), false);
		}
		boolean deleted = mongo.remove(byId(current.id()), Article.class).getDeletedCount() > 0;
		published.forget(current.id(), List.of(current.slug()));
		return deleted;
	}

	/**
	 * Claims one scheduled article that is due and not held by a live claim, atomically
	 * (findAndModify): two replicas can never both get it. The claim does not change the
	 * version; the publish that follows is conditional on it.
	 */
	public Optional<Article> claimDue(Instant now, String owner, Instant until) {
		Query query = Query.query(Criteria.where("status")
			.is(ArticleStatus.SCHEDULED)
			.and("dueAt")
			.lte(now)
			.orOperator(Criteria.where("claim").is(null), Criteria.where("claim.until").lt(now)));
		Update update = new Update().set("claim", new ScheduleClaim(owner, until));
		return Optional.ofNullable(
				mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Article.class));
	}

	/**
	 * After a failed attempt: keeps the claim until {@code retryAt} (the back-off) and records why,
	 * if the article has not changed meanwhile. Changes nothing a reader sees, so no new version.
	 */
	public void deferDue(Article claimed, Instant retryAt, PublishingProblem problem) {
		Query query = byId(claimed.id()).addCriteria(Criteria.where("version").is(claimed.version())
			.and("status")
			.is(ArticleStatus.SCHEDULED));
		Update update = new Update().set("claim", new ScheduleClaim(claimed.claim().owner(), retryAt))
			.set("publishingProblem", problem);
		mongo.updateFirst(query, update, Article.class);
	}

	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(new ObjectId(id)));
	}

	private static Query light(Query query) {
		query.fields().exclude(HEAVY_FIELDS);
		return query;
	}
}
