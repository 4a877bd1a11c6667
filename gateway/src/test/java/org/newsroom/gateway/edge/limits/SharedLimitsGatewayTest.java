package org.newsroom.gateway.edge.limits;

import java.time.Duration;

import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.newsroom.gateway.edge.EdgeProperties;
import org.newsroom.platform.test.RedisServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rate-limit behaviour of {@link LimitsTest} again with {@code store=redis} on a real Redis,
 * and what only a shared store does: a budget spent through another replica is spent here too,
 * and this gateway's lock-outs and buckets are where every replica finds them.
 */
// closed after the class, before its Redis stops (at the end of the run)
@DirtiesContext
class SharedLimitsGatewayTest extends LimitsTest {

	private static final RedisServer redis = RedisServer.started();

	@Autowired
	EdgeProperties properties;

	@DynamicPropertySource
	static void sharedStore(DynamicPropertyRegistry registry) {
		registerSharedLimits(registry, redis);
	}

	@Test
	void aBudgetSpentThroughAnotherReplicaIsSpentHereToo() {
		String client = "203.0.113.41";
		try (ClientLimits otherReplica = otherReplica()) {
			for (int i = 0; i < 5; i++) {
				assertThat(otherReplica.takeForAddress(client).block(Duration.ofSeconds(5))).isZero();
			}
		}
		http.get().uri("/api/articles/a").header("X-Forwarded-For", client).exchange()
			.expectStatus().isEqualTo(429)
			.expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Integer.parseInt(v)).isBetween(1, 5));
		http.get().uri("/api/articles/a").header("X-Forwarded-For", "203.0.113.42").exchange().expectStatus().isOk();
	}

	@Test
	void aLockOutEarnedHereIsKeptWhereEveryReplicaFindsIt() {
		String forged = identity.signedByStranger("editor1", "editor");
		String client = "203.0.113.43";
		for (int i = 0; i < 3; i++) {
			http.post().uri("/api/articles").header("X-Forwarded-For", client)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + forged)
				.contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
				.exchange().expectStatus().isUnauthorized();
		}
		assertThat(Long.parseLong(redis.command("PTTL newsroom:edge:lockout:{" + client + "}").substring(1)))
			.isBetween(25_000L, 30_000L);
		try (ClientLimits otherReplica = otherReplica()) {
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2))
				.untilAsserted(() -> assertThat(otherReplica.authPenalty(client)).isPositive());
		}
	}

	private ClientLimits otherReplica() {
		var settings = properties.rateLimits();
		return new ClientLimits(settings, new SharedStore(RedisURI.create(redis.url()), settings, new SimpleMeterRegistry()));
	}
}
