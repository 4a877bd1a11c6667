package org.newsroom.gateway.edge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.platform.test.RedisServer;

import static org.newsroom.gateway.NewsroomFixtures.SLUG;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path's answers again with the rate limits in a real Redis: a client whose lease is
 * spent is handed on to the usual path, which asks the store, so the budget and the refusals are
 * the same; and a cached page is still served (never a 5xx) while the store is down.
 */
class FastPagesSharedLimitsTest extends FastPagesTest {

	private static final RedisServer redis = RedisServer.started();

	@DynamicPropertySource
	static void sharedStore(DynamicPropertyRegistry registry) {
		registerSharedLimits(registry, redis);
	}

	@Test
	void cachedPagesAreServedAndLimitedWhileTheStoreIsDownAndAfterItIsBack() throws IOException {
		redis.stop();
		try {
			List<String> statuses = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				statuses.add(exchange(request("GET", "/news/" + SLUG, "X-Forwarded-For: 203.0.113.61")).get(0).substring(9, 12));
			}
			// this replica's own bucket of 5 (the lease the store gave before is gone with the store)
			assertThat(statuses).doesNotContain("500", "502", "503", "504").endsWith("429", "429");
			assertThat(statuses.stream().filter("200"::equals).count()).isBetween(5L, 6L);
		}
		finally {
			redis.start();
		}
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(exchange(request("GET", "/news/" + SLUG, "X-Forwarded-For: 203.0.113.62")).get(0)).startsWith("HTTP/1.1 200 ");
			assertThat(redis.command("EXISTS newsroom:edge:general:{addr:203.0.113.62}")).isEqualTo(":1");
		});
	}
}
