package org.newsroom.gateway.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.gateway.NewsroomFixtures;
import org.newsroom.gateway.PageTestSupport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.gateway.NewsroomFixtures.SLUG;
import static org.newsroom.gateway.NewsroomFixtures.write;

/**
 * The pages beyond the home page and the article: navigation on every page, section pages with
 * paging, tag pages, search, and the 404 and 410 pages, with their feeds in every head.
 */
class EditionPagesTest extends PageTestSupport {

	private static Map<String, Object> summary(String slug, String headline) {
		Map<String, Object> item = new java.util.LinkedHashMap<>(NewsroomFixtures.article(slug, headline, List.of()));
		return item;
	}

	private static void serveList(String parameter, String value, String cursor, List<Map<String, Object>> items,
			String nextCursor) {
		Map<String, Object> page = new java.util.HashMap<>();
		page.put("items", items);
		page.put("nextCursor", nextCursor);
		articles.stubFor(get(urlPathEqualTo("/api/articles")).withQueryParam(parameter, equalTo(value))
			.withQueryParam("size", equalTo("20"))
			.withQueryParam("cursor", cursor != null ? equalTo(cursor) : absent())
			.willReturn(okJson(write(page))));
	}

	/** A page with one query parameter, its value sent encoded as a browser would. */
	private String encoded(String path, String parameter, String value, int status) {
		return http.get().uri(uri -> uri.path(path).queryParam(parameter, "{value}").build(value))
			.accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isEqualTo(status)
			.expectBody(String.class).returnResult().getResponseBody();
	}

	private static void serveTop() {
		rankings.stubFor(get(urlPathEqualTo("/api/rankings/top")).willReturn(okJson(write(NewsroomFixtures.top()))));
	}

	@Test
	void aSectionPageListsItsStoriesNewestFirstWithALinkToOlderOnes() {
		serveTop();
		serveList("section", "world", null, List.of(summary(SLUG, NewsroomFixtures.HEADLINE),
				summary("dam-built-to-shield-alpine-hamlet", "Dam built to shield Alpine hamlet")), "b2xkZXI+Ly8=");
		String html = page("/section/world", 200);
		assertThat(html).contains("<h1 class=\"list-title\">World</h1>")
			.contains("href=\"/news/" + SLUG + "\"", "href=\"/news/dam-built-to-shield-alpine-hamlet\"")
			.contains("<a rel=\"next\" href=\"/section/world?cursor=b2xkZXI%2BLy8%3D\">Older stories</a>")
			.contains("<link rel=\"canonical\" href=\"" + NewsroomFixtures.BASE_URL + "/section/world\">")
			.contains("Top 10 Stories", "Museum returns looted scrolls")
			.doesNotContain("noindex");
		assertThat(html.indexOf(NewsroomFixtures.HEADLINE)).isLessThan(html.indexOf("Dam built to shield"));
		// its own feeds beside the site's
		assertThat(html).contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"The Daily Meridian World (RSS)\" href=\"/feeds/world/rss.xml\">")
			.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"The Daily Meridian World (Atom)\" href=\"/feeds/world/atom.xml\">")
			.contains("href=\"/feeds/rss.xml\"", "href=\"/feeds/atom.xml\"");
		// the navigation marks where the reader is
		assertThat(html).contains("<a href=\"/section/world\" aria-current=\"page\">World</a>")
			.contains("<a href=\"/section/national\">National</a>", "<a href=\"/section/business\">Business</a>");
	}

	@Test
	void theOlderPageIsAskedWithTheCursorAndKeptOutOfSearchEngines() {
		serveTop();
		serveList("section", "world", "b2xkZXI+Ly8=", List.of(summary("older-story", "An older story")), null);
		String html = encoded("/section/world", "cursor", "b2xkZXI+Ly8=", 200);
		assertThat(html).contains("An older story").contains("<meta name=\"robots\" content=\"noindex\">")
			.doesNotContain("Older stories", "rel=\"canonical\"");
		articles.verify(getRequestedFor(urlPathEqualTo("/api/articles")).withQueryParam("cursor", equalTo("b2xkZXI+Ly8=")));
	}

	@Test
	void aCursorArticleServiceRefusesIsA400PageAndDoesNotOpenTheBreaker() {
		serveTop();
		articles.stubFor(get(urlPathEqualTo("/api/articles")).withQueryParam("cursor", equalTo("junk"))
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
				.withBody("{\"status\": 400, \"title\": \"Bad Request\"}")));
		for (int i = 0; i < 12; i++) {
			page("/section/world?cursor=junk", 400);
		}
		assertThat(breakers.named("page-latest").getState().name()).isEqualTo("CLOSED");
	}

	@Test
	void anUnknownSectionIsA404PageWithTheNavigation() {
		String html = page("/section/astrology", 404);
		assertThat(html).contains("We could not find that page", "<meta name=\"robots\" content=\"noindex\">")
			.contains("<a href=\"/section/world\">World</a>", "href=\"/feeds/rss.xml\"");
		assertNothingReached(articles);
	}

	@Test
	void everyPageHasTheNavigationAndTheSiteFeeds() {
		NewsroomFixtures.serveStory(articles, media, rankings);
		articles.stubFor(get(urlPathEqualTo("/api/articles")).willReturn(okJson("{\"items\": [], \"nextCursor\": null}")));
		articles.stubFor(get(urlPathEqualTo("/api/articles/slug/no-such-story")).willReturn(aResponse().withStatus(404)));
		for (String path : List.of("/", "/news/" + SLUG, "/search", "/search?q=glacier", "/news/no-such-story")) {
			String html = http.get().uri(path).accept(MediaType.TEXT_HTML).exchange()
				.expectBody(String.class).returnResult().getResponseBody();
			assertThat(html).as(path)
				.contains("<nav class=\"sections\" aria-label=\"Sections\">")
				.contains("<a href=\"/section/national\">National</a>")
				.contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"The Daily Meridian (RSS)\" href=\"/feeds/rss.xml\">")
				.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"The Daily Meridian (Atom)\" href=\"/feeds/atom.xml\">")
				.contains("<link rel=\"icon\" href=\"/favicon.ico\"");
		}
	}

	@Test
	void aWithdrawnArticleIsA410PageThatSaysSoAndIsNotIndexed() {
		serveTop();
		articles.stubFor(get(urlPathEqualTo("/api/articles/slug/withdrawn-story")).willReturn(aResponse().withStatus(410)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"type\": \"urn:newsroom:problem:article-withdrawn\", \"status\": 410}")));
		http.get().uri("/news/withdrawn-story").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isEqualTo(410)
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).value(html -> assertThat(html)
				.contains("This article has been withdrawn", "<meta name=\"robots\" content=\"noindex\">")
				.contains("<nav class=\"sections\" aria-label=\"Sections\">")
				.doesNotContain("We could not find"));
		// apps get the same answer as a problem
		http.get().uri("/api/pages/articles/withdrawn-story").exchange()
			.expectStatus().isEqualTo(410)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:article-withdrawn");
	}

	@Test
	void aTagPageListsItsStoriesAndATagWithoutStoriesIsA404() {
		serveTop();
		serveList("tag", "climate", null, List.of(summary(SLUG, NewsroomFixtures.HEADLINE)), null);
		serveList("tag", "nothing-here", null, List.of(), null);
		assertThat(page("/tag/climate", 200)).contains("Tagged <span>climate</span>", "href=\"/news/" + SLUG + "\"")
			.contains("<link rel=\"canonical\" href=\"" + NewsroomFixtures.BASE_URL + "/tag/climate\">");
		assertThat(page("/tag/nothing-here", 404)).contains("We could not find that page");
	}

	@Test
	void searchKeepsTheQueryInTheBoxAndFindsEnglishAndKoreanStories() {
		serveTop();
		serveList("q", "glacier & ice", null, List.of(summary(SLUG, NewsroomFixtures.HEADLINE)), null);
		serveList("q", "빙하", null, List.of(summary("bingha-story", "알프스 마을, 빙하 후퇴로 이전 결정")), null);
		String english = encoded("/search", "q", "glacier & ice", 200);
		assertThat(english).contains("value=\"glacier &amp; ice\"", "Results for <q>glacier &amp; ice</q>")
			.contains("href=\"/news/" + SLUG + "\"", "<meta name=\"robots\" content=\"noindex\">")
			.contains("<title>Search: glacier &amp; ice | The Daily Meridian</title>");
		String korean = encoded("/search", "q", "빙하", 200);
		assertThat(korean).contains("value=\"빙하\"", "알프스 마을, 빙하 후퇴로 이전 결정", "href=\"/news/bingha-story\"");
	}

	@Test
	void aSearchWithNoResultsSaysSo() {
		serveTop();
		serveList("q", "zeppelin", null, List.of(), null);
		assertThat(page("/search?q=zeppelin", 200)).contains("No results for <q>zeppelin</q>", "value=\"zeppelin\"")
			.doesNotContain("class=\"stories\"");
	}

	@Test
	void theSearchPageWithoutAQueryShowsTheBoxAndAsksNothing() {
		assertThat(page("/search", 200)).contains("<form class=\"search-form\" role=\"search\" action=\"/search\" method=\"get\">")
			.doesNotContain("No results");
		assertNothingReached(articles);
	}

	@Test
	void aSearchTooLongIsA400PageThatKeepsTheBox() {
		String html = page("/search?q=" + "a".repeat(201), 400);
		assertThat(html).contains("at most 200 characters", "<form class=\"search-form\"");
		assertNothingReached(articles);
	}

	@Test
	void withArticleServiceDownASectionIsA503Page() {
		serveTop();
		articles.stubFor(get(urlPathEqualTo("/api/articles")).willReturn(aResponse().withStatus(500)));
		http.get().uri("/section/world").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().exists(HttpHeaders.RETRY_AFTER)
			.expectBody(String.class).value(html -> assertThat(html).contains("temporarily unavailable"));
	}

	@Test
	void withRankingDownASectionPageIsServedWithoutTheTopTenAndNotKept() {
		serveList("section", "world", null, List.of(summary(SLUG, NewsroomFixtures.HEADLINE)), null);
		rankings.stubFor(get(urlPathEqualTo("/api/rankings/top")).willReturn(aResponse().withStatus(503)));
		http.get().uri("/section/world").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody(String.class).value(html -> assertThat(html).contains(NewsroomFixtures.HEADLINE)
				.contains("The most-read list is not available right now."));
	}
}
