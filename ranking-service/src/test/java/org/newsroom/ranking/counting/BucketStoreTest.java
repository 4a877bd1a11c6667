package org.newsroom.ranking.counting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.platform.test.TestMongo;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The exactly-once write of flush batches, against the wire-protocol MongoDB server. */
class BucketStoreTest {

	static final String ARTICLE = "65a1b2c3d4e5f60718293a4b";

	static final long HOUR = BucketKey.hourOf(Instant.parse("2025-05-01T09:00:00Z").toEpochMilli());

	MongoClient client;
	MongoTemplate mongo;

	@BeforeEach
	void connect() {
		client = MongoClients.create(TestMongo.uri());
		mongo = new MongoTemplate(client, "buckets-" + UUID.randomUUID().toString().substring(0, 8));
	}

	@AfterEach
	void disconnect() {
		client.close();
	}

	@Test
	void aBatchSentAgainAfterItWasAppliedCountsOnce() {
		BucketStore store = new BucketStore(mongo, new Replica("r1"));
		Map<BucketKey, long[]> counts = counts(bucket(ARTICLE, "world", HOUR), 5, bucket(ARTICLE, "world", HOUR + 1), 2);

		store.apply(new FlushBatch(1, counts));
		// the answer was lost, so the flusher sends the very same batch again
		FlushBatch again = new FlushBatch(1, counts);
		store.apply(again);

		assertThat(again.done()).isTrue();
		assertThat(storedViews()).containsExactlyInAnyOrderEntriesOf(
				Map.of(bucket(ARTICLE, "world", HOUR).documentId(), 5L, bucket(ARTICLE, "world", HOUR + 1).documentId(), 2L));
	}

	@Test
	void aBatchCutOffHalfwayIsCompletedExactlyWhenRetried() {
		BucketStore store = new BucketStore(mongo, new Replica("r1"));
		BucketKey a = bucket(ARTICLE, "world", HOUR);
		BucketKey b = bucket("65a1b2c3d4e5f60718293a4c", "sports", HOUR);
		BucketKey c = bucket("65a1b2c3d4e5f60718293a4d", "tech", HOUR);
		store.apply(new FlushBatch(1, counts(a, 1, b, 1, c, 1)));
		// batch 2 reached only a and b before the connection broke
		store.apply(new FlushBatch(2, counts(a, 10, b, 20)));

		store.apply(new FlushBatch(2, counts(a, 10, b, 20, c, 30)));

		assertThat(storedViews()).containsExactlyInAnyOrderEntriesOf(
				Map.of(a.documentId(), 11L, b.documentId(), 21L, c.documentId(), 31L));
	}

	@Test
	void theBatchAfterARetriedOneCountsInFull() {
		BucketStore store = new BucketStore(mongo, new Replica("r1"));
		BucketKey a = bucket(ARTICLE, "world", HOUR);
		store.apply(new FlushBatch(1, counts(a, 3)));
		store.apply(new FlushBatch(1, counts(a, 3)));

		store.apply(new FlushBatch(2, counts(a, 4)));

		assertThat(storedViews()).containsEntry(a.documentId(), 7L);
	}

	@Test
	void replicasWritingTheSameBucketsAddUpWhateverTheirSequenceNumbers() {
		BucketStore one = new BucketStore(mongo, new Replica("r1"));
		BucketStore two = new BucketStore(mongo, new Replica("r2"));
		BucketKey a = bucket(ARTICLE, "world", HOUR);

		one.apply(new FlushBatch(1, counts(a, 3)));
		two.apply(new FlushBatch(1, counts(a, 4)));
		two.apply(new FlushBatch(1, counts(a, 4)));
		one.apply(new FlushBatch(2, counts(a, 5)));

		assertThat(storedViews()).containsEntry(a.documentId(), 12L);
	}

	@Test
	void replicasCreatingTheSameNewBucketsAtOnceLoseNothing() throws Exception {
		int buckets = 200;
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> writes = new ArrayList<>();
			for (int r = 0; r < 4; r++) {
				BucketStore store = new BucketStore(mongo, new Replica("r" + r));
				writes.add(pool.submit(() -> {
					for (int seq = 1; seq <= 5; seq++) {
						Map<BucketKey, long[]> counts = new HashMap<>();
						for (int i = 0; i < buckets; i++) {
							counts.put(bucket(ARTICLE, "world", HOUR + i), new long[] { 1 });
						}
						FlushBatch batch = new FlushBatch(seq, counts);
						store.apply(batch);
						assertThat(batch.done()).isTrue();
					}
				}));
			}
			for (Future<?> write : writes) {
				write.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(storedViews()).hasSize(buckets).allSatisfy((id, views) -> assertThat(views).isEqualTo(20L));
	}

	@Test
	void bucketsCarryArticleSectionAndHourAndExpireThirtyFiveDaysAfterTheirHour() {
		BucketStore store = new BucketStore(mongo, new Replica("r1"));
		store.ensureIndexes();
		store.apply(new FlushBatch(1, counts(bucket(ARTICLE, "world", HOUR), 1)));

		Document bucket = mongo.getCollection(HourlyBuckets.COLLECTION).find().first();
		assertThat(bucket.getString("_id")).isEqualTo(ARTICLE + ":2025050109:world");
		assertThat(bucket.getString("articleId")).isEqualTo(ARTICLE);
		assertThat(bucket.getString("section")).isEqualTo("world");
		assertThat(bucket.getDate("hour").toInstant()).isEqualTo(Instant.parse("2025-05-01T09:00:00Z"));
		Document ttl = null;
		for (Document index : mongo.getCollection(HourlyBuckets.COLLECTION).listIndexes()) {
			if (HourlyBuckets.TTL_INDEX.equals(index.getString("name"))) {
				ttl = index;
			}
		}
		assertThat(ttl).isNotNull();
		assertThat(ttl.get("key", Document.class)).isEqualTo(new Document("hour", 1));
		assertThat(((Number) ttl.get("expireAfterSeconds")).longValue()).isEqualTo(35L * 24 * 3600);
	}

	private Map<String, Long> storedViews() {
		Map<String, Long> views = new HashMap<>();
		for (Document doc : mongo.getCollection(HourlyBuckets.COLLECTION).find()) {
			views.put(doc.getString("_id"), ((Number) doc.get("views")).longValue());
		}
		return views;
	}

	static BucketKey bucket(String articleId, String section, long hour) {
		return new BucketKey(articleId, section, hour);
	}

	static Map<BucketKey, long[]> counts(Object... keysAndCounts) {
		Map<BucketKey, long[]> counts = new HashMap<>();
		for (int i = 0; i < keysAndCounts.length; i += 2) {
			counts.put((BucketKey) keysAndCounts[i], new long[] { ((Number) keysAndCounts[i + 1]).longValue() });
		}
		return counts;
	}
}
