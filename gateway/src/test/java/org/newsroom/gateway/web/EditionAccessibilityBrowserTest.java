package org.newsroom.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.gateway.NewsroomFixtures;


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
 * axe-core (Deque's accessibility rules engine, the one browsers' audits use) on the web edition's
 * pages as Chromium draws them, desktop and phone sized: the home page, an article, a section, a
 * search with and without results, and the 404 and 410 pages. No serious or critical violation,
 * with the experimental rule that a control's name contains its visible label turned on.
 * Skipped, saying why, only where Chromium is not installed (CI installs it: .ci/run).
 */
class EditionAccessibilityBrowserTest extends BrowserPageTestSupport {

	private static String axe;

	@BeforeAll
	static void axeCore() throws IOException {
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		try (InputStream script = EditionAccessibilityBrowserTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
			assertThat(script).as("axe.min.js on the test class path (com.deque.html.axe-core:selenium)").isNotNull();
			axe = new String(script.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void noPageHasASeriousOrCriticalViolation() {
		NewsroomFixtures.serveStory(articles, media, rankings);
		Map<String, Object> story = NewsroomFixtures.article(SLUG, NewsroomFixtures.HEADLINE, List.of());
		Map<String, Object> second = NewsroomFixtures.article("dam-built-to-shield-alpine-hamlet",
				"Dam built to shield Alpine hamlet from debris flows", List.of());
		second.put("leadMediaId", null);
		articles.stubFor(get(urlPathEqualTo("/api/articles"))
			.willReturn(okJson(write(Map.of("items", List.of(story, second), "nextCursor", "bmV4dA==")))));
		articles.stubFor(get(urlPathEqualTo("/api/articles")).withQueryParam("q", equalTo("zeppelin"))
			.willReturn(okJson("{\"items\": [], \"nextCursor\": null}")));
		articles.stubFor(get(urlEqualTo("/api/articles/slug/no-such-story")).willReturn(aResponse().withStatus(404)));
		articles.stubFor(get(urlEqualTo("/api/articles/slug/withdrawn-story")).willReturn(aResponse().withStatus(410)));

		List<String> pages = List.of("/", "/news/" + SLUG, "/section/world", "/tag/climate", "/search?q=glacier",
				"/search?q=zeppelin", "/news/no-such-story", "/news/withdrawn-story");
		for (org.openqa.selenium.Dimension size : List.of(new org.openqa.selenium.Dimension(1280, 1900),
				new org.openqa.selenium.Dimension(390, 844))) {
			browser.manage().window().setSize(size);
			for (String page : pages) {
				browser.get("http://localhost:" + port + page);
				assertThat(violations()).as("axe-core on %s at %s", page, size).isEmpty();
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> violations() {
		browser.executeScript(axe);
		return (List<String>) browser.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				// label-content-name-mismatch (WCAG 2.5.3) is one of axe's experimental rules, off unless asked for
				axe.run(document, {resultTypes: ['violations'], rules: {'label-content-name-mismatch': {enabled: true}}})
				  .then(function (results) {
				  done(results.violations
				    .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
				    .map(function (v) {
				      return v.id + ' (' + v.impact + '): ' + v.help + ' at '
				        + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');
				    }));
				}, function (error) { done(['axe-core failed: ' + error]); });
				""");
	}
}
