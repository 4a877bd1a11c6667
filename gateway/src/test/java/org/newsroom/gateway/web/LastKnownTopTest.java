package org.newsroom.gateway.web;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.newsroom.gateway.PageTestSupport;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.gateway.NewsroomFixtures.SLUG;
import static org.newsroom.gateway.NewsroomFixtures.serveStory;

/**
 * docs/architecture.md, "When something is down": with ranking-service down, a reader's page shows the last-known Top 10;
 * the app's page JSON says plainly that the part is missing.
 */
class LastKnownTopTest extends PageTestSupport {

	@DynamicPropertySource
	static void rememberTheTopList(DynamicPropertyRegistry registry) {
		registry.add("newsroom.pages.last-known-top-age", () -> "15m");
	}

	@Test
	void readersSeeTheLastKnownTopTenWhileRankingIsDownAndAppsAreToldItIsMissing() {
		serveStory(articles, media, rankings);
		assertThat(page("/news/" + SLUG, 200)).contains("Seoul subway adds late-night trains");

		rankings.stubFor(get(urlPathEqualTo("/api/rankings/top"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThat(page("/news/" + SLUG, 200)).contains("Seoul subway adds late-night trains")
			.doesNotContain("The most-read list is not available right now.");
		http.get().uri("/api/pages/articles/" + SLUG).accept(MediaType.APPLICATION_JSON).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.top").isEmpty()
			.jsonPath("$.degraded[0]").isEqualTo("top");
	}

	@Test
	void aRestartedRankingServiceWithoutItsFirstListDoesNotHideTheLastKnownTopTenFromReaders() {
		serveStory(articles, media, rankings);
		assertThat(page("/news/" + SLUG, 200)).contains("Seoul subway adds late-night trains");

		// what ranking-service answers after a restart until its first refresh has worked
		rankings.stubFor(get(urlPathEqualTo("/api/rankings/top")).willReturn(okJson(
				"{\"window\": \"24h\", \"section\": null, \"generatedAt\": null, \"stale\": true, \"items\": []}")));

		assertThat(page("/news/" + SLUG, 200)).contains("Seoul subway adds late-night trains")
			.doesNotContain("The most-read list is not available right now.");
		// the app is told what ranking-service said: an empty list, marked stale
		http.get().uri("/api/pages/articles/" + SLUG).accept(MediaType.APPLICATION_JSON).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.top.stale").isEqualTo(true)
			.jsonPath("$.degraded").isEmpty();
	}
}
