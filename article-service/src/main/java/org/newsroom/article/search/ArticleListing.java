package org.newsroom.article.search;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.newsroom.article.story.Article;
import org.newsroom.article.story.ArticleStatus;
import org.newsroom.article.story.ArticleStore;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Lists and searches, newest first, one page at a time.
 *
 * <p>
 * Search works on the {@code searchTerms} array (a multikey index), not on MongoDB's {@code $text}
 * (absent from the embedded store, and without Korean on MongoDB). One aggregation does it, on
 * the embedded store and on MongoDB alike: {@code $match} the filters and any query term (the
 * index narrows the candidates to articles sharing at least one term), {@code $project} how many
 * query terms each matched ({@code $size} of {@code $setIntersection}), {@code $match} the cursor,
 * {@code $sort} by matches, then recency, then id, and {@code $limit} to one page. The ranking is
 * exact (no candidate cap that could drop a better match); its cost grows with the number of
 * articles sharing a term with the query, and the sort keeps only one page in memory (a top-k
 * sort). The page's articles are then read by id.
 */
@Component
public class ArticleListing {

	private final MongoTemplate mongo;
	private final ArticleStore store;
	private final SearchTerms terms;

	public ArticleListing(MongoTemplate mongo, ArticleStore store, SearchTerms terms) {
		this.mongo = mongo;
		this.store = store;
		this.terms = terms;
	}

	public record Page(List<Article> items, String nextCursor) {
	}

	public Page find(ArticleQuery query) {
		if (query.q() != null && !query.q().isBlank()) {
			return search(query);
		}
		Document filter = filters(query);
		if (query.cursor() != null) {
			Cursor after = Cursor.decode(query.cursor(), false);
			Date at = Date.from(after.listedAt());
			filter = and(filter, new Document("$or", List.of(new Document("listedAt", new Document("$lt", at)),
					new Document("listedAt", at).append("_id", new Document("$lt", new ObjectId(after.id()))))));
		}
		Query page = new BasicQuery(filter)
			.with(Sort.by(Sort.Order.desc("listedAt"), Sort.Order.desc("_id")))
			.limit(query.size() + 1);
		List<Article> found = store.readAll(page);
		if (found.size() <= query.size()) {
			return new Page(found, null);
		}
		List<Article> items = found.subList(0, query.size());
		Article last = items.get(items.size() - 1);
		return new Page(List.copyOf(items), Cursor.after(last.listedAt(), last.id()).encode());
	}

	private Page search(ArticleQuery query) {
		List<String> wanted = terms.ofQuery(query.q());
		Cursor after = query.cursor() != null ? Cursor.decode(query.cursor(), true) : null;
		if (wanted.isEmpty()) {
			return new Page(List.of(), null);
		}
		List<Document> pipeline = new ArrayList<>();
		pipeline.add(new Document("$match", and(filters(query), new Document("searchTerms", new Document("$in", wanted)))));
		pipeline.add(new Document("$project", new Document("listedAt", 1).append("matched",
				new Document("$size", new Document("$setIntersection", List.of("$searchTerms", wanted))))));
		if (after != null) {
			Date at = Date.from(after.listedAt());
			ObjectId id = new ObjectId(after.id());
			pipeline.add(new Document("$match", new Document("$or", List.of(
					new Document("matched", new Document("$lt", after.matched())),
					new Document("matched", after.matched()).append("listedAt", new Document("$lt", at)),
					new Document("matched", after.matched()).append("listedAt", at)
						.append("_id", new Document("$lt", id))))));
		}
		pipeline.add(new Document("$sort", new Document("matched", -1).append("listedAt", -1).append("_id", -1)));
		pipeline.add(new Document("$limit", query.size() + 1));
		List<Document> ranked = new ArrayList<>();
		mongo.getCollection(mongo.getCollectionName(Article.class)).aggregate(pipeline).into(ranked);
		boolean more = ranked.size() > query.size();
		List<Document> page = more ? ranked.subList(0, query.size()) : ranked;
		List<Article> items = inOrder(page.stream().map(d -> d.getObjectId("_id")).toList());
		String next = null;
		if (more) {
			Document last = page.get(page.size() - 1);
			next = new Cursor(last.getInteger("matched"), last.getDate("listedAt").toInstant(),
					last.getObjectId("_id").toHexString()).encode();
		}
		return new Page(items, next);
	}

	/** Published articles by id, in the order asked; unknown and unpublished ids are left out. */
	public List<Article> publishedIn(List<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<ObjectId> objectIds = ids.stream().map(ObjectId::new).toList();
		Query query = new BasicQuery(new Document("_id", new Document("$in", objectIds)).append("status",
				ArticleStatus.PUBLISHED.name()));
		Map<String, Article> byId = new HashMap<>();
		store.readAll(query).forEach(a -> byId.put(a.id(), a));
		return ids.stream().map(byId::get).filter(a -> a != null).toList();
	}

	private List<Article> inOrder(List<ObjectId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<String, Article> byId = new HashMap<>();
		store.readAll(new BasicQuery(new Document("_id", new Document("$in", ids)))).forEach(a -> byId.put(a.id(), a));
		// an article deleted between the two reads is simply not on the page
		return ids.stream().map(id -> byId.get(id.toHexString())).filter(a -> a != null).toList();
	}

	private static Document filters(ArticleQuery query) {
		Document filter = new Document("status", new Document("$in", query.statuses().stream().map(Enum::name).toList()));
		if (query.section() != null) {
			filter.append("content.section", query.section());
		}
		if (query.tag() != null) {
			filter.append("content.tags", query.tag());
		}
		if (query.source() != null) {
			filter.append("content.source", query.source());
		}
		if (query.author() != null) {
			filter.append("content.byline", query.author());
		}
		if (query.mediaId() != null) {
			// each clause has its own index (see Article), so MongoDB reads only the articles showing the photo
			filter.append("$or", List.of(new Document("content.leadMediaId", query.mediaId()),
					new Document("content.body.mediaId", query.mediaId())));
		}
		return filter;
	}

	private static Document and(Document first, Document second) {
		return new Document("$and", List.of(first, second));
	}
}
