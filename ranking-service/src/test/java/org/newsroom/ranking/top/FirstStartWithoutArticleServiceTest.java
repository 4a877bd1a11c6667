package org.newsroom.ranking.top;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.newsroom.platform.test.TestIdentityProvider;
import org.newsroom.platform.test.TestMongo;
import org.newsroom.ranking.counting.HourlyBuckets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replica that starts while article-service is unreachable has no last good list: it answers
 * with an empty list marked stale (and no {@code generatedAt}) rather than an error, so pages
 * render without the Top 10, and it never shows articles it could not check.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class FirstStartWithoutArticleServiceTest {

	static final TestIdentityProvider identity = new TestIdentityProvider();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		countedByOtherReplicas(TestMongo.register(registry));
		identity.register(registry);
		// nothing listens on port 9 (discard) here: connections are refused
		registry.add("newsroom.services.article", () -> "http://127.0.0.1:9");
		registry.add("newsroom.rankings.top.refresh", () -> "200ms");
		registry.add("newsroom.rankings.top.long-window-refresh", () -> "200ms");
	}

	@AfterAll
	static void stop() {
		identity.close();
	}

	/** Before this replica starts, others have counted views of an article it cannot check. */
	static void countedByOtherReplicas(String database) {
		String articleId = new ObjectId().toHexString();
		try (MongoClient client = MongoClients.create(TestMongo.uri())) {
			client.getDatabase(database)
				.getCollection(HourlyBuckets.COLLECTION)
				.insertOne(new Document("_id", articleId + ":now:world").append("articleId", articleId)
					.append("section", "world")
					.append("hour", Date.from(Instant.now().truncatedTo(ChronoUnit.HOURS)))
					.append("views", 12L));
		}
	}

	@Autowired
	WebTestClient http;

	@Test
	void theListsAreEmptyAndStaleUntilArticleServiceAnswers() {
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			for (String uri : new String[] { "/api/rankings/top?window=1h", "/api/rankings/top?window=7d&section=world",
					"/api/rankings/trending" }) {
				Map<String, Object> list = list(uri);
				assertThat(list).containsEntry("stale", true).containsEntry("generatedAt", null);
				assertThat((List<?>) list.get("items")).isEmpty();
			}
		});
		assertThat(list("/api/rankings/top?window=6h")).containsEntry("window", "6h").containsEntry("section", null);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> list(String uri) {
		return http.get().uri(uri).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
	}
}
