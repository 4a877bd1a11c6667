package org.newsroom.ranking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.newsroom.platform.test.TestIdentityProvider;
import org.newsroom.platform.test.TestMongo;
import org.newsroom.ranking.counting.HourlyBuckets;
import org.newsroom.ranking.counting.ViewFlusher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running service (Netty on a random port) with a wire-protocol MongoDB, a WireMock stand-in
 * for article-service and one for Keycloak's keys. Subclasses share one application context;
 * each test uses its own articles. Intervals are shortened so that flushes and list refreshes
 * happen within a fraction of a second.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class RankingServiceTest {

	protected static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";

	protected static final TestIdentityProvider identity = new TestIdentityProvider();

	protected static final ArticleServiceStandIn articles = new ArticleServiceStandIn();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestMongo.register(registry);
		identity.register(registry);
		registry.add("newsroom.services.article", articles::url);
		registry.add("newsroom.rankings.counting.flush-interval", () -> "100ms");
		registry.add("newsroom.rankings.top.refresh", () -> "200ms");
		registry.add("newsroom.rankings.top.long-window-refresh", () -> "200ms");
		registry.add("newsroom.rankings.articles.timeout", () -> "2s");
		registry.add("newsroom.rankings.articles.unknown-ttl", () -> "1s");
		registry.add("newsroom.rankings.articles.breaker-open-for", () -> "1s");
		registry.add("newsroom.rankings.ingest.per-address-limit", () -> "5");
	}

	@Autowired
	protected WebTestClient http;

	@Autowired
	protected ViewFlusher flusher;

	/** This context's database on the wire-protocol server. */
	@Value("${spring.mongodb.database}")
	protected String database;

	private static int visitors;

	private static MongoClient store;

	/** A visitor id of the kind the page's cookie holds. */
	protected static synchronized String newVisitor() {
		return "visitor-" + (++visitors) + "-" + System.nanoTime();
	}

	protected WebTestClient.ResponseSpec view(String articleId, Consumer<HttpHeaders> headers) {
		return http.post()
			.uri("/api/rankings/views")
			.contentType(MediaType.APPLICATION_JSON)
			.headers(h -> {
				h.set(HttpHeaders.USER_AGENT, BROWSER);
				headers.accept(h);
			})
			.bodyValue(Map.of("articleId", articleId))
			.exchange();
	}

	/** A view by a new visitor with a browser's user agent. */
	protected WebTestClient.ResponseSpec view(String articleId) {
		String visitor = newVisitor();
		return view(articleId, h -> h.set("X-Visitor-Id", visitor));
	}

	protected WebTestClient.ResponseSpec batch(Object body) {
		return http.post()
			.uri("/api/rankings/views/batch")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.ingest())
			.bodyValue(body)
			.exchange();
	}

	protected static Map<String, Object> batchView(String articleId, String visitorId, Instant at) {
		return Map.of("articleId", articleId, "visitorId", visitorId, "at", at.toString());
	}

	@SuppressWarnings("unchecked")
	protected Map<String, Object> list(String uri) {
		return http.get().uri(uri).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
	}

	@SuppressWarnings("unchecked")
	protected static List<Map<String, Object>> items(Map<String, Object> list) {
		return (List<Map<String, Object>>) list.get("items");
	}

	protected static List<Object> ids(Map<String, Object> list) {
		return items(list).stream().map(item -> item.get("articleId")).toList();
	}

	/** The article's views in the list, or 0 when it is not in it. */
	protected long viewsIn(String uri, String articleId) {
		return items(list(uri)).stream()
			.filter(item -> articleId.equals(item.get("articleId")))
			.mapToLong(item -> ((Number) item.get("views")).longValue())
			.findFirst()
			.orElse(0);
	}

	/** Waits until every view handed over is stored (or dropped as unpublished). */
	protected void awaitIdle() {
		await().atMost(Duration.ofSeconds(20)).until(flusher::idle);
	}

	/** The article's views as stored, over all its buckets, read straight from MongoDB. */
	protected long stored(String articleId) {
		long views = 0;
		for (Document bucket : buckets().find(Filters.eq(HourlyBuckets.ARTICLE_ID, articleId))) {
			views += ((Number) bucket.get(HourlyBuckets.VIEWS)).longValue();
		}
		return views;
	}

	/** This context's buckets, straight from the wire-protocol server. */
	protected MongoCollection<Document> buckets() {
		synchronized (RankingServiceTest.class) {
			if (store == null) {
				store = MongoClients.create(TestMongo.uri());
			}
		}
		return store.getDatabase(database).getCollection(HourlyBuckets.COLLECTION);
	}

	/** Once the service has caught up, the article has exactly these views stored. */
	protected void assertStored(String articleId, long expected) {
		awaitIdle();
		assertThat(stored(articleId)).as("stored views of %s", articleId).isEqualTo(expected);
	}

	/**
	 * Waits until every accepted view is stored and a list computed after that is served, then
	 * returns it: what a reader sees once the service has caught up.
	 */
	protected Map<String, Object> settled(String uri) {
		awaitIdle();
		Instant caughtUp = Instant.now();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			Object generated = list(uri).get("generatedAt");
			return generated != null && Instant.parse((String) generated).isAfter(caughtUp);
		});
		return list(uri);
	}

	/** Waits for the article to reach the expected views, then checks nothing more comes. */
	protected void assertViews(String uri, String articleId, long expected) {
		await().atMost(Duration.ofSeconds(20)).until(() -> viewsIn(uri, articleId) >= expected);
		Map<String, Object> list = settled(uri);
		long views = items(list).stream()
			.filter(item -> articleId.equals(item.get("articleId")))
			.mapToLong(item -> ((Number) item.get("views")).longValue())
			.findFirst()
			.orElse(0);
		assertThat(views).as("views of %s in %s", articleId, uri).isEqualTo(expected);
	}
}
