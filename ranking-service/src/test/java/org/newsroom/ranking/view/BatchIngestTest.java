package org.newsroom.ranking.view;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.ranking.RankingServiceTest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Views sent in bulk by a collector with role {@code ingest}. */
class BatchIngestTest extends RankingServiceTest {

	@Test
	void batchViewsAreCountedInTheHourTheyHappened() {
		String article = articles.publish("world");
		Instant now = Instant.now();
		List<Object> views = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			views.add(batchView(article, newVisitor(), now.minus(Duration.ofMinutes(5))));
		}
		for (int i = 0; i < 4; i++) {
			views.add(batchView(article, newVisitor(), now.minus(Duration.ofHours(4))));
		}

		batch(Map.of("views", views)).expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.accepted").isEqualTo(7)
			.jsonPath("$.duplicates").isEqualTo(0)
			.jsonPath("$.rejected").isEqualTo(0)
			.jsonPath("$.errors").isEmpty();

		assertViews("/api/rankings/top?window=1h&section=world&limit=50", article, 3);
		assertViews("/api/rankings/top?window=6h&section=world&limit=50", article, 7);
		assertStored(article, 7);
	}

	@Test
	void invalidItemsAreRejectedOneByOneAndTheRestCounted() {
		String article = articles.publish("sports");
		Instant now = Instant.now();
		List<Object> views = List.of(batchView(article, newVisitor(), now),
				batchView(article, newVisitor(), now.plus(Duration.ofMinutes(10))),
				batchView(article, newVisitor(), now.minus(Duration.ofDays(31))),
				batchView("not-an-article", newVisitor(), now), batchView(article, "bad visitor!", now),
				Map.of("articleId", article, "visitorId", newVisitor(), "at", "yesterday"),
				Map.of("articleId", article, "visitorId", newVisitor()),
				batchView(article, newVisitor(), now.minus(Duration.ofDays(29))));

		batch(Map.of("views", views)).expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.accepted").isEqualTo(2)
			.jsonPath("$.rejected").isEqualTo(6)
			.jsonPath("$.errors[0].field").isEqualTo("views[1].at")
			.jsonPath("$.errors[0].message").isEqualTo("is in the future")
			.jsonPath("$.errors[1].field").isEqualTo("views[2].at")
			.jsonPath("$.errors[2].field").isEqualTo("views[3].articleId")
			.jsonPath("$.errors[3].field").isEqualTo("views[4].visitorId")
			.jsonPath("$.errors[4].field").isEqualTo("views[5].at")
			.jsonPath("$.errors[5].field").isEqualTo("views[6].at");

		assertStored(article, 2);
	}

	@Test
	void aBatchSentAgainIsNotCountedTwice() {
		String article = articles.publish("business");
		// early in a half hour, so that at and at + 30 s share their half-hour slot
		Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
		Instant at = Instant.ofEpochSecond(hourAgo.getEpochSecond() / 1800 * 1800).plusSeconds(60);
		Map<String, Object> body = Map.of("views",
				List.of(batchView(article, "collector-visitor-1", at), batchView(article, "collector-visitor-2", at),
						batchView(article, "collector-visitor-1", at.plusSeconds(30))));

		batch(body).expectStatus().isAccepted().expectBody().jsonPath("$.accepted").isEqualTo(2).jsonPath("$.duplicates").isEqualTo(1);
		// the collector did not get the answer and sends the batch again
		batch(body).expectStatus().isAccepted().expectBody().jsonPath("$.accepted").isEqualTo(0).jsonPath("$.duplicates").isEqualTo(3);

		assertStored(article, 2);
	}

	@Test
	void viewsOfUnpublishedArticlesAreReportedAndNotCounted() {
		String published = articles.publish("tech");
		String draft = articles.draft();
		Instant now = Instant.now();

		batch(Map.of("views", List.of(batchView(published, newVisitor(), now), batchView(draft, newVisitor(), now),
				batchView(draft, newVisitor(), now))))
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.accepted").isEqualTo(1)
			.jsonPath("$.unpublished").isEqualTo(2);

		assertStored(published, 1);
		assertStored(draft, 0);
	}

	@Test
	void aBatchOfTenThousandViewsIsTakenAndOneMoreIsRefusedWhole() {
		String article = articles.publish("culture");
		Instant now = Instant.now();
		List<Object> views = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			views.add(batchView(article, "visitor-" + i + "-of-ten-thousand", now.minusSeconds(i % 600)));
		}
		batch(Map.of("views", views)).expectStatus().isAccepted().expectBody().jsonPath("$.accepted").isEqualTo(10_000);

		views.add(batchView(article, newVisitor(), now));
		batch(Map.of("views", views)).expectStatus()
			.isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("views");

		assertStored(article, 10_000);
	}

	@Test
	void aBatchWithoutViewsOrWithWrongTypesIs400() {
		batch(Map.of()).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("views");
		batch(Map.of("views", "many")).expectStatus().isBadRequest();
		batch(Map.of("views", List.of(Map.of("articleId", 42)))).expectStatus().isBadRequest();
		batch(Map.of("views", List.of())).expectStatus().isAccepted().expectBody().jsonPath("$.accepted").isEqualTo(0);
	}

	@Test
	void aBodyLargerThanAnyValidBatchIs413() {
		StringBuilder body = new StringBuilder("{\"views\": [");
		String view = "{\"articleId\": \"65a1b2c3d4e5f60718293a4b\", \"visitorId\": \"" + "v".repeat(64)
				+ "\", \"at\": \"2025-05-01T09:30:00Z\", \"padding\": \"" + "x".repeat(400) + "\"},";
		while (body.length() < 5_000_000) {
			body.append(view);
		}
		body.setLength(body.length() - 1);
		body.append("]}");

		batch(body.toString()).expectStatus()
			.isEqualTo(413)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void batchIngestNeedsTheIngestRole() {
		String body = "{\"views\": []}";
		http.post().uri("/api/rankings/views/batch").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE);
		http.post().uri("/api/rankings/views/batch").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.exchange()
			.expectStatus().isForbidden();
		http.post().uri("/api/rankings/views/batch").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.expired("service-account-news-internal", "ingest"))
			.exchange()
			.expectStatus().isUnauthorized();
	}
}
