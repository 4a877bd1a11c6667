package org.newsroom.ranking.counting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.platform.test.TestIdentityProvider;
import org.newsroom.platform.test.TestMongo;
import org.newsroom.ranking.ArticleServiceStandIn;
import org.newsroom.ranking.RankingServiceApplication;
import org.newsroom.ranking.article.ArticleSummariesClient;
import reactor.core.publisher.Mono;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Flushing when MongoDB misbehaves: each test starts the service from scratch, talking to the
 * wire-protocol server through a {@link FlakyMongoProxy}, and checks the stored totals against
 * the views the service accepted, read straight from MongoDB.
 */
class FlushFaultsTest {

	static final TestIdentityProvider identity = new TestIdentityProvider();

	static final ArticleServiceStandIn articles = new ArticleServiceStandIn();

	static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0";

	FlakyMongoProxy proxy;
	MongoClient store;
	String database;
	ConfigurableApplicationContext app;
	WebTestClient http;

	@BeforeEach
	void proxy() throws Exception {
		proxy = new FlakyMongoProxy(Integer.parseInt(TestMongo.uri().substring(TestMongo.uri().lastIndexOf(':') + 1)));
		store = MongoClients.create(TestMongo.uri());
		database = "flush-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@AfterEach
	void stop() {
		if (app != null) {
			app.close();
		}
		proxy.close();
		store.close();
	}

	@AfterAll
	static void stopStandIns() {
		identity.close();
		articles.close();
	}

	private void start(String... overrides) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.mongodb.uri", "mongodb://127.0.0.1:" + proxy.port());
		properties.put("spring.mongodb.database", database);
		properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", identity.issuer());
		properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", identity.jwkSetUri());
		properties.put("newsroom.services.article", articles.url());
		properties.put("newsroom.rankings.counting.flush-interval", "100ms");
		properties.put("newsroom.rankings.counting.store-timeout", "2s");
		properties.put("newsroom.rankings.top.refresh", "1s");
		properties.put("newsroom.rankings.top.long-window-refresh", "1s");
		for (String override : overrides) {
			properties.put(override.substring(0, override.indexOf('=')), override.substring(override.indexOf('=') + 1));
		}
		List<String> args = new ArrayList<>();
		properties.forEach((name, value) -> args.add("--" + name + "=" + value));
		app = new SpringApplicationBuilder(RankingServiceApplication.class).run(args.toArray(String[]::new));
		http = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
			.responseTimeout(Duration.ofSeconds(15))
			.build();
	}

	private WebTestClient.ResponseSpec view(String articleId) {
		return http.post()
			.uri("/api/rankings/views")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.USER_AGENT, BROWSER)
			.header("X-Visitor-Id", "visitor-" + UUID.randomUUID())
			.bodyValue(Map.of("articleId", articleId))
			.exchange();
	}

	private long stored(String articleId) {
		long views = 0;
		for (Document bucket : store.getDatabase(database)
			.getCollection(HourlyBuckets.COLLECTION)
			.find(Filters.eq(HourlyBuckets.ARTICLE_ID, articleId))) {
			views += ((Number) bucket.get(HourlyBuckets.VIEWS)).longValue();
		}
		return views;
	}

	private void awaitIdle() {
		ViewFlusher flusher = app.getBean(ViewFlusher.class);
		await().atMost(Duration.ofSeconds(30)).until(flusher::idle);
	}

	private double flushFailures() {
		return app.getBean(MeterRegistry.class).counter("ranking.flush.failures").count();
	}

	/** One view stored: the service is up, the article known, the buckets' index created. */
	private String warmedUpArticle() {
		String article = articles.publish("world");
		view(article).expectStatus().isAccepted();
		await().atMost(Duration.ofSeconds(20)).until(() -> stored(article) == 1);
		return article;
	}

	@Test
	void aFlushWhoseAnswerWasLostIsSentAgainAndCountsOnce() {
		start();
		String article = warmedUpArticle();

		proxy.loseNextUpdateAnswer();
		for (int i = 0; i < 20; i++) {
			view(article).expectStatus().isAccepted();
		}

		await().atMost(Duration.ofSeconds(20)).until(() -> proxy.answersLost() == 1);
		awaitIdle();
		assertThat(flushFailures()).isGreaterThanOrEqualTo(1);
		assertThat(stored(article)).isEqualTo(21);
	}

	@Test
	void viewsAcceptedWhileTheStoreIsDownAreStoredWhenItComesBack() {
		start();
		String article = warmedUpArticle();

		proxy.down();
		for (int i = 0; i < 10; i++) {
			view(article).expectStatus().isAccepted();
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> flushFailures() >= 2);
		assertThat(stored(article)).isEqualTo(1);

		proxy.up();
		awaitIdle();
		assertThat(stored(article)).isEqualTo(11);
	}

	@Test
	void whenTheStoreIsSlowNewViewsAreRefusedWith503AndEveryAcceptedOneIsStored() {
		// only the flusher talks to the store while it stalls: the Top lists' rounds and polls
		// (one each at start) would otherwise hold the pooled connections, and the flusher's
		// update could wait for a new connection, whose handshake the stall holds too, instead of
		// being sent
		start("newsroom.rankings.counting.buffer-views=16", "newsroom.rankings.counting.store-timeout=60s",
				"newsroom.rankings.top.refresh=1h", "newsroom.rankings.top.long-window-refresh=1h",
				"newsroom.rankings.top.poll=1h");
		String article = warmedUpArticle();

		proxy.stall();
		view(article).expectStatus().isAccepted();
		// the flusher is now waiting for MongoDB's answer and takes no more views from the buffer
		await().atMost(Duration.ofSeconds(20)).until(() -> proxy.updatesSeenWhileStalled() >= 1);
		int accepted = 0;
		int refused = 0;
		for (int i = 0; i < 60; i++) {
			HttpStatus status = (HttpStatus) view(article).returnResult(Void.class).getStatus();
			if (status == HttpStatus.ACCEPTED) {
				accepted++;
			}
			else {
				assertThat(status).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				refused++;
			}
		}
		view(article).expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2")
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:ingest-overloaded");
		assertThat(accepted).isLessThanOrEqualTo(16);
		assertThat(refused).isGreaterThanOrEqualTo(60 - 16);

		proxy.resume();
		awaitIdle();
		assertThat(stored(article)).isEqualTo(1 + 1 + accepted);
	}

	@Test
	void aGracefulShutdownStoresTheViewsAcceptedJustBefore() {
		start("newsroom.rankings.counting.flush-interval=1h");
		String known = articles.publish("sports");
		String unseen = articles.publish("sports");
		// looked up once, so its views count straight away
		app.getBean(org.newsroom.ranking.article.ArticleDirectory.class).resolve(List.of(known), Duration.ofSeconds(5)).block();

		for (int i = 0; i < 50; i++) {
			view(known).expectStatus().isAccepted();
		}
		for (int i = 0; i < 5; i++) {
			view(unseen).expectStatus().isAccepted();
		}
		assertThat(stored(known)).isZero();

		app.close();
		app = null;

		assertThat(stored(known)).isEqualTo(50);
		assertThat(stored(unseen)).isEqualTo(5);
	}

	/**
	 * Views keep coming on open keep-alive connections while the service shuts down: each is
	 * either answered 202 and stored, or refused (503, or the connection closes). A view that a
	 * connection delivers after the last drain must not get a 202.
	 */
	@Test
	void viewsArrivingWhileTheServiceShutsDownAreEachStoredOrRefused() throws Exception {
		start();
		String article = warmedUpArticle();
		URI views = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/api/rankings/views");
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		LongAdder accepted = new LongAdder();
		LongAdder refused = new LongAdder();
		LongAdder unanswered = new LongAdder();
		AtomicBoolean sending = new AtomicBoolean(true);
		List<Thread> senders = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			Thread sender = new Thread(() -> {
				while (sending.get()) {
					HttpRequest request = HttpRequest.newBuilder(views)
						.header(HttpHeaders.USER_AGENT, BROWSER)
						.header("X-Visitor-Id", "visitor-" + UUID.randomUUID())
						.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
						.POST(HttpRequest.BodyPublishers.ofString("{\"articleId\": \"" + article + "\"}"))
						.timeout(Duration.ofSeconds(10))
						.build();
					try {
						int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
						(status == 202 ? accepted : refused).increment();
					}
					catch (IOException e) {
						// refused, reset, or closed before an answer: perhaps counted, never answered 202
						unanswered.increment();
					}
					catch (InterruptedException e) {
						return;
					}
				}
			}, "view-sender-" + i);
			sender.start();
			senders.add(sender);
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> accepted.sum() >= 300);
		app.close();
		app = null;
		sending.set(false);
		for (Thread sender : senders) {
			sender.join(Duration.ofSeconds(20).toMillis());
		}

		// every 202 is stored; beyond them, at most the views whose answer never came
		assertThat(stored(article) - 1).isGreaterThanOrEqualTo(accepted.sum())
			.isLessThanOrEqualTo(accepted.sum() + unanswered.sum());
	}

	@Test
	void viewsWaitingForTheirArticleAreCountedAtShutdownWhileTheLookupBreakerIsStillOpenFromAnOutageThatEnded() {
		start("newsroom.rankings.counting.flush-interval=1h", "newsroom.rankings.articles.breaker-open-for=10m");
		ArticleSummariesClient client = app.getBean(ArticleSummariesClient.class);
		articles.down();
		for (int i = 0; i < 6; i++) {
			client.published(List.of(articles.draft())).onErrorResume(error -> Mono.empty()).block();
		}
		assertThat(client.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
		articles.healthy();
		String unseen = articles.publish("culture");

		for (int i = 0; i < 7; i++) {
			view(unseen).expectStatus().isAccepted();
		}
		app.close();
		app = null;

		assertThat(stored(unseen)).isEqualTo(7);
	}
}
