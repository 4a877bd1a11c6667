package org.newsroom.ranking.counting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.platform.test.TestIdentityProvider;
import org.newsroom.platform.test.TestMongo;
import org.newsroom.ranking.ArticleServiceStandIn;
import org.newsroom.ranking.RankingServiceApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of the service sharing their dedupe in one store, as in production behind a
 * Service without affinity: a visitor whose views alternate between them counts once, an
 * address's views across both stop at the limit, a batch sent again to the other replica counts
 * nothing twice, and a store that is unreachable while a replica decides loses and doubles
 * nothing. The second replica reaches the shared store through a TCP proxy that can refuse and
 * cut its connections ({@link FlakyMongoProxy}). Each store's subclass says how the replicas find
 * it ({@link SharedDedupeTest}: MongoDB, {@link RedisSharedDedupeTest}: Redis).
 */
abstract class SharedDedupeContract {

	static TestIdentityProvider identity;

	static ArticleServiceStandIn articles;

	static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0";

	FlakyMongoProxy proxy;
	MongoClient store;
	String database;
	final List<ConfigurableApplicationContext> replicas = new ArrayList<>();
	WebTestClient one;
	WebTestClient two;

	@BeforeAll
	static void startStandIns() {
		identity = new TestIdentityProvider();
		articles = new ArticleServiceStandIn();
	}

	/** The port of the shared store, for the second replica's proxy. */
	abstract int sharedStorePort();

	/** Forgets what an earlier test left in the shared store. */
	void clearSharedStore() {
	}

	/** The settings that point a replica at the shared store at {@code host:port}. */
	abstract Map<String, String> sharedStore(String host, int port);

	/** What else must hold once the alternating visitors were decided. */
	void afterAlternatingVisitors() {
	}

	/** What else must hold once the views held through the outage were decided. */
	void afterTheOutage() {
	}

	@BeforeEach
	void proxy() throws Exception {
		clearSharedStore();
		proxy = new FlakyMongoProxy(sharedStorePort());
		store = MongoClients.create(TestMongo.uri());
		database = "shared-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@AfterEach
	void stop() {
		replicas.forEach(ConfigurableApplicationContext::close);
		proxy.close();
		store.close();
	}

	@AfterAll
	static void stopStandIns() {
		identity.close();
		articles.close();
	}

	private void start(String... overrides) {
		one = replica(sharedStore("127.0.0.1", sharedStorePort()), overrides);
		two = replica(sharedStore("127.0.0.1", proxy.port()), overrides);
	}

	WebTestClient replica(Map<String, String> store, String... overrides) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.mongodb.uri", TestMongo.uri());
		properties.put("spring.mongodb.database", database);
		properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", identity.issuer());
		properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", identity.jwkSetUri());
		properties.put("newsroom.services.article", articles.url());
		properties.put("newsroom.rankings.ingest.shared-dedupe", "true");
		// the replicas of a deployment share the key of the address hash, so that they key an address alike
		properties.put("newsroom.rankings.ingest.visitor-key", "shared-test-key");
		properties.put("newsroom.rankings.counting.flush-interval", "100ms");
		properties.put("newsroom.rankings.counting.store-timeout", "2s");
		properties.put("newsroom.rankings.top.refresh", "1h");
		properties.put("newsroom.rankings.top.long-window-refresh", "1h");
		properties.put("newsroom.rankings.top.poll", "1h");
		properties.putAll(store);
		for (String override : overrides) {
			properties.put(override.substring(0, override.indexOf('=')), override.substring(override.indexOf('=') + 1));
		}
		List<String> args = new ArrayList<>();
		properties.forEach((name, value) -> args.add("--" + name + "=" + value));
		ConfigurableApplicationContext app = new SpringApplicationBuilder(RankingServiceApplication.class)
			.run(args.toArray(String[]::new));
		replicas.add(app);
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
			.responseTimeout(Duration.ofSeconds(15))
			.build();
	}

	void view(WebTestClient replica, String articleId, String visitor, String address) {
		replica.post()
			.uri("/api/rankings/views")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.USER_AGENT, BROWSER)
			.header("X-Visitor-Id", visitor)
			.headers(headers -> {
				if (address != null) {
					headers.add("X-Forwarded-For", address);
				}
			})
			.bodyValue(Map.of("articleId", articleId))
			.exchange()
			.expectStatus()
			.isAccepted();
	}

	long stored(String articleId) {
		long views = 0;
		for (Document bucket : store.getDatabase(database)
			.getCollection(HourlyBuckets.COLLECTION)
			.find(Filters.eq(HourlyBuckets.ARTICLE_ID, articleId))) {
			views += ((Number) bucket.get(HourlyBuckets.VIEWS)).longValue();
		}
		return views;
	}

	void awaitIdle() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> replicas.stream().allMatch(app -> app.getBean(ViewFlusher.class).idle()));
	}

	/** The outcome summed over both replicas. */
	long outcome(String outcome) {
		return replicas.stream()
			.mapToLong(app -> (long) app.getBean(MeterRegistry.class).counter("ranking.views", "outcome", outcome).count())
			.sum();
	}

	double flushFailuresOfTheSecond() {
		return replicas.get(1).getBean(MeterRegistry.class).counter("ranking.flush.failures").count();
	}

	@Test
	void aVisitorWhoseViewsAlternateBetweenReplicasCountsOnce() {
		start();
		String article = articles.publish("world");

		for (int v = 0; v < 10; v++) {
			for (int i = 0; i < 4; i++) {
				view(i % 2 == 0 ? one : two, article, "alternating-" + v, null);
			}
		}

		awaitIdle();
		assertThat(stored(article)).isEqualTo(10);
		assertThat(outcome("accepted")).isEqualTo(10);
		assertThat(outcome("duplicate")).isEqualTo(30);
		afterAlternatingVisitors();
	}

	@Test
	void anAddressesViewsAcrossBothReplicasStopAtTheLimitExactly() {
		start();
		String article = articles.publish("world");

		for (int v = 0; v < 50; v++) {
			view(v % 2 == 0 ? one : two, article, "visitor-" + v, "203.0.113.9");
		}
		// another address is not held back by the first one's limit
		view(two, article, "visitor-other", "203.0.113.10");

		awaitIdle();
		assertThat(stored(article)).isEqualTo(31);
		assertThat(outcome("address-limit")).isEqualTo(20);
		assertThat(outcome("accepted")).isEqualTo(31);
	}

	@Test
	void aBatchSentAgainToTheOtherReplicaIsNotCountedTwice() {
		start();
		String article = articles.publish("world");
		List<Map<String, String>> views = new ArrayList<>();
		for (int v = 0; v < 20; v++) {
			views.add(Map.of("articleId", article, "visitorId", "collected-" + v, "at", Instant.now().toString()));
		}

		batch(one, views).jsonPath("$.accepted").isEqualTo(20).jsonPath("$.duplicates").isEqualTo(0);
		// the collector did not hear the answer and retried; the Service sent the retry elsewhere
		batch(two, views).jsonPath("$.accepted").isEqualTo(0).jsonPath("$.duplicates").isEqualTo(20);

		awaitIdle();
		assertThat(stored(article)).isEqualTo(20);
	}

	WebTestClient.BodyContentSpec batch(WebTestClient replica,
			List<Map<String, String>> views) {
		return replica.post()
			.uri("/api/rankings/views/batch")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.ingest())
			.bodyValue(Map.of("views", views))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody();
	}

	@Test
	void aVisitorCountsAgainOnceTheWindowHasPassed() {
		start("newsroom.rankings.ingest.dedupe-window=2s");
		String article = articles.publish("world");
		view(one, article, "returning-visitor", null);
		view(two, article, "returning-visitor", null);
		awaitIdle();
		assertThat(stored(article)).isEqualTo(1);

		await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() -> true);
		view(two, article, "returning-visitor", null);
		view(one, article, "returning-visitor", null);

		awaitIdle();
		assertThat(stored(article)).isEqualTo(2);
		assertThat(outcome("duplicate")).isEqualTo(2);
	}

	@Test
	void viewsDecidedWhileTheSharedStoreIsUnreachableAreDecidedExactlyWhenItComesBack() {
		start();
		String article = articles.publish("world");
		for (int v = 0; v < 10; v++) {
			view(one, article, "visitor-" + v, null);
		}
		awaitIdle();

		proxy.down();
		// the first ten again (counted already by the first replica) and ten new ones, from one address
		for (int v = 0; v < 20; v++) {
			view(two, article, "visitor-" + v, "198.51.100.7");
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> flushFailuresOfTheSecond() >= 2);
		// meanwhile five of the new visitors come back to the replica that can reach the store
		for (int v = 10; v < 15; v++) {
			view(one, article, "visitor-" + v, null);
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> stored(article) == 15);
		assertThat(replicas.get(1).getBean(ViewFlusher.class).idle()).isFalse();

		proxy.up();
		awaitIdle();
		assertThat(stored(article)).isEqualTo(20);
		assertThat(outcome("accepted")).isEqualTo(20);
		assertThat(outcome("duplicate")).isEqualTo(15);
		afterTheOutage();
	}
}
