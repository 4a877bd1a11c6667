package org.newsroom.ranking.top;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The lists as computed once for the whole deployment, in MongoDB: one document per
 * {@link ListSet}, holding its claim ({@code owner}, {@code until}), a {@code version} raised by
 * every write, and per window the lists of every section with their {@code generatedAt} and
 * {@code stale} flag. Every operation is a single-document atomic one (no transactions: the
 * embedded store does not have them), so two replicas can never both hold a claim, and a
 * replica whose claim was taken over can no longer write.
 *
 * <pre>
 * { _id: "short", owner: "r1a2b…", until: ISODate, version: 42, generatedAt: ISODate,
 *   windows: { "1h": { generatedAt: ISODate, stale: false,
 *                      lists: [ { section: null, items: [ { rank, articleId, slug, headline, section, views } ] } ] },
 *              … } }
 * </pre>
 */
@Component
class StoredLists {

	static final String COLLECTION = "top_lists";

	/** One window's lists as stored. */
	record StoredWindow(Instant generatedAt, boolean stale, List<TopList> lists) {
	}

	/** A set as stored: its version and its windows (only those written so far). */
	record Stored(long version, Map<String, StoredWindow> windows) {
	}

	private final MongoTemplate mongo;
	private final Set<ListSet> created = ConcurrentHashMap.newKeySet();

	StoredLists(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	private MongoCollection<Document> collection() {
		return mongo.getCollection(COLLECTION);
	}

	/**
	 * Takes (or renews) the set's claim until {@code until} when it is free, expired or already
	 * this owner's (findAndModify): true when this owner holds it now. Two replicas asking at
	 * once: one gets it, the other's filter no longer matches.
	 */
	boolean claim(ListSet set, String owner, Instant now, Instant until) {
		if (!created.contains(set)) {
			create(set);
		}
		return collection().findOneAndUpdate(
				Filters.and(Filters.eq("_id", set.id()),
						Filters.or(Filters.eq("owner", owner), Filters.lt("until", Date.from(now)))),
				Updates.combine(Updates.set("owner", owner), Updates.set("until", Date.from(until))),
				new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
					.projection(Projections.include("_id"))) != null;
	}

	/** The set's document, unclaimed, unless it exists: once per process, not at every claim. */
	private void create(ListSet set) {
		try {
			collection().updateOne(Filters.eq("_id", set.id()), Updates.setOnInsert("until", new Date(0)),
					new UpdateOptions().upsert(true));
		}
		catch (MongoServerException e) {
			// another replica created it at the same moment
			if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
				throw e;
			}
		}
		created.add(set);
	}

	/**
	 * Writes a round's lists, if {@code owner} still holds the claim: the fresh windows replaced
	 * whole, the {@code stale} ones kept and marked stale, the version raised. False when the
	 * claim was taken over meanwhile (this round's lists are then not written).
	 */
	boolean write(ListSet set, String owner, Instant generatedAt, Map<String, List<TopList>> fresh,
			Collection<String> stale) {
		List<Bson> updates = new ArrayList<>();
		fresh.forEach((window, lists) -> updates.add(Updates.set("windows." + window,
				new Document("generatedAt", Date.from(generatedAt)).append("stale", false)
					.append("lists", lists.stream().map(StoredLists::document).toList()))));
		stale.forEach(window -> updates.add(Updates.set("windows." + window + ".stale", true)));
		updates.add(Updates.set("generatedAt", Date.from(generatedAt)));
		updates.add(Updates.inc("version", 1L));
		return collection()
			.updateOne(Filters.and(Filters.eq("_id", set.id()), Filters.eq("owner", owner)), Updates.combine(updates))
			.getMatchedCount() == 1;
	}

	/** The stored version of each set written so far: one small read by {@code _id}, no lists. */
	Map<ListSet, Long> versions() {
		Map<ListSet, Long> versions = new EnumMap<>(ListSet.class);
		for (Document row : collection()
			.find(Filters.in("_id", List.of(ListSet.SHORT.id(), ListSet.LONG.id())))
			.projection(Projections.include("version"))) {
			Number version = (Number) row.get("version");
			if (version != null) {
				versions.put(ListSet.SHORT.id().equals(row.get("_id")) ? ListSet.SHORT : ListSet.LONG, version.longValue());
			}
		}
		return versions;
	}

	/** The set's lists as stored, or null when none were written yet. */
	Stored read(ListSet set) {
		Document row = collection().find(Filters.eq("_id", set.id()))
			.projection(Projections.include("version", "windows"))
			.first();
		if (row == null || row.get("version") == null) {
			return null;
		}
		Map<String, StoredWindow> windows = new LinkedHashMap<>();
		Document stored = row.get("windows", Document.class);
		for (String window : set.windows()) {
			Document entry = stored != null ? stored.get(window, Document.class) : null;
			if (entry != null) {
				windows.put(window, window(window, entry));
			}
		}
		return new Stored(((Number) row.get("version")).longValue(), windows);
	}

	/** Lets the claims of this owner go, so that another replica takes over at its next round. */
	void release(String owner) {
		collection().updateMany(Filters.eq("owner", owner), Updates.set("until", new Date(0)));
	}

	private static Document document(TopList list) {
		List<Document> items = new ArrayList<>(list.items().size());
		for (TopList.Entry entry : list.items()) {
			items.add(new Document("rank", entry.rank()).append("articleId", entry.articleId())
				.append("slug", entry.slug())
				.append("headline", entry.headline())
				.append("section", entry.section())
				.append("views", entry.views()));
		}
		return new Document("section", list.section()).append("items", items);
	}

	private static StoredWindow window(String window, Document entry) {
		Date generated = entry.getDate("generatedAt");
		Instant generatedAt = generated != null ? generated.toInstant() : null;
		boolean stale = Boolean.TRUE.equals(entry.getBoolean("stale"));
		List<TopList> lists = new ArrayList<>();
		for (Document list : entry.getList("lists", Document.class, List.of())) {
			List<TopList.Entry> items = new ArrayList<>();
			for (Document item : list.getList("items", Document.class, List.of())) {
				items.add(new TopList.Entry(((Number) item.get("rank")).intValue(), item.getString("articleId"),
						item.getString("slug"), item.getString("headline"), item.getString("section"),
						((Number) item.get("views")).longValue()));
			}
			lists.add(new TopList(window, list.getString("section"), generatedAt, stale, List.copyOf(items)));
		}
		return new StoredWindow(generatedAt, stale, List.copyOf(lists));
	}
}
