package org.newsroom.ranking.counting;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.platform.test.TestMongo;
import org.newsroom.ranking.config.RankingProperties;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared dedupe memory and per-address counts, against the wire-protocol MongoDB server:
 * duplicates are told per update of an unordered bulk, windows expire, and a round sent again
 * finds its own writes.
 */
class SharedViewStoreTest {

	static final Duration WINDOW = Duration.ofMinutes(30);

	static final long T0 = 1_750_000_000_000L;

	MongoClient client;
	MongoTemplate mongo;

	@BeforeEach
	void connect() {
		client = MongoClients.create(TestMongo.uri());
		mongo = new MongoTemplate(client, "shared-" + UUID.randomUUID().toString().substring(0, 8));
	}

	@AfterEach
	void disconnect() {
		client.close();
	}

	static SharedViewStore store(MongoTemplate mongo, int limit) {
		return new SharedViewStore(mongo, new RankingProperties(List.of(),
				new RankingProperties.Ingest("", List.of(), WINDOW, 1000, limit, List.of(), 10, Duration.ofMinutes(1),
						Duration.ofDays(30), 64, true,
						RankingProperties.SharedStore.MONGODB),
				null, null, null));
	}

	@Test
	void aBulkTellsEachDuplicateByItsPlaceWithinTheWindow() {
		SharedViewStore store = store(mongo, 30);
		assertThat(store.firstViews(new long[] { 1, 2, 3 }, T0, "r1:1")).containsExactly(true, true, true);

		assertThat(store.firstViews(new long[] { 2, 4, 1, 5 }, T0 + 1000, "r2:1")).containsExactly(false, true, false,
				true);
		assertThat(store.firstViews(new long[] { 3 }, T0 + WINDOW.toMillis() - 1, "r2:2")).containsExactly(false);
	}

	@Test
	void theEmbeddedStoresFileBackendTellsDuplicatesToo() {
		MongoServer server = new MongoServer(H2Backend.inMemory());
		server.bind("127.0.0.1", 0);
		try (MongoClient h2 = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
			SharedViewStore store = store(new MongoTemplate(h2, "shared"), 30);
			store.firstViews(new long[] { 7, 8 }, T0, "r1:1");

			assertThat(store.firstViews(new long[] { 9, 8, 7, 10 }, T0 + 1, "r2:1")).containsExactly(true, false,
					false, true);
			Map<Long, Integer> allowed = new HashMap<>();
			store.allow(Map.of(1L, 20, 2L, 40), allowed, T0, "r1", 1);
			Map<Long, Integer> more = new HashMap<>();
			store.allow(Map.of(1L, 20), more, T0 + 1, "r2", 1);
			assertThat(allowed).containsExactlyInAnyOrderEntriesOf(Map.of(1L, 20, 2L, 30));
			assertThat(more).containsExactlyInAnyOrderEntriesOf(Map.of(1L, 10));
		}
		finally {
			server.shutdownNow();
		}
	}

	@Test
	void aViewAfterTheWindowCountsAgain() {
		SharedViewStore store = store(mongo, 30);
		store.firstViews(new long[] { 1 }, T0, "r1:1");

		assertThat(store.firstViews(new long[] { 1 }, T0 + WINDOW.toMillis() + 1, "r2:1")).containsExactly(true);
		assertThat(store.firstViews(new long[] { 1 }, T0 + WINDOW.toMillis() + 2, "r1:2")).containsExactly(false);
	}

	@Test
	void aRoundSentAgainFindsTheViewsItTookAndNoOthers() {
		SharedViewStore store = store(mongo, 30);
		store.firstViews(new long[] { 5 }, T0, "r2:7");
		// round 1 of r1 reached the store, its answer did not
		store.firstViews(new long[] { 1, 2 }, T0 + 10, "r1:1");

		assertThat(store.firstViews(new long[] { 1, 2, 5, 6 }, T0 + 10, "r1:1")).containsExactly(true, true, false,
				true);
	}

	@Test
	void addressesAcrossReplicasStopAtTheLimitExactly() {
		SharedViewStore store = store(mongo, 30);
		Map<Long, Integer> one = new HashMap<>();
		Map<Long, Integer> two = new HashMap<>();
		Map<Long, Integer> three = new HashMap<>();

		store.allow(Map.of(1L, 20, 2L, 45), one, T0, "r1", 1);
		store.allow(Map.of(1L, 20, 2L, 1), two, T0 + 10, "r2", 1);
		store.allow(Map.of(1L, 1), three, T0 + 20, "r1", 2);

		assertThat(one).containsExactlyInAnyOrderEntriesOf(Map.of(1L, 20, 2L, 30));
		assertThat(two).containsExactlyInAnyOrderEntriesOf(Map.of(1L, 10, 2L, 0));
		assertThat(three).containsExactlyInAnyOrderEntriesOf(Map.of(1L, 0));
		assertThat(counted(1L)).isEqualTo(30);
	}

	@Test
	void anAddressWhoseWindowExpiredStartsAFreshOne() {
		SharedViewStore store = store(mongo, 30);
		store.allow(Map.of(1L, 30), new HashMap<>(), T0, "r1", 1);
		Map<Long, Integer> later = new HashMap<>();

		store.allow(Map.of(1L, 12), later, T0 + WINDOW.toMillis() + 1, "r2", 1);

		assertThat(later).containsEntry(1L, 12);
		assertThat(counted(1L)).isEqualTo(12);
	}

	@Test
	void aLimitRoundSentAgainIsNotCountedTwice() {
		SharedViewStore store = store(mongo, 30);
		// round 1 of r1 reached the store, its answer did not
		store.allow(Map.of(1L, 20, 2L, 35), new HashMap<>(), T0, "r1", 1);
		Map<Long, Integer> again = new HashMap<>();

		store.allow(Map.of(1L, 20, 2L, 35), again, T0, "r1", 1);

		assertThat(again).containsExactlyInAnyOrderEntriesOf(Map.of(1L, 20, 2L, 30));
		assertThat(counted(1L)).isEqualTo(20);
		assertThat(counted(2L)).isEqualTo(30);
	}

	@Test
	void expiredDocumentsAreDeleted() {
		SharedViewStore store = store(mongo, 30);
		store.firstViews(new long[] { 1 }, T0, "r1:1");
		store.allow(Map.of(1L, 3), new HashMap<>(), T0, "r1", 1);
		store.firstViews(new long[] { 2 }, T0 + 60_000, "r1:2");

		store.deleteExpired(T0 + WINDOW.toMillis() + 1);

		assertThat(mongo.getCollection(SharedViewStore.VIEWS).countDocuments()).isEqualTo(1);
		assertThat(mongo.getCollection(SharedViewStore.ADDRESSES).countDocuments()).isZero();
	}

	private int counted(long key) {
		Document window = mongo.getCollection(SharedViewStore.ADDRESSES).find(Filters.eq("_id", key)).first();
		return ((Number) window.get("n")).intValue();
	}
}
