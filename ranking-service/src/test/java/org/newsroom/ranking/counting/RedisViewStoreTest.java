package org.newsroom.ranking.counting;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.platform.test.RedisServer;
import org.newsroom.ranking.config.RankingProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The shared dedupe memory and per-address counts in a real Redis: first views per key, limits
 * exact across replicas, windows that expire, rounds sent again that get their first answer, and
 * Redis down or restarted between rounds.
 */
class RedisViewStoreTest {

	static final Duration WINDOW = Duration.ofMinutes(30);

	static final long T0 = 1_750_000_000_000L;

	static RedisServer redis;

	RedisViewStore store;

	@BeforeAll
	static void startRedis() {
		redis = RedisServer.started();
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@BeforeEach
	void emptyRedis() {
		if (redis.command("PING").equals("+PONG")) {
			redis.command("FLUSHALL");
		}
	}

	@AfterEach
	void closeStore() {
		if (store != null) {
			store.close();
		}
	}

	static RedisViewStore store(Duration window, int limit) {
		return new RedisViewStore(redis.url(), new RankingProperties(List.of(),
				new RankingProperties.Ingest("", List.of(), window, 1000, limit, List.of(), 10, Duration.ofMinutes(1),
						Duration.ofDays(30), 64, true, RankingProperties.SharedStore.REDIS),
				new RankingProperties.Counting(Duration.ofSeconds(1), 10, 10, 10, 10, Duration.ofSeconds(2),
						Duration.ofSeconds(2), Duration.ofSeconds(1)),
				null, null));
	}

	@Test
	void aViewIsFirstOnlyForTheReplicaThatTookItWithinTheWindow() {
		store = store(WINDOW, 30);
		RedisViewStore other = store(WINDOW, 30);
		try {
			assertThat(store.firstViews(new long[] { 1, 2, 3 }, T0, "r1:1")).containsExactly(true, true, true);

			assertThat(other.firstViews(new long[] { 2, 4, 1, -5 }, T0 + 1000, "r2:1")).containsExactly(false, true,
					false, true);
			assertThat(store.firstViews(new long[] { 4, -5, 6 }, T0 + 2000, "r1:2")).containsExactly(false, false, true);
		}
		finally {
			other.close();
		}
		// the window runs from the first view
		long ttl = Long.parseLong(redis.command("PTTL " + RedisViewStore.SEEN + "1").substring(1));
		assertThat(ttl).isBetween(WINDOW.toMillis() - 60_000, WINDOW.toMillis());
	}

	@Test
	void aRoundSentAgainFindsTheViewsItTookAndNoOthers() {
		store = store(WINDOW, 30);
		store.firstViews(new long[] { 5 }, T0, "r2:7");
		// round 1 of r1 reached Redis, its answer did not
		store.firstViews(new long[] { 1, 2 }, T0 + 10, "r1:1");

		assertThat(store.firstViews(new long[] { 1, 2, 5, 6 }, T0 + 10, "r1:1")).containsExactly(true, true, false,
				true);
		assertThat(store.firstViews(new long[] { 1, 2, 6 }, T0 + 20, "r1:2")).containsExactly(false, false, false);
	}

	@Test
	void roundsLargerThanOneScriptCallAreDecidedWhole() {
		store = store(WINDOW, 30);
		int n = RedisViewStore.PER_CALL * 2 + 17;
		long[] fingerprints = new long[n];
		for (int i = 0; i < n; i++) {
			fingerprints[i] = i;
		}
		store.firstViews(new long[] { 3, RedisViewStore.PER_CALL + 3 }, T0, "r2:1");

		boolean[] first = store.firstViews(fingerprints, T0, "r1:1");

		for (int i = 0; i < n; i++) {
			assertThat(first[i]).as("fingerprint %d", i).isEqualTo(i != 3 && i != RedisViewStore.PER_CALL + 3);
		}
		Map<Long, Integer> wanted = new HashMap<>();
		for (long key = 0; key < n; key++) {
			wanted.put(key, 2);
		}
		Map<Long, Integer> allowed = new HashMap<>();
		store.allow(wanted, allowed, T0, "r1", 1);
		assertThat(allowed).hasSize(n).allSatisfy((key, views) -> assertThat(views).isEqualTo(2));
	}

	@Test
	void addressesAcrossReplicasStopAtTheLimitExactly() {
		store = store(WINDOW, 30);
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
		assertThat(counted(2L)).isEqualTo(30);
	}

	@Test
	void aLimitRoundSentAgainGetsItsFirstAnswerAndIsNotCountedTwice() {
		store = store(WINDOW, 30);
		// round 1 of r1 reached Redis, its answer did not; meanwhile r2 took the rest of address 1
		store.allow(Map.of(1L, 20, 2L, 35), new HashMap<>(), T0, "r1", 1);
		store.allow(Map.of(1L, 10), new HashMap<>(), T0 + 5, "r2", 1);
		Map<Long, Integer> again = new HashMap<>();

		store.allow(Map.of(1L, 20, 2L, 35), again, T0, "r1", 1);

		assertThat(again).containsExactlyInAnyOrderEntriesOf(Map.of(1L, 20, 2L, 30));
		assertThat(counted(1L)).isEqualTo(30);
		assertThat(counted(2L)).isEqualTo(30);
	}

	@Test
	void keysDecidedByAnEarlierAttemptAreLeftAlone() {
		store = store(WINDOW, 30);
		Map<Long, Integer> allowed = new HashMap<>(Map.of(1L, 7));

		store.allow(Map.of(1L, 20, 2L, 5), allowed, T0, "r1", 1);

		assertThat(allowed).containsExactlyInAnyOrderEntriesOf(Map.of(1L, 7, 2L, 5));
		assertThat(redis.command("EXISTS " + RedisViewStore.ADDRESS + "1")).isEqualTo(":0");
	}

	@Test
	void viewsAndAddressesCountAgainOnceTheWindowHasPassed() {
		store = store(Duration.ofMillis(400), 30);
		store.firstViews(new long[] { 1 }, T0, "r1:1");
		store.allow(Map.of(1L, 30), new HashMap<>(), T0, "r1", 1);
		assertThat(store.firstViews(new long[] { 1 }, T0 + 100, "r2:1")).containsExactly(false);

		await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
		Map<Long, Integer> later = new HashMap<>();
		store.allow(Map.of(1L, 12), later, T0 + 600, "r2", 2);

		assertThat(store.firstViews(new long[] { 1 }, T0 + 600, "r2:2")).containsExactly(true);
		assertThat(later).containsEntry(1L, 12);
		assertThat(counted(1L)).isEqualTo(12);
		assertThat(redis.command("EXISTS " + RedisViewStore.ROUND + "r1:1")).isEqualTo(":0");
	}

	@Test
	void aRedisThatIsDownFailsTheCallAndOneThatRestartedEmptyIsUsedAgain() {
		store = store(WINDOW, 30);
		store.firstViews(new long[] { 1 }, T0, "r1:1");

		redis.stop();
		try {
			assertThatThrownBy(() -> store.firstViews(new long[] { 2 }, T0, "r1:2")).isInstanceOf(RuntimeException.class);
			assertThatThrownBy(() -> store.allow(Map.of(1L, 2), new HashMap<>(), T0, "r1", 2))
				.isInstanceOf(RuntimeException.class);
		}
		finally {
			redis.start();
		}

		// the restarted Redis has lost the scripts as well as the keys: they are loaded again
		await().atMost(Duration.ofSeconds(15))
			.ignoreExceptions()
			.until(() -> store.firstViews(new long[] { 2 }, T0, "r1:2")[0]);
		Map<Long, Integer> allowed = new HashMap<>();
		store.allow(Map.of(1L, 2), allowed, T0, "r1", 2);
		assertThat(allowed).containsEntry(1L, 2);
	}

	@Test
	void noConnectionIsMadeBeforeTheFirstDecision() {
		long connections = connectionsReceived();
		store = store(WINDOW, 30);
		assertThat(store.limit()).isEqualTo(30);
		store.deleteExpired(T0);

		assertThat(connectionsReceived()).isEqualTo(connections + 1);
		store.ensureIndexes();
		assertThat(connectionsReceived()).isEqualTo(connections + 3);
	}

	/** Connections Redis accepted, counting the ones this test makes to ask. */
	private static long connectionsReceived() {
		String stats = redis.command("INFO stats");
		java.util.regex.Matcher received = java.util.regex.Pattern.compile("total_connections_received:(\\d+)")
			.matcher(stats);
		assertThat(received.find()).isTrue();
		return Long.parseLong(received.group(1));
	}

	private static int counted(long key) {
		return Integer.parseInt(redis.command("GET " + RedisViewStore.ADDRESS + key));
	}
}
