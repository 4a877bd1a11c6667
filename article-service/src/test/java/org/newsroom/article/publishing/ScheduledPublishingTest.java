package org.newsroom.article.publishing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.article.ArticleServiceTest;
import org.newsroom.article.story.ArticleDiff;
import org.newsroom.article.story.ArticleStore;
import org.newsroom.article.config.ArticleProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled publishing and embargoes. The application's own scheduler is switched off in tests;
 * each test runs {@link ScheduledPublisher#publishDue()} itself, or two publishers at once
 * standing in for two replicas sharing the store.
 */
class ScheduledPublishingTest extends ArticleServiceTest {

	static final String PHOTO = "65c000000000000000000001";

	@Autowired
	ScheduledPublisher publisher;

	@Autowired
	ArticleStore store;

	@Autowired
	PublishingGuard guard;

	@Autowired
	ArticleDiff diff;

	@Autowired
	ArticleProperties properties;

	@Autowired
	Clock clock;

	@Test
	void aScheduledArticleIsPublishedWhenDueAndNotBefore() throws Exception {
		String id = create("Election results expected at dawn", "national");
		Instant at = soon(800);
		schedule(id, at).expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("SCHEDULED").jsonPath("$.publishAt").isEqualTo(at.toString());
		assertThat(publisher.publishDue()).doesNotContain(id);
		http.get().uri("/api/articles/{id}", id).exchange().expectStatus().isNotFound();

		waitUntil(at);
		assertThat(publisher.publishDue()).contains(id);
		http.get().uri("/api/articles/{id}", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("PUBLISHED").jsonPath("$.publishAt").isEmpty();
		getAsEditor("/api/articles/{id}/revisions", id).expectBody()
			.jsonPath("$.items[0].action").isEqualTo("published")
			.jsonPath("$.items[0].by").isEqualTo(ScheduledPublisher.BY)
			.jsonPath("$.items[1].action").isEqualTo("scheduled");
	}

	@Test
	void anEmbargoHoldsEvenAnImmediatePublishUntilItLifts() throws Exception {
		Instant embargo = soon(800);
		String id = create("{\"headline\": \"Nobel laureate named under embargo\", \"section\": \"world\", \"embargoUntil\": \""
				+ embargo + "\"}");
		publish(id).expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("SCHEDULED").jsonPath("$.embargoUntil").isEqualTo(embargo.toString());
		assertThat(publisher.publishDue()).doesNotContain(id);
		waitUntil(embargo);
		assertThat(publisher.publishDue()).contains(id);
		http.get().uri("/api/articles/{id}/ninjs", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.pubStatus").isEqualTo("usable").jsonPath("$.embargoedUntil").isEqualTo(embargo.toString());
	}

	@Test
	void twoReplicasPublishEachDueArticleExactlyOnce() throws Exception {
		// a slow photo check widens the window in which the two replicas race for the same articles
		media.stubFor(WireMock.get("/api/media/" + PHOTO + "/usage")
			.willReturn(WireMock.okJson("{\"usable\": true, \"problems\": []}").withFixedDelay(15)));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			ids.add(create("{\"headline\": \"Race story " + i + "\", \"section\": \"sports\", \"leadMediaId\": \""
					+ PHOTO + "\"}"));
		}
		// far enough ahead that a busy machine schedules all twelve before it
		Instant at = soon(4000);
		for (String id : ids) {
			schedule(id, at).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SCHEDULED");
		}
		ScheduledPublisher replicaA = new ScheduledPublisher(store, guard, diff, properties, clock, "replica-a");
		ScheduledPublisher replicaB = new ScheduledPublisher(store, guard, diff, properties, clock, "replica-b");
		waitUntil(at);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		Future<List<String>> a = pool.submit(() -> {
			start.await();
			return replicaA.publishDue();
		});
		Future<List<String>> b = pool.submit(() -> {
			start.await();
			return replicaB.publishDue();
		});
		start.countDown();
		List<String> byA = a.get();
		List<String> byB = b.get();
		pool.shutdown();

		Set<String> overlap = new HashSet<>(byA);
		overlap.retainAll(byB);
		assertThat(overlap).isEmpty();
		List<String> all = new ArrayList<>(byA);
		all.addAll(byB);
		// other tests' articles may be due too; each of ours is published once, by one replica
		assertThat(all).containsAll(ids).doesNotHaveDuplicates();
		assertThat(byA).isNotEmpty();
		for (String id : ids) {
			Map<?, ?> history = getAsEditor("/api/articles/{id}/revisions", id).expectStatus().isOk()
				.expectBody(Map.class).returnResult().getResponseBody();
			assertThat((List<?>) history.get("items")).filteredOn(r -> "published".equals(((Map<?, ?>) r).get("action")))
				.hasSize(1);
			assertThat(articleAsEditor(id).get("status")).isEqualTo("PUBLISHED");
		}
	}

	@Test
	void whenMediaIsDownAtPublishingTimeTheArticleStaysScheduledWithTheReasonAndIsRetried() throws Exception {
		photoUsable(PHOTO);
		String id = create("{\"headline\": \"Summit opens in Busan\", \"section\": \"world\", \"leadMediaId\": \"" + PHOTO
				+ "\"}");
		Instant at = soon(800);
		schedule(id, at).expectStatus().isOk();
		media.resetAll();
		media.stubFor(WireMock.get("/api/media/" + PHOTO + "/usage").willReturn(aResponse().withStatus(500)));
		waitUntil(at);

		assertThat(publisher.publishDue()).doesNotContain(id);
		getAsEditor("/api/articles/{id}", id).expectBody()
			.jsonPath("$.status").isEqualTo("SCHEDULED")
			.jsonPath("$.publishingProblem.reason").value(String.class, r -> assertThat(r).startsWith("Photos could not be checked"))
			.jsonPath("$.publishingProblem.nextAttemptAt").isNotEmpty();
		http.get().uri("/api/articles/{id}", id).exchange().expectStatus().isNotFound();

		media.resetAll();
		photoUsable(PHOTO);
		Thread.sleep(properties.scheduler().retryDelay().toMillis() + 50);
		assertThat(publisher.publishDue()).contains(id);
		getAsEditor("/api/articles/{id}", id).expectBody()
			.jsonPath("$.status").isEqualTo("PUBLISHED")
			.jsonPath("$.publishingProblem").doesNotExist();
	}

	@Test
	void aPhotoThatLostItsRightsBeforePublishingTimeKeepsTheArticleScheduledNamingIt() throws Exception {
		photoUsable(PHOTO);
		String id = create("{\"headline\": \"Gallery reopens\", \"section\": \"culture\", \"body\": [{\"type\": \"image\", \"mediaId\": \""
				+ PHOTO + "\"}]}");
		Instant at = soon(800);
		schedule(id, at).expectStatus().isOk();
		media.stubFor(WireMock.get("/api/media/" + PHOTO + "/usage")
			.willReturn(WireMock.okJson("{\"usable\": false, \"problems\": [\"RIGHTS_EXPIRED\"]}")));
		waitUntil(at);
		assertThat(publisher.publishDue()).doesNotContain(id);
		getAsEditor("/api/articles/{id}", id).expectBody()
			.jsonPath("$.status").isEqualTo("SCHEDULED")
			.jsonPath("$.publishingProblem.photos[0].mediaId").isEqualTo(PHOTO)
			.jsonPath("$.publishingProblem.photos[0].field").isEqualTo("body[0].mediaId")
			.jsonPath("$.publishingProblem.photos[0].problems[0]").isEqualTo("RIGHTS_EXPIRED");
		http.post().uri("/api/articles/{id}/withdraw", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.exchange().expectStatus().isOk();
	}

	@Test
	void schedulingChecksPhotosUpFrontAndAPastTimePublishesNow() {
		media.stubFor(WireMock.get("/api/media/" + PHOTO + "/usage")
			.willReturn(WireMock.okJson("{\"usable\": false, \"problems\": [\"MISSING_CREDIT\"]}")));
		String id = create("{\"headline\": \"Scheduled with a bad photo\", \"section\": \"world\", \"leadMediaId\": \"" + PHOTO
				+ "\"}");
		schedule(id, soon(60_000)).expectStatus().isEqualTo(422);
		String now = create("Past schedule means now", "world");
		schedule(now, Instant.now().minusSeconds(60)).expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("PUBLISHED");
		http.post().uri("/api/articles/{id}/publish", now).header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.contentType(MediaType.APPLICATION_JSON).body("{\"at\": \"tomorrow\"}").exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("at");
	}

	/** An empty date is not a date, and not "now" either (issue 18): the draft stays a draft. */
	@ParameterizedTest
	@ValueSource(strings = { "\"\"", "\" \"" })
	void anEmptyScheduleTimeIsRefusedAndPublishesNothing(String at) {
		String id = create("Empty schedule " + at.length(), "world");
		http.post().uri("/api/articles/{id}/publish", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.contentType(MediaType.APPLICATION_JSON).body("{\"at\": " + at + "}").exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:malformed-request")
			.jsonPath("$.errors[0].field").isEqualTo("at");
		assertThat(articleAsEditor(id).get("status")).isEqualTo("DRAFT");
	}

	@Test
	void withdrawingAScheduledArticleCancelsTheSchedule() throws Exception {
		String id = create("Cancelled schedule", "tech");
		Instant at = soon(500);
		schedule(id, at).expectStatus().isOk();
		http.post().uri("/api/articles/{id}/withdraw", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("DRAFT").jsonPath("$.publishAt").isEmpty();
		waitUntil(at);
		assertThat(publisher.publishDue()).doesNotContain(id);
	}

	private RestTestClient.ResponseSpec schedule(String id, Instant at) {
		return http.post().uri("/api/articles/{id}/publish", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.contentType(MediaType.APPLICATION_JSON).body("{\"at\": \"" + at + "\"}").exchange();
	}

	private static Instant soon(long millis) {
		return Instant.now().plusMillis(millis).truncatedTo(ChronoUnit.MILLIS);
	}

	private static void waitUntil(Instant at) throws InterruptedException {
		long wait = at.toEpochMilli() - System.currentTimeMillis() + 20;
		if (wait > 0) {
			Thread.sleep(wait);
		}
	}
}
