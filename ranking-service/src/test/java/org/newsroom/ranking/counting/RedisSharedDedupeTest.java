package org.newsroom.ranking.counting;

import java.util.ArrayList;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.platform.test.RedisServer;
import org.newsroom.platform.test.TestMongo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared dedupe in a real Redis ({@link RedisViewStore}), the buckets in one MongoDB; and a
 * service with the shared dedupe off never connects to Redis at all.
 */
class RedisSharedDedupeTest extends SharedDedupeContract {

	static RedisServer redis;

	@BeforeAll
	static void startRedis() {
		redis = RedisServer.started();
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@Override
	int sharedStorePort() {
		return redis.port();
	}

	@Override
	void clearSharedStore() {
		redis.command("FLUSHALL");
	}

	@Override
	Map<String, String> sharedStore(String host, int port) {
		return Map.of("spring.mongodb.uri", TestMongo.uri(), "spring.data.redis.url", "redis://" + host + ":" + port,
				"newsroom.rankings.ingest.shared-store", "redis");
	}

	@Override
	void afterAlternatingVisitors() {
		// the memory is Redis's, not MongoDB's
		assertThat(redis.command("EVAL \"return #redis.call('KEYS', 'rankings:seen:*')\" 0")).isEqualTo(":10");
		assertThat(store.getDatabase(database).listCollectionNames().into(new ArrayList<>()))
			.doesNotContain(SharedViewStore.VIEWS, SharedViewStore.ADDRESSES);
	}

	@Override
	void afterTheOutage() {
		// the five the second replica counted are the only ones its address was charged with
		assertThat(redis.command("EVAL \"local n = 0 for _, k in ipairs(redis.call('KEYS', 'rankings:addr:*')) do n = n + redis.call('GET', k) end return n\" 0"))
			.isEqualTo(":5");
	}

	@Test
	void aServiceWithTheSharedDedupeOffNeverConnectsToRedis() {
		long before = connectionsReceived();
		one = replica(sharedStore("127.0.0.1", redis.port()), "newsroom.rankings.ingest.shared-dedupe=false");
		String article = articles.publish("world");
		view(one, article, "visitor-1", null);
		awaitIdle();

		assertThat(stored(article)).isEqualTo(1);
		one.get().uri("/actuator/health").exchange().expectStatus().isOk();
		assertThat(connectionsReceived()).isEqualTo(before + 1);
	}

	private static long connectionsReceived() {
		Matcher received = Pattern.compile("total_connections_received:(\\d+)").matcher(redis.command("INFO stats"));
		assertThat(received.find()).isTrue();
		return Long.parseLong(received.group(1));
	}
}
