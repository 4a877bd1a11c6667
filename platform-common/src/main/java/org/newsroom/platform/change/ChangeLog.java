package org.newsroom.platform.change;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The {@value #COLLECTION} collection of a service's database: what changed for readers, kept
 * for {@value #KEPT_MINUTES} minutes. A change is recorded before the write it announces, so no
 * write can happen without its change being recorded; a follower may therefore see a change a
 * moment before the write lands, which is why followers apply each change twice
 * ({@link ChangeFollower}). The time is set by the database ({@code $currentDate}), so changes
 * recorded by several replicas are ordered by one clock.
 *
 * <p>Works the same on MongoDB and on the embedded store (which has no change streams); old
 * changes are removed by a TTL index on MongoDB and by this class on both.
 */
public class ChangeLog {

	public static final String COLLECTION = "changes";

	static final int KEPT_MINUTES = 60;

	/** Most changes one read returns; a follower that gets this many forgets everything it holds. */
	public static final int MAX_READ = 1000;

	private static final long PRUNE_EVERY_MILLIS = TimeUnit.MINUTES.toMillis(1);

	private final MongoTemplate mongo;
	private final Clock clock;
	private final AtomicLong lastPrune = new AtomicLong();

	public ChangeLog(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
		mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.ASC)
			.expire(Duration.ofMinutes(KEPT_MINUTES)).named("changes_at_ttl"));
	}

	/** Records a change of an article or photo (before the write it announces). */
	public void record(String kind, String subject, Collection<String> slugs, boolean visible) {
		List<String> distinct = new ArrayList<>(new LinkedHashSet<>(slugs));
		distinct.removeIf(slug -> slug == null);
		ObjectId id = new ObjectId();
		mongo.upsert(Query.query(Criteria.where("_id").is(id)),
				new Update().currentDate("at").set("kind", kind).set("subject", subject).set("slugs", distinct)
					.set("visible", visible),
				COLLECTION);
		pruneNowAndThen();
	}

	/** Changes recorded after {@code after} (all kept ones when null), oldest first. */
	public Changes read(Instant after) {
		List<Change> changes = since(after);
		return new Changes(changes, changes.size() < MAX_READ);
	}

	/**
	 * Changes recorded after {@code after} (all kept ones when null), oldest first, at most
	 * {@value #MAX_READ}.
	 */
	public List<Change> since(Instant after) {
		Query query = after == null ? new Query() : Query.query(Criteria.where("at").gt(after));
		query.with(Sort.by("at", "_id")).limit(MAX_READ);
		List<Change> changes = new ArrayList<>();
		for (Document document : mongo.find(query, Document.class, COLLECTION)) {
			changes.add(new Change(document.getObjectId("_id").toHexString(), document.getDate("at").toInstant(),
					document.getString("kind"), document.getString("subject"), document.getList("slugs", String.class),
					Boolean.TRUE.equals(document.getBoolean("visible"))));
		}
		return changes;
	}

	/** The embedded store has no TTL indexes: old changes are removed here, once a minute at most. */
	private void pruneNowAndThen() {
		long now = clock.millis();
		long last = lastPrune.get();
		if (now - last < PRUNE_EVERY_MILLIS || !lastPrune.compareAndSet(last, now)) {
			return;
		}
		mongo.remove(Query.query(Criteria.where("at").lt(clock.instant().minus(Duration.ofMinutes(KEPT_MINUTES)))),
				COLLECTION);
	}
}
