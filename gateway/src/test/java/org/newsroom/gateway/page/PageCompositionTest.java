package org.newsroom.gateway.page;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.newsroom.gateway.PageTestSupport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.gateway.NewsroomFixtures.ARTICLE_ID;
import static org.newsroom.gateway.NewsroomFixtures.CREDIT;
import static org.newsroom.gateway.NewsroomFixtures.HEADLINE;
import static org.newsroom.gateway.NewsroomFixtures.PHOTO_ID;
import static org.newsroom.gateway.NewsroomFixtures.SLUG;
import static org.newsroom.gateway.NewsroomFixtures.article;
import static org.newsroom.gateway.NewsroomFixtures.serveArticle;
import static org.newsroom.gateway.NewsroomFixtures.serveStory;
import static org.newsroom.gateway.NewsroomFixtures.storyBody;
import static org.newsroom.gateway.NewsroomFixtures.write;

/** {@code GET /api/pages/articles/{slug}}: the whole page, and each way it degrades. */
class PageCompositionTest extends PageTestSupport {

	private static final String PAGE = "/api/pages/articles/" + SLUG;

	@Test
	void aFullPageHasTheArticleItsPhotoTheTopTenAndRelatedArticles() {
		serveStory(articles, media, rankings);
		http.get().uri(PAGE).header("X-Request-Id", "page-test-0001").exchange()
			.expectStatus().isOk()
			.expectHeader().contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.article.id").isEqualTo(ARTICLE_ID)
			.jsonPath("$.article.headline").isEqualTo(HEADLINE)
			.jsonPath("$.article.seo.canonicalUrl").exists()
			.jsonPath("$.leadImage.id").isEqualTo(PHOTO_ID)
			.jsonPath("$.leadImage.credit").isEqualTo(CREDIT)
			.jsonPath("$.leadImage.renditions.length()").isEqualTo(5)
			.jsonPath("$.top.window").isEqualTo("24h")
			.jsonPath("$.top.items.length()").isEqualTo(10)
			.jsonPath("$.related.length()").isEqualTo(2)
			.jsonPath("$.related[0].slug").isEqualTo("swiss-glaciers-lose-four-percent-of-ice-in-a-year")
			.jsonPath("$.degraded").isEmpty();
		articles.verify(getRequestedFor(urlPathEqualTo("/api/articles/summaries"))
			.withQueryParam("ids", equalTo("6750a1b2c3d4e5f601234568,6750a1b2c3d4e5f601234569"))
			.withHeader("X-Request-Id", equalTo("page-test-0001")));
		media.verify(getRequestedFor(urlEqualTo("/api/media/" + PHOTO_ID)).withHeader("X-Request-Id", equalTo("page-test-0001"))
			.withHeader("traceparent", com.github.tomakehurst.wiremock.client.WireMock.matching("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")));
		rankings.verify(getRequestedFor(urlEqualTo("/api/rankings/top?window=24h&limit=10"))
			.withHeader("X-Request-Id", equalTo("page-test-0001")));
	}

	@Test
	void aMissingArticleIs404AndNothingElseIsAsked() {
		articles.stubFor(get(urlPathMatching("/api/articles/slug/.*")).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/problem+json").withBody("{\"status\": 404}")));
		http.get().uri("/api/pages/articles/no-such-story").exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:not-found");
		media.verify(0, anyRequestedFor(urlPathMatching("/api/.*")));
		rankings.verify(0, anyRequestedFor(urlPathMatching("/api/.*")));
	}

	@Test
	void aSlugThatCannotExistIsRefusedWithoutAskingAnyService() {
		http.get().uri("/api/pages/articles/..%2F..%2Fadmin").exchange().expectStatus().is4xxClientError();
		http.get().uri("/api/pages/articles/{slug}", "a b<script>").exchange().expectStatus().isNotFound();
		articles.verify(0, anyRequestedFor(urlPathMatching("/api/.*")));
	}

	@Test
	void articleServiceFailingIs503WithRetryAfter() {
		articles.stubFor(get(urlPathMatching("/api/articles/slug/.*"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		http.get().uri(PAGE).exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().exists(HttpHeaders.RETRY_AFTER)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("article"));
	}

	@Test
	void aHangingArticleServiceIs503WithinTheArticleTimeLimit() {
		articles.stubFor(get(urlPathMatching("/api/articles/slug/.*")).willReturn(okJson("{}").withFixedDelay(10_000)));
		long started = System.nanoTime();
		http.get().uri(PAGE).exchange().expectStatus().isEqualTo(503);
		// the article's 1 s limit (with room for a busy machine), not the service's 10 s
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3000));
	}

	@Test
	void mediaDownLeavesThePhotoOutAndSaysSo() {
		serveStory(articles, media, rankings);
		media.stubFor(get(urlEqualTo("/api/media/" + PHOTO_ID)).willReturn(aResponse().withStatus(500)));
		http.get().uri(PAGE).exchange()
			.expectStatus().isOk()
			.expectHeader().value(HttpHeaders.CACHE_CONTROL, v -> assertThat(v).contains("no-store"))
			.expectBody()
			.jsonPath("$.article.headline").isEqualTo(HEADLINE)
			.jsonPath("$.leadImage").isEmpty()
			.jsonPath("$.top.items.length()").isEqualTo(10)
			.jsonPath("$.degraded").isEqualTo(java.util.List.of("leadImage"));
	}

	@Test
	void aHangingRankingServiceCostsTheTopListNotThePage() {
		serveStory(articles, media, rankings);
		rankings.stubFor(get(urlPathEqualTo("/api/rankings/top")).willReturn(okJson("{}").withFixedDelay(5000)));
		long started = System.nanoTime();
		http.get().uri(PAGE).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.top").isEmpty()
			.jsonPath("$.leadImage.credit").isEqualTo(CREDIT)
			.jsonPath("$.degraded").isEqualTo(java.util.List.of("top"));
		// the Top list's 400 ms limit, not ranking's 5 s
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
	}

	@Test
	void whenEveryPartHangsThePageStillAnswersWithinTheLimits() {
		serveArticle(articles, article(SLUG, HEADLINE, storyBody()));
		articles.stubFor(get(urlPathEqualTo("/api/articles/summaries")).willReturn(okJson("{}").withFixedDelay(5000)));
		media.stubFor(get(urlEqualTo("/api/media/" + PHOTO_ID)).willReturn(okJson("{}").withFixedDelay(5000)));
		rankings.stubFor(get(urlPathEqualTo("/api/rankings/top")).willReturn(okJson("{}").withFixedDelay(5000)));
		long started = System.nanoTime();
		http.get().uri(PAGE).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.article.headline").isEqualTo(HEADLINE)
			.jsonPath("$.leadImage").isEmpty()
			.jsonPath("$.top").isEmpty()
			.jsonPath("$.related").isEmpty()
			.jsonPath("$.degraded.length()").isEqualTo(3);
		// parts run in parallel: about one 400 ms limit, never three of them, let alone 5 s
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1200));
	}

	@Test
	void anArticleWithoutPhotoOrRelatedArticlesIsNotDegraded() {
		Map<String, Object> plain = article("short-notice", "Short notice", storyBody().subList(0, 2));
		plain.put("leadMediaId", null);
		plain.put("relatedIds", java.util.List.of());
		serveArticle(articles, plain);
		rankings.stubFor(get(urlPathEqualTo("/api/rankings/top")).willReturn(okJson(write(org.newsroom.gateway.NewsroomFixtures.top()))));
		http.get().uri("/api/pages/articles/short-notice").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.leadImage").isEmpty()
			.jsonPath("$.related").isEmpty()
			.jsonPath("$.degraded").isEmpty();
		media.verify(0, anyRequestedFor(urlPathMatching("/api/.*")));
	}

	@Test
	void aPhotoThatWasTakenDownIsNeverShown() {
		serveStory(articles, media, rankings);
		Map<String, Object> takenDown = new java.util.HashMap<>(org.newsroom.gateway.NewsroomFixtures.photo());
		takenDown.put("status", "TAKEN_DOWN");
		takenDown.put("renditions", java.util.List.of());
		media.stubFor(get(urlEqualTo("/api/media/" + PHOTO_ID)).willReturn(okJson(write(takenDown))));
		http.get().uri(PAGE).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.leadImage").isEmpty()
			.jsonPath("$.degraded").isEmpty();
	}
}
