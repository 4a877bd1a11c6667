package org.newsroom.ranking.counting;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes flush batches into hourly buckets so that a batch counts exactly once, however often
 * it is sent, without transactions and with several replicas writing the same buckets.
 *
 * <p>Each bucket remembers, per replica, the sequence number of the last batch it took
 * ({@code applied.<replica>}). A replica writes its batches one after another and retries a
 * batch until every bucket has taken it, so "this bucket took batch n" is exactly
 * "{@code applied.<replica> >= n}". Each bucket update is one atomic single-document update:
 *
 * <pre>
 * filter: { _id, articleId, applied.&lt;replica&gt;: { $not: { $gte: n } } }
 * update: { $inc: { views }, $set: { applied.&lt;replica&gt;: n }, $setOnInsert: { section, hour } }, upsert
 * </pre>
 *
 * When the bucket already took the batch, the filter matches nothing and the upsert tries to
 * insert a second document with the same {@code _id}: MongoDB refuses it (duplicate key, 11000).
 * The same error comes when another replica created the bucket a moment earlier. Both cases are
 * settled by sending the same update without upsert: it applies when the batch was not yet
 * taken (the other replica's document now exists) and matches nothing when it was. A write
 * whose answer was lost (connection cut after MongoDB applied it) is simply sent again and
 * lands in the first case. Buckets are only deleted by the TTL index, 35 days after their hour,
 * later than any view ranking-service accepts (30 days), so a bucket that existed still does.
 *
 * <p>{@code articleId} is in every filter so the collection can be sharded by article.
 */
@Component
public class BucketStore {

	private static final int DUPLICATE_KEY = 11000;

	private final MongoTemplate mongo;
	private final String appliedField;

	public BucketStore(MongoTemplate mongo, Replica replica) {
		this.mongo = mongo;
		this.appliedField = HourlyBuckets.APPLIED + "." + replica.id();
	}

	private MongoCollection<Document> buckets() {
		return mongo.getCollection(HourlyBuckets.COLLECTION);
	}

	/**
	 * The index the window queries use, which is also the TTL index that deletes a bucket 35
	 * days after its hour. (The embedded store, mongo-java-server, keeps the index but does not
	 * delete expired documents; real MongoDB does.)
	 */
	public void ensureIndexes() {
		buckets().createIndex(Indexes.ascending(HourlyBuckets.HOUR), new IndexOptions().name(HourlyBuckets.TTL_INDEX)
			.expireAfter(HourlyBuckets.RETENTION.toSeconds(), TimeUnit.SECONDS));
	}

	/**
	 * Applies the buckets of the batch not yet known to be applied, and forgets those that are.
	 * Throws when the store cannot be reached; what was applied before the failure stays
	 * recorded in the batch either way, and sending the rest again is safe.
	 */
	void apply(FlushBatch batch) {
		List<BucketKey> keys = new ArrayList<>(batch.remaining().keySet());
		if (keys.isEmpty()) {
			return;
		}
		List<UpdateOneModel<Document>> upserts = new ArrayList<>(keys.size());
		for (BucketKey key : keys) {
			upserts.add(new UpdateOneModel<>(filter(key, batch.sequence()),
					update(key, batch.remaining().get(key), batch.sequence()), new UpdateOptions().upsert(true)));
		}
		List<BucketKey> alreadyThere = new ArrayList<>();
		try {
			buckets().bulkWrite(upserts, new BulkWriteOptions().ordered(false));
			keys.forEach(batch::applied);
		}
		catch (MongoBulkWriteException partial) {
			// unordered: every update without an error was applied
			boolean[] failed = new boolean[keys.size()];
			for (BulkWriteError error : partial.getWriteErrors()) {
				failed[error.getIndex()] = true;
				if (error.getCode() == DUPLICATE_KEY) {
					alreadyThere.add(keys.get(error.getIndex()));
				}
			}
			for (int i = 0; i < keys.size(); i++) {
				if (!failed[i]) {
					batch.applied(keys.get(i));
				}
			}
			if (alreadyThere.isEmpty()) {
				throw partial;
			}
		}
		if (!alreadyThere.isEmpty()) {
			applyToExisting(batch, alreadyThere);
		}
	}

	/** The duplicate-key case: the bucket exists, so an update without upsert is exact. */
	private void applyToExisting(FlushBatch batch, List<BucketKey> keys) {
		List<UpdateOneModel<Document>> updates = new ArrayList<>(keys.size());
		for (BucketKey key : keys) {
			updates.add(new UpdateOneModel<>(filter(key, batch.sequence()),
					update(key, batch.remaining().get(key), batch.sequence())));
		}
		// matched 0: the bucket had taken this batch already; matched 1: it took it now
		buckets().bulkWrite(updates, new BulkWriteOptions().ordered(false));
		keys.forEach(batch::applied);
	}

	private Bson filter(BucketKey key, long sequence) {
		return Filters.and(Filters.eq("_id", key.documentId()), Filters.eq(HourlyBuckets.ARTICLE_ID, key.articleId()),
				Filters.not(Filters.gte(appliedField, sequence)));
	}

	private Bson update(BucketKey key, long views, long sequence) {
		return Updates.combine(Updates.inc(HourlyBuckets.VIEWS, views), Updates.set(appliedField, sequence),
				Updates.setOnInsert(HourlyBuckets.SECTION, key.section()),
				Updates.setOnInsert(HourlyBuckets.HOUR, Date.from(BucketKey.startOf(key.hour()))));
	}
}
