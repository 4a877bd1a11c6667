package org.newsroom.gateway.edge.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.gateway.edge.EdgeProperties;
import org.newsroom.platform.test.RedisServer;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway replicas (two ClientLimits) on one real Redis: a client's budget is the
 * deployment's, not each replica's; a lock-out earned on one holds on the other; when Redis
 * stops each replica limits alone without an error, and when it is back they share again.
 */
class SharedLimitsTest {

	private static final RedisServer redis = RedisServer.started();

	private static final AtomicInteger clients = new AtomicInteger(10);

	/**
	 * 40 requests, hardly any coming back during a test: leases of 2 tokens. The store may take
	 * 2 s to answer: on a busy test machine a shorter wait would make the replicas decide alone.
	 */
	private static final EdgeProperties.RateLimits SETTINGS = new EdgeProperties.RateLimits(true,
			new EdgeProperties.Bucket(40, 0.01), 4, 0.01, 3, Duration.ofSeconds(30), 1000, 64,
			EdgeProperties.Store.REDIS, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(200));

	private final List<ClientLimits> replicas = new ArrayList<>();
	private final List<MeterRegistry> registries = new ArrayList<>();
	private String client;

	@BeforeEach
	void aNewClient() {
		client = "198.51.100." + clients.incrementAndGet();
	}

	@AfterEach
	void closeReplicas() {
		replicas.forEach(ClientLimits::close);
	}

	@AfterAll
	static void stopRedis() {
		redis.stop();
	}

	@Test
	void aClientsBudgetIsNotDoubledByTwoReplicas() {
		ClientLimits one = replica();
		ClientLimits two = replica();
		int allowed = 0;
		for (int i = 0; i < 100; i++) {
			if (take(i % 2 == 0 ? one : two, client).isZero()) {
				allowed++;
			}
		}
		// at most the budget; at worst a lease (2 tokens) per replica short of it
		assertThat(allowed).isBetween(36, 40);
		assertThat(take(one, "198.51.100.250")).isZero();
		assertThat(redis.command("EXISTS newsroom:edge:general:{addr:" + client + "}")).isEqualTo(":1");
	}

	@Test
	void mostRequestsAreDecidedFromTheLeaseWithoutTheStore() throws InterruptedException {
		ClientLimits one = replica();
		assertThat(one.takeForAddressHere(client)).as("nothing leased yet: only the store can tell").isNull();
		assertThat(take(one, client)).isZero();
		// the lease of two: one token went to the request that asked; the rest, and each next lease
		// (asked for as the last token goes), are spent here
		long before = redis.calls("evalsha");
		for (int i = 0; i < 12; i++) {
			Thread.sleep(50);
			assertThat(one.takeForAddressHere(client)).as("request %d", i).isZero();
		}
		assertThat(redis.calls("evalsha") - before).isBetween(5L, 7L);
	}

	@Test
	void aLeaseAskedForAheadIsNotTakenTwice() throws InterruptedException {
		ClientLimits one = replica();
		ClientLimits two = replica();
		int allowed = 0;
		for (int i = 0; i < 100; i++) {
			ClientLimits replica = i % 2 == 0 ? one : two;
			Duration here = replica.takeForAddressHere(client);
			if ((here != null ? here : take(replica, client)).isZero()) {
				allowed++;
			}
			Thread.sleep(2);
		}
		assertThat(allowed).isBetween(32, 40);
	}

	@Test
	void aRefusalIsRememberedHereSoARefusedClientCostsTheStoreNothing() {
		ClientLimits one = replica();
		while (take(one, client).isZero()) {
			// spend the budget
		}
		assertThat(one.takeForAddressHere(client)).isPositive();
	}

	@Test
	void theViewBeaconHasItsOwnSharedBudget() {
		ClientLimits one = replica();
		ClientLimits two = replica();
		int allowed = 0;
		for (int i = 0; i < 10; i++) {
			if ((i % 2 == 0 ? one : two).takeBeacon(client).block(Duration.ofSeconds(5)).isZero()) {
				allowed++;
			}
		}
		assertThat(allowed).isEqualTo(4);
		assertThat(take(one, client)).isZero();
	}

	@Test
	void aSignedInClientsBudgetIsSharedToo() {
		ClientLimits one = replica();
		ClientLimits two = replica();
		int allowed = 0;
		for (int i = 0; i < 100; i++) {
			if ((i % 2 == 0 ? one : two).takeForUser("editor-" + client).block(Duration.ofSeconds(5)).isZero()) {
				allowed++;
			}
		}
		assertThat(allowed).isBetween(36, 40);
	}

	@Test
	void aLockOutEarnedOnOneReplicaHoldsOnTheOthersAtOnce() {
		ClientLimits one = replica();
		ClientLimits two = replica();
		String network = "2001:db8:" + Integer.toHexString(clients.get()) + ":401:";
		for (int i = 0; i < 2; i++) {
			one.recordAuthFailure(network + ":" + (i + 1)).block(Duration.ofSeconds(5));
		}
		two.recordAuthFailure(network + ":3").block(Duration.ofSeconds(5));
		assertThat(two.authPenalty(network + "beef::7")).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
		Awaitility.await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(one.authPenalty(network + "beef::8"))
			.isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30)));
		assertThat(one.authPenalty("198.51.100.251")).isZero();
		// a replica that starts later loads the lock-outs in force
		ClientLimits late = replica();
		Awaitility.await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(late.authPenalty(network + "1::1"))
			.isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30)));
	}

	@Test
	void belowTheThresholdNobodyIsLockedOut() {
		ClientLimits one = replica();
		ClientLimits two = replica();
		one.recordAuthFailure(client).block(Duration.ofSeconds(5));
		two.recordAuthFailure(client).block(Duration.ofSeconds(5));
		assertThat(one.authPenalty(client)).isZero();
		assertThat(two.authPenalty(client)).isZero();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void whenRedisStopsEachReplicaLimitsAloneWithoutErrorsAndSharesAgainOnceItIsBack(CapturedOutput output) {
		ClientLimits one = replica();
		ClientLimits two = replica();
		MeterRegistry metrics = registries.get(0);
		assertThat(take(one, client)).isZero();
		redis.stop();
		try {
			// still protective: the token still leased, then this replica's own bucket of 40, answered
			// without waiting for a timeout each time
			int allowed = 0;
			long started = System.nanoTime();
			for (int i = 0; i < 60; i++) {
				if (take(one, client).isZero()) {
					allowed++;
				}
			}
			assertThat(allowed).isEqualTo(41);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
			assertThat(one.takeForAddressHere(client)).as("decided here while the store is away").isPositive();
			one.recordAuthFailure(client).block(Duration.ofSeconds(5));
			assertThat(metrics.get("gateway.rate.limits.shared").gauge().value()).isZero();
			assertThat(metrics.get("gateway.rate.limits.store.outages").counter().count()).isEqualTo(1);
			assertThat(metrics.get("gateway.rate.limits.local.decisions").counter().count()).isGreaterThanOrEqualTo(59);
			// one WARN per replica that noticed: this one, and perhaps the other through its lock-out
			// subscription, which the stop cut too
			assertThat(output.getOut().split("shared store at 127\\.0\\.0\\.1:\\d+ does not answer", -1)).hasSizeBetween(2, 3);
			assertThat(registries.get(1).get("gateway.rate.limits.store.outages").counter().count()).isLessThanOrEqualTo(1);
		}
		finally {
			redis.start();
		}
		// back: shared again (an empty store, as a restarted one without persistence is)
		String next = "198.51.100." + clients.incrementAndGet();
		Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			take(one, "198.51.100.252");
			assertThat(metrics.get("gateway.rate.limits.shared").gauge().value()).isEqualTo(1);
		});
		Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			take(two, "198.51.100.253");
			assertThat(registries.get(1).get("gateway.rate.limits.shared").gauge().value()).isEqualTo(1);
		});
		int allowed = 0;
		for (int i = 0; i < 100; i++) {
			if (take(i % 2 == 0 ? one : two, next).isZero()) {
				allowed++;
			}
		}
		assertThat(allowed).isBetween(36, 40);
		assertThat(output.getOut()).contains("answers again: limits hold for all replicas");
		// and the lock-out announcements reach the other replica again
		for (int i = 0; i < 3; i++) {
			two.recordAuthFailure(next).block(Duration.ofSeconds(5));
		}
		Awaitility.await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(one.authPenalty(next)).isPositive());
	}

	private ClientLimits replica() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		ClientLimits limits = new ClientLimits(SETTINGS, new SharedStore(RedisURI.create(redis.url()), SETTINGS, registry));
		replicas.add(limits);
		registries.add(registry);
		return limits;
	}

	private static Duration take(ClientLimits limits, String client) {
		return limits.takeForAddress(client).block(Duration.ofSeconds(5));
	}
}
