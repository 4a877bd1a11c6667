package org.newsroom.article.revision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The revision history. MongoDB has no transaction here (and the embedded store has none at
 * all), so an article carries its latest revision inside its own document, written atomically
 * with the change; this log keeps a copy of each in the {@code revisions} collection. Before an
 * article's latest revision is replaced by the next one it is copied again (idempotently), so a
 * copy that failed once is repaired by the next change, and {@link #history} also reads the one
 * inside the article: no revision is lost when a write between the two fails.
 */
@Component
public class RevisionLog {

	private static final Logger log = LoggerFactory.getLogger(RevisionLog.class);

	/** Enough for years of edits to one article; the endpoint says when it stops short. */
	public static final int MAX_HISTORY = 1000;

	private final MongoTemplate mongo;

	public RevisionLog(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Declared here, not on the record: the record is also embedded in articles, where it needs no index. */
	@PostConstruct
	void index() {
		mongo.indexOps(Revision.class)
			.createIndex(new Index().on("articleId", Sort.Direction.ASC).on("version", Sort.Direction.DESC).named("history"));
	}

	/** Copies a revision into the log; writing it twice stores it once. */
	public void keep(Revision revision) {
		mongo.save(revision);
	}

	/** Like {@link #keep}, after the change itself is stored: a failure is repaired by the next change. */
	public void keepAfterChange(Revision revision) {
		try {
			keep(revision);
		}
		catch (DataAccessException e) {
			log.warn("Revision {} is kept in its article only for now: {}", revision.id(), e.getMessage());
		}
	}

	/** Newest first: the logged revisions plus the latest one held by the article itself. */
	public List<Revision> history(String articleId) {
		Query query = Query.query(Criteria.where("articleId").is(articleId))
			.with(Sort.by(Sort.Direction.DESC, "version"))
			.limit(MAX_HISTORY);
		List<Revision> revisions = new ArrayList<>(mongo.find(query, Revision.class));
		Revision latest = latestHeldByArticle(articleId);
		if (latest != null && revisions.stream().noneMatch(r -> r.version() == latest.version())) {
			revisions.add(latest);
			revisions.sort(Comparator.comparingLong(Revision::version).reversed());
		}
		return revisions;
	}

	private Revision latestHeldByArticle(String articleId) {
		Query query = Query.query(Criteria.where("_id").is(new org.bson.types.ObjectId(articleId)));
		query.fields().include("lastRevision");
		Document article = mongo.findOne(query, Document.class, "articles");
		if (article == null || !(article.get("lastRevision") instanceof Document revision)) {
			return null;
		}
		return mongo.getConverter().read(Revision.class, revision);
	}
}
