package org.newsroom.article.publishing;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleServiceTest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing asks media-service about every photo, through a time limit, retries and a circuit
 * breaker (short settings from {@link ArticleServiceTest}: 400 ms per attempt, 3 attempts,
 * breaker judging 6 calls, open for 1 s). WireMock plays media-service, healthy and not.
 */
class PublishingGuardTest extends ArticleServiceTest {

	static final String LEAD = "65b000000000000000000001";
	static final String BODY_PHOTO = "65b000000000000000000002";

	@Test
	void anArticleWhosePhotosAreUsableIsPublished() {
		photoUsable(LEAD);
		photoUsable(BODY_PHOTO);
		String id = createWithPhotos("Usable photos story");
		publish(id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PUBLISHED");
		media.verify(1, getRequestedFor(urlEqualTo("/api/media/" + LEAD + "/usage")));
		media.verify(1, getRequestedFor(urlEqualTo("/api/media/" + BODY_PHOTO + "/usage")));
	}

	@Test
	void theCheckCarriesTheEditorsRequestIdAndTraceContextToMediaService() {
		photoUsable(LEAD);
		photoUsable(BODY_PHOTO);
		String id = createWithPhotos("Request id travels with the check");
		http.post().uri("/api/articles/{id}/publish", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.header("X-Request-Id", "desk-request-42")
			.exchange().expectStatus().isOk();
		media.verify(getRequestedFor(urlEqualTo("/api/media/" + LEAD + "/usage"))
			.withHeader("X-Request-Id", WireMock.equalTo("desk-request-42"))
			.withHeader("traceparent", WireMock.matching("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")));
	}

	@Test
	void publishRefusedWhenLeadPhotoHasNoCreditNamingEachPhotoAndProblem() {
		usage(LEAD, "{\"usable\": false, \"problems\": [\"MISSING_CREDIT\"]}");
		usage(BODY_PHOTO, "{\"usable\": false, \"problems\": [\"RIGHTS_EXPIRED\", \"TAKEN_DOWN\"]}");
		String id = createWithPhotos("Photos without rights");
		publish(id).expectStatus().isEqualTo(422)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:newsroom:problem:photo-not-usable")
			.jsonPath("$.errors[0].field").isEqualTo("leadMediaId")
			.jsonPath("$.errors[0].message").isEqualTo("photo " + LEAD + " is not usable: MISSING_CREDIT")
			.jsonPath("$.errors[1].field").isEqualTo("body[1].mediaId")
			.jsonPath("$.photos[1].mediaId").isEqualTo(BODY_PHOTO)
			.jsonPath("$.photos[1].problems[0]").isEqualTo("RIGHTS_EXPIRED")
			.jsonPath("$.photos[1].problems[1]").isEqualTo("TAKEN_DOWN");
		assertStillDraft(id);
	}

	@Test
	void aPhotoMediaServiceDoesNotKnowIsRefusedToo() {
		photoUsable(LEAD);
		media.stubFor(WireMock.get("/api/media/" + BODY_PHOTO + "/usage").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/problem+json").withBody("{\"status\": 404}")));
		String id = createWithPhotos("Photo that does not exist");
		publish(id).expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.photos[0].mediaId").isEqualTo(BODY_PHOTO)
			.jsonPath("$.photos[0].problems[0]").isEqualTo("NOT_FOUND");
		media.verify(1, getRequestedFor(urlEqualTo("/api/media/" + BODY_PHOTO + "/usage")));
		assertStillDraft(id);
	}

	@Test
	void aSlowMediaServiceIs503WithRetryAfterAndNothingIsPublished() {
		photoUsable(BODY_PHOTO);
		media.stubFor(WireMock.get("/api/media/" + LEAD + "/usage")
			.willReturn(WireMock.okJson("{\"usable\": true, \"problems\": []}").withFixedDelay(3000)));
		String id = createWithPhotos("Slow media service");
		long started = System.nanoTime();
		publish(id).expectStatus().isEqualTo(503)
			.expectHeader().exists(HttpHeaders.RETRY_AFTER)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:service-unavailable");
		// three attempts cut at 400 ms each plus back-off, never the 9 s three slow answers would take
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(5000));
		media.verify(3, getRequestedFor(urlEqualTo("/api/media/" + LEAD + "/usage")));
		assertStillDraft(id);
	}

	@Test
	void serverErrorsAreRetriedAndARecoveryWithinTheAttemptsPublishes() {
		photoUsable(BODY_PHOTO);
		media.stubFor(WireMock.get("/api/media/" + LEAD + "/usage").inScenario("flaky").whenScenarioStateIs("Started")
			.willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
		media.stubFor(WireMock.get("/api/media/" + LEAD + "/usage").inScenario("flaky").whenScenarioStateIs("recovered")
			.willReturn(WireMock.okJson("{\"usable\": true, \"problems\": []}")));
		String id = createWithPhotos("Flaky media service");
		publish(id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PUBLISHED");
		media.verify(2, getRequestedFor(urlEqualTo("/api/media/" + LEAD + "/usage")));
	}

	@Test
	void persistentServerErrorsAre503AfterThreeAttempts() {
		media.stubFor(WireMock.get("/api/media/" + LEAD + "/usage").willReturn(aResponse().withStatus(503)));
		String id = createWithPhotos("Media service erroring");
		publish(id).expectStatus().isEqualTo(503).expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5");
		media.verify(3, getRequestedFor(urlEqualTo("/api/media/" + LEAD + "/usage")));
		assertStillDraft(id);
	}

	@Test
	void connectionResetsAreRetriedThen503() {
		media.stubFor(WireMock.get("/api/media/" + LEAD + "/usage")
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		String id = createWithPhotos("Media service resetting");
		publish(id).expectStatus().isEqualTo(503).expectHeader().exists(HttpHeaders.RETRY_AFTER);
		media.verify(3, getRequestedFor(urlEqualTo("/api/media/" + LEAD + "/usage")));
		assertStillDraft(id);
	}

	@Test
	void theBreakerOpensAfterRepeatedFailuresAnswersAtOnceAndRecovers() throws Exception {
		photoUsable(BODY_PHOTO);
		media.stubFor(WireMock.get("/api/media/" + LEAD + "/usage").willReturn(aResponse().withStatus(500)));
		String id = createWithPhotos("Breaker story");
		// two publishes of three failed attempts each fill the breaker's window of six calls
		publish(id).expectStatus().isEqualTo(503);
		publish(id).expectStatus().isEqualTo(503);
		assertThat(mediaClient.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
		int callsSoFar = media.findAll(getRequestedFor(urlEqualTo("/api/media/" + LEAD + "/usage"))).size();

		publish(id).expectStatus().isEqualTo(503).expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
			.expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("keeps failing"));
		// answered without asking media-service at all
		assertThat(media.findAll(getRequestedFor(urlEqualTo("/api/media/" + LEAD + "/usage")))).hasSize(callsSoFar);
		assertStillDraft(id);

		photoUsable(LEAD);
		Thread.sleep(1100);
		publish(id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PUBLISHED");
		assertThat(mediaClient.breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void anArticleWithoutPhotosNeverCallsMediaService() {
		media.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(aResponse().withStatus(500)));
		String id = create("No photos at all", "opinion");
		publish(id).expectStatus().isOk();
		assertThat(media.getAllServeEvents()).isEmpty();
	}

	private String createWithPhotos(String headline) {
		return create("""
				{"headline": "%s", "section": "world", "leadMediaId": "%s",
				 "body": [{"type": "paragraph", "text": "Text."}, {"type": "image", "mediaId": "%s"}]}"""
			.formatted(headline, LEAD, BODY_PHOTO));
	}

	private static void usage(String mediaId, String json) {
		media.stubFor(WireMock.get("/api/media/" + mediaId + "/usage").willReturn(WireMock.okJson(json)));
	}

	private void assertStillDraft(String id) {
		Map<?, ?> article = articleAsEditor(id);
		assertThat(article.get("status")).isEqualTo("DRAFT");
		assertThat(article.get("firstPublishedAt")).isNull();
		http.get().uri("/api/articles/{id}", id).exchange().expectStatus().isNotFound();
	}
}
