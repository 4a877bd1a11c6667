package org.newsroom.gateway.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.gateway.NewsroomFixtures;
import org.newsroom.gateway.PageTestSupport;
import org.newsroom.gateway.desk.DeskSessions;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.gateway.NewsroomFixtures.SLUG;
import static org.newsroom.gateway.NewsroomFixtures.write;

/**
 * Every kind of page readers get, and the desk's preview, through the Nu HTML Checker: no error.
 * The pages are served with the full story (photo, quotes, corrections, related, Top 10), so each
 * part of each template is checked.
 */
class ValidHtmlTest extends PageTestSupport {

	private void serveEverything() {
		NewsroomFixtures.serveStory(articles, media, rankings);
		Map<String, Object> story = NewsroomFixtures.article(SLUG, NewsroomFixtures.HEADLINE, List.of());
		String list = write(Map.of("items", List.of(story), "nextCursor", "bmV4dA=="));
		articles.stubFor(get(urlPathEqualTo("/api/articles")).willReturn(okJson(list)));
		articles.stubFor(get(urlPathEqualTo("/api/articles")).withQueryParam("q", equalTo("zeppelin"))
			.willReturn(okJson("{\"items\": [], \"nextCursor\": null}")));
		articles.stubFor(get(urlEqualTo("/api/articles/slug/no-such-story")).willReturn(aResponse().withStatus(404)));
		articles.stubFor(get(urlEqualTo("/api/articles/slug/withdrawn-story")).willReturn(aResponse().withStatus(410)));
	}

	@Test
	void everyKindOfPageIsValidHtml() {
		serveEverything();
		Map<String, Integer> pages = new java.util.LinkedHashMap<>();
		pages.put("/", 200);
		pages.put("/news/" + SLUG, 200);
		pages.put("/section/world", 200);
		pages.put("/tag/climate", 200);
		pages.put("/search", 200);
		pages.put("/search?q=glacier", 200);
		pages.put("/search?q=zeppelin", 200);
		pages.put("/news/no-such-story", 404);
		pages.put("/news/withdrawn-story", 410);
		pages.put("/section/astrology", 404);
		Map<String, String> served = new java.util.LinkedHashMap<>();
		for (Map.Entry<String, Integer> page : pages.entrySet()) {
			served.put(page.getKey(), page(page.getKey(), page.getValue()));
		}
		articles.stubFor(get(urlPathEqualTo("/api/articles/slug/" + SLUG)).willReturn(aResponse().withStatus(500)));
		served.put("/news/" + SLUG + " (503)", page("/news/" + SLUG, 503));
		assertThat(served).hasSize(11);
		assertThat(NuHtmlChecker.errors(served)).isEmpty();
	}

	@Test
	void theDesksPreviewIsValidHtml() {
		serveEverything();
		Map<String, Object> draft = new java.util.HashMap<>(
				NewsroomFixtures.article(SLUG, NewsroomFixtures.HEADLINE, NewsroomFixtures.storyBody()));
		draft.put("status", "DRAFT");
		articles.stubFor(get(urlEqualTo("/api/articles/" + NewsroomFixtures.ARTICLE_ID)).willReturn(okJson(write(draft))));
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		String html = http.get().uri("/desk/stories/" + NewsroomFixtures.ARTICLE_ID + "/preview")
			.header(HttpHeaders.COOKIE, editor.cookie()).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(html).contains("Preview, not published");
		assertThat(NuHtmlChecker.errors(Map.of("preview", html))).isEmpty();
	}

	/** The checker is not a test that cannot fail: it finds what it is there to find. */
	@Test
	void theCheckerReportsInvalidHtml() {
		assertThat(NuHtmlChecker.errors(Map.of("invalid", "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head>"
				+ "<body><p><div>block in a paragraph's place</div><img src=\"a.png\"></body></html>")))
			.anySatisfy(error -> assertThat(error).contains("alt"));
	}
}
