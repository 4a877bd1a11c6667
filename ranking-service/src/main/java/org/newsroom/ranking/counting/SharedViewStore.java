package org.newsroom.ranking.counting;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.newsroom.ranking.config.RankingProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The dedupe memory and the per-address counts that every replica shares, in MongoDB, written
 * with unordered bulk inserts and, for the few documents that exist already, single-document
 * compare-and-set updates (no transactions), so that a visitor whose views land on two replicas
 * counts once and an address's views across replicas stop at the limit.
 *
 * <pre>
 * recent_views:     { _id: &lt;visitor and article fingerprint&gt;, at: Date, by: "&lt;replica&gt;:&lt;round&gt;" }
 * recent_addresses: { _id: &lt;address and article fingerprint&gt;, start: Date, n: views counted in the window,
 *                     d: { &lt;replica&gt;: { s: &lt;round&gt;, a: views it was allowed } } }
 * </pre>
 *
 * Every write of a round carries the replica's round number, so sending a round again (its
 * answer was lost, the store went down half-way) finds its own earlier writes instead of taking
 * them for another replica's: nothing decided twice. Both collections have a TTL index on their
 * time field (real MongoDB deletes a document a window after it was written); the embedded store
 * keeps TTL indexes but does not delete, so {@link #deleteExpired} does it there as well.
 */
@Component
@ConditionalOnProperty(name = "newsroom.rankings.ingest.shared-store", havingValue = "mongodb")
public class SharedViewStore implements SharedViews {

	public static final String VIEWS = "recent_views";

	public static final String ADDRESSES = "recent_addresses";

	private static final int DUPLICATE_KEY = 11000;

	private final MongoTemplate mongo;
	private final long windowMillis;
	private final int limit;

	public SharedViewStore(MongoTemplate mongo, RankingProperties properties) {
		this.mongo = mongo;
		this.windowMillis = properties.ingest().dedupeWindow().toMillis();
		this.limit = properties.ingest().perAddressLimit();
	}

	private MongoCollection<Document> views() {
		return mongo.getCollection(VIEWS);
	}

	private MongoCollection<Document> addresses() {
		return mongo.getCollection(ADDRESSES);
	}

	@Override
	public int limit() {
		return limit;
	}

	@Override
	public void ensureIndexes() {
		views().createIndex(Indexes.ascending("at"),
				new IndexOptions().name("at_ttl").expireAfter(windowMillis / 1000, TimeUnit.SECONDS));
		addresses().createIndex(Indexes.ascending("start"),
				new IndexOptions().name("start_ttl").expireAfter(windowMillis / 1000, TimeUnit.SECONDS));
	}

	/** Deletes what no decision reads any more (a window old); what the TTL monitor does on real MongoDB. */
	@Override
	public void deleteExpired(long nowMillis) {
		Date expired = new Date(nowMillis - windowMillis);
		views().deleteMany(Filters.lt("at", expired));
		addresses().deleteMany(Filters.lt("start", expired));
	}

	/**
	 * Which of these distinct fingerprints no replica took within the window before {@code now}.
	 * Most views are a visitor's first: one unordered bulk insert of {@code {_id, at: now, by}}
	 * takes them, and the store tells each one refused with a duplicate key by its place. Those
	 * few are read and settled one by one ({@link #settleSeen}). (An insert, not a conditional
	 * upsert, because it is what the embedded store finds by {@code _id} alone; on MongoDB both
	 * are one index look-up.)
	 */
	@Override
	public boolean[] firstViews(long[] fingerprints, long nowMillis, String claim) {
		boolean[] first = new boolean[fingerprints.length];
		if (fingerprints.length == 0) {
			return first;
		}
		Date now = new Date(nowMillis);
		List<InsertOneModel<Document>> inserts = new ArrayList<>(fingerprints.length);
		for (long fingerprint : fingerprints) {
			inserts.add(new InsertOneModel<>(new Document("_id", fingerprint).append("at", now).append("by", claim)));
		}
		java.util.Arrays.fill(first, true);
		List<Integer> seen = new ArrayList<>();
		try {
			views().bulkWrite(inserts, new BulkWriteOptions().ordered(false));
		}
		catch (MongoBulkWriteException partial) {
			for (BulkWriteError error : partial.getWriteErrors()) {
				if (error.getCode() != DUPLICATE_KEY) {
					throw partial;
				}
				seen.add(error.getIndex());
			}
		}
		for (int i : seen) {
			first[i] = settleSeen(fingerprints[i], now, claim);
		}
		return first;
	}

	/**
	 * A fingerprint that has a document: the view is the visitor's first when that document is
	 * this round's own (written by an earlier attempt whose answer was lost), or when its window
	 * has passed and this round takes it over (compare-and-set on {@code at} and {@code by});
	 * otherwise another view was taken within the window. A document deleted meanwhile (expired)
	 * is inserted again.
	 */
	private boolean settleSeen(long fingerprint, Date now, String claim) {
		Date windowStart = new Date(now.getTime() - windowMillis);
		while (true) {
			Document taken = views().find(Filters.eq("_id", fingerprint)).first();
			if (taken == null) {
				try {
					views().insertOne(new Document("_id", fingerprint).append("at", now).append("by", claim));
					return true;
				}
				catch (MongoWriteException raced) {
					if (raced.getError().getCode() != DUPLICATE_KEY) {
						throw raced;
					}
					continue;
				}
			}
			if (claim.equals(taken.getString("by"))) {
				return true;
			}
			if (!taken.getDate("at").before(windowStart)) {
				return false;
			}
			Bson unchanged = Filters.and(Filters.eq("_id", fingerprint), Filters.eq("at", taken.getDate("at")),
					Filters.eq("by", taken.getString("by")));
			if (views().updateOne(unchanged, Updates.combine(Updates.set("at", now), Updates.set("by", claim)))
				.getMatchedCount() == 1) {
				return true;
			}
		}
	}

	/**
	 * How many of {@code wanted} first views per address key the limit lets count, decided by
	 * this replica's round {@code round}. The keys already in {@code allowed} were decided by an
	 * earlier attempt of the round and are left alone; every key this call decides is put there
	 * as soon as the store has taken it, so a failure half-way loses no decision.
	 *
	 * <p>First one unordered bulk insert for the common case, an address not seen in the window:
	 * {@code {_id, start: now, n: c, d: {<replica>: {s: round, a: c}}}}. The keys refused with a
	 * duplicate key (a window exists: open, expired, or this round's own) and those with more
	 * views than the limit are settled one by one with a compare-and-set ({@link #settle}).
	 */
	@Override
	public void allow(Map<Long, Integer> wanted, Map<Long, Integer> allowed, long nowMillis, String replica, long round) {
		List<Long> keys = new ArrayList<>();
		List<Long> oneByOne = new ArrayList<>();
		for (Map.Entry<Long, Integer> entry : wanted.entrySet()) {
			if (allowed.containsKey(entry.getKey())) {
				continue;
			}
			(entry.getValue() <= limit ? keys : oneByOne).add(entry.getKey());
		}
		Date now = new Date(nowMillis);
		Date windowStart = new Date(nowMillis - windowMillis);
		if (!keys.isEmpty()) {
			List<InsertOneModel<Document>> inserts = new ArrayList<>(keys.size());
			for (long key : keys) {
				inserts.add(new InsertOneModel<>(window(key, now, wanted.get(key), replica, round)));
			}
			boolean[] failed = new boolean[keys.size()];
			try {
				addresses().bulkWrite(inserts, new BulkWriteOptions().ordered(false));
			}
			catch (MongoBulkWriteException partial) {
				for (BulkWriteError error : partial.getWriteErrors()) {
					failed[error.getIndex()] = true;
				}
				for (BulkWriteError error : partial.getWriteErrors()) {
					if (error.getCode() != DUPLICATE_KEY) {
						keep(keys, failed, wanted, allowed);
						throw partial;
					}
				}
			}
			keep(keys, failed, wanted, allowed);
			for (int i = 0; i < keys.size(); i++) {
				if (failed[i]) {
					oneByOne.add(keys.get(i));
				}
			}
		}
		for (long key : oneByOne) {
			allowed.put(key, settle(key, wanted.get(key), now, windowStart, replica, round));
		}
	}

	private static Document window(long key, Date start, int counted, String replica, long round) {
		return new Document("_id", key).append("start", start)
			.append("n", counted)
			.append("d", new Document(replica, decision(round, counted)));
	}

	private static void keep(List<Long> keys, boolean[] failed, Map<Long, Integer> wanted, Map<Long, Integer> allowed) {
		for (int i = 0; i < keys.size(); i++) {
			if (!failed[i]) {
				allowed.put(keys.get(i), wanted.get(keys.get(i)));
			}
		}
	}

	private static Document decision(long round, int allowed) {
		return new Document("s", round).append("a", allowed);
	}

	/**
	 * One key, exactly: read the window, and write the views it allows only if nobody changed it
	 * since (its start and count are its version: the count only grows within a window, and a new
	 * window has a new start); otherwise read again. A window that expired is replaced by one
	 * that starts now.
	 */
	private int settle(long key, int wanted, Date now, Date windowStart, String replica, long round) {
		while (true) {
			Document window = addresses().find(Filters.eq("_id", key)).first();
			Integer earlier = window != null ? decidedBefore(window, replica, round) : null;
			if (earlier != null) {
				return earlier;
			}
			boolean open = window != null && window.getDate("start").after(windowStart);
			if (!open) {
				int allow = Math.min(wanted, limit);
				Document fresh = window(key, now, allow, replica, round);
				if (window == null) {
					try {
						addresses().insertOne(fresh);
						return allow;
					}
					catch (MongoWriteException raced) {
						if (raced.getError().getCode() != DUPLICATE_KEY) {
							throw raced;
						}
						continue;
					}
				}
				if (addresses().replaceOne(version(window), fresh).getMatchedCount() == 1) {
					return allow;
				}
				continue;
			}
			int counted = ((Number) window.get("n")).intValue();
			int allow = Math.max(0, Math.min(wanted, limit - counted));
			Bson update = Updates.combine(Updates.inc("n", allow), Updates.set("d." + replica, decision(round, allow)));
			if (addresses().updateOne(version(window), update).getMatchedCount() == 1) {
				return allow;
			}
		}
	}

	private static Bson version(Document window) {
		return Filters.and(Filters.eq("_id", window.get("_id")), Filters.eq("start", window.getDate("start")),
				Filters.eq("n", window.get("n")));
	}

	/** What this replica's round decided for the window, when an earlier attempt got that far; else null. */
	private static Integer decidedBefore(Document window, String replica, long round) {
		Document decisions = window.get("d", Document.class);
		Document mine = decisions != null ? decisions.get(replica, Document.class) : null;
		if (mine != null && ((Number) mine.get("s")).longValue() == round) {
			return ((Number) mine.get("a")).intValue();
		}
		return null;
	}
}
