package org.newsroom.gateway.page;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.gateway.NewsroomFixtures;
import org.newsroom.gateway.PageTestSupport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.newsroom.gateway.NewsroomFixtures.HEADLINE;
import static org.newsroom.gateway.NewsroomFixtures.SLUG;
import static org.newsroom.gateway.NewsroomFixtures.write;

/**
 * {@code GET /api/pages/home} and {@code GET /api/pages/sections/{name}}: one answer per app
 * screen, degraded the same way as the article page's.
 */
class ScreenCompositesTest extends PageTestSupport {

	private static void serveSection(String section, List<Map<String, Object>> items, String nextCursor) {
		Map<String, Object> page = new java.util.HashMap<>();
		page.put("items", items);
		page.put("nextCursor", nextCursor);
		articles.stubFor(get(urlPathEqualTo("/api/articles")).withQueryParam("section", equalTo(section))
			.willReturn(okJson(write(page))));
	}

	private static void serveTop() {
		rankings.stubFor(get(urlPathEqualTo("/api/rankings/top")).willReturn(okJson(write(NewsroomFixtures.top()))));
	}

	@Test
	void theHomeScreenHasEachSectionsLatestArticlesAsSentAndTheTopTen() {
		serveTop();
		serveSection("world", List.of(NewsroomFixtures.article(SLUG, HEADLINE, List.of())), null);
		serveSection("national", List.of(), null);
		serveSection("business", List.of(), null);
		http.get().uri("/api/pages/home").exchange()
			.expectStatus().isOk()
			.expectHeader().contentType(MediaType.APPLICATION_JSON)
			.expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> org.assertj.core.api.Assertions.assertThat(value).contains("public"))
			.expectHeader().exists(HttpHeaders.ETAG)
			.expectBody()
			.jsonPath("$.sections.length()").isEqualTo(1)
			.jsonPath("$.sections[0].name").isEqualTo("world")
			.jsonPath("$.sections[0].articles[0].slug").isEqualTo(SLUG)
			// passed on as article-service sent it, fields the gateway does not read included
			.jsonPath("$.sections[0].articles[0].dateline").isEqualTo("VALDORA, Switzerland")
			.jsonPath("$.top.items.length()").isEqualTo(10)
			.jsonPath("$.degraded").isEmpty();
	}

	@Test
	void withRankingDownTheHomeScreenHasNoTopAndSaysSo() {
		serveSection("world", List.of(NewsroomFixtures.article(SLUG, HEADLINE, List.of())), null);
		serveSection("national", List.of(), null);
		articles.stubFor(get(urlPathEqualTo("/api/articles")).withQueryParam("section", equalTo("business"))
			.willReturn(aResponse().withStatus(500)));
		rankings.stubFor(get(urlPathEqualTo("/api/rankings/top")).willReturn(aResponse().withStatus(503)));
		http.get().uri("/api/pages/home").exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody()
			.jsonPath("$.top").isEmpty()
			.jsonPath("$.sections[0].name").isEqualTo("world")
			.jsonPath("$.degraded").isEqualTo(List.of("section:business", "top"));
	}

	@Test
	void withArticleServiceDownTheHomeScreenIsA503Problem() {
		serveTop();
		articles.stubFor(get(urlPathEqualTo("/api/articles")).willReturn(aResponse().withStatus(500)));
		http.get().uri("/api/pages/home").exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().exists(HttpHeaders.RETRY_AFTER);
	}

	@Test
	void aSectionScreenHasOnePageOfArticlesTheCursorToTheNextAndTheTopTen() {
		serveTop();
		serveSection("world", List.of(NewsroomFixtures.article(SLUG, HEADLINE, List.of())), "bmV4dA==");
		http.get().uri("/api/pages/sections/world").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.section").isEqualTo("world")
			.jsonPath("$.items[0].headline").isEqualTo(HEADLINE)
			.jsonPath("$.nextCursor").isEqualTo("bmV4dA==")
			.jsonPath("$.top.items.length()").isEqualTo(10)
			.jsonPath("$.degraded").isEmpty();
		articles.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/api/articles"))
			.withQueryParam("section", equalTo("world")).withQueryParam("size", equalTo("20")));
	}

	@Test
	void theNextPageOfASectionIsAskedWithItsCursor() {
		serveTop();
		articles.stubFor(get(urlPathEqualTo("/api/articles")).withQueryParam("section", equalTo("world"))
			.withQueryParam("cursor", equalTo("bmV4dA=="))
			.willReturn(okJson("{\"items\": [], \"nextCursor\": null}")));
		http.get().uri(uri -> uri.path("/api/pages/sections/world").queryParam("cursor", "{c}").build("bmV4dA=="))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.items").isEmpty()
			.jsonPath("$.nextCursor").isEmpty();
	}

	@Test
	void withRankingDownASectionScreenHasNoTopAndSaysSo() {
		serveSection("world", List.of(NewsroomFixtures.article(SLUG, HEADLINE, List.of())), null);
		rankings.stubFor(get(urlPathEqualTo("/api/rankings/top")).willReturn(aResponse().withStatus(503)));
		http.get().uri("/api/pages/sections/world").exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody()
			.jsonPath("$.top").isEmpty()
			.jsonPath("$.items[0].slug").isEqualTo(SLUG)
			.jsonPath("$.degraded").isEqualTo(List.of("top"));
	}

	@Test
	void anUnknownSectionIsA404ProblemAndABadCursorA400() {
		http.get().uri("/api/pages/sections/astrology").exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertNothingReached(articles);
		serveTop();
		articles.stubFor(get(urlPathEqualTo("/api/articles")).withQueryParam("cursor", equalTo("junk"))
			.willReturn(aResponse().withStatus(400)));
		http.get().uri("/api/pages/sections/world?cursor=junk").exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
	}

	@Test
	void theScreensAreInTheGatewaysOpenApiDocumentWithTheirProblems() {
		http.get().uri("/v3/api-docs").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.paths['/api/pages/home'].get.responses['200']").exists()
			.jsonPath("$.paths['/api/pages/home'].get.responses['503'].content['application/problem+json']").exists()
			.jsonPath("$.paths['/api/pages/sections/{name}'].get.responses['404'].content['application/problem+json']").exists()
			.jsonPath("$.paths['/api/pages/sections/{name}'].get.parameters[?(@.name == 'cursor')].required").isEqualTo(false)
			.jsonPath("$.components.schemas.SectionPage.properties.nextCursor").exists()
			.jsonPath("$.components.schemas.HomePage.properties.sections").exists();
	}

	@Test
	void withArticleServiceDownASectionScreenIsA503Problem() {
		serveTop();
		articles.stubFor(get(urlPathEqualTo("/api/articles")).willReturn(aResponse().withStatus(502)));
		http.get().uri("/api/pages/sections/world").exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().exists(HttpHeaders.RETRY_AFTER);
	}
}
