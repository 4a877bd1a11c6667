package org.newsroom.gateway.web;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.newsroom.gateway.NewsroomFixtures;
import org.newsroom.gateway.PageTestSupport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.gateway.NewsroomFixtures.CANONICAL;
import static org.newsroom.gateway.NewsroomFixtures.CAPTION;
import static org.newsroom.gateway.NewsroomFixtures.CREDIT;
import static org.newsroom.gateway.NewsroomFixtures.SLUG;
import static org.newsroom.gateway.NewsroomFixtures.article;
import static org.newsroom.gateway.NewsroomFixtures.paragraph;
import static org.newsroom.gateway.NewsroomFixtures.quote;
import static org.newsroom.gateway.NewsroomFixtures.serveArticle;
import static org.newsroom.gateway.NewsroomFixtures.serveStory;
import static org.newsroom.gateway.NewsroomFixtures.write;

/** The HTML pages as served: content, head tags, escaping, degraded modes and error pages. */
class WebEditionTest extends PageTestSupport {

	@Test
	void theArticlePageShowsTheStoryWithItsPhotoCreditSourceAndTopTen() {
		serveStory(articles, media, rankings);
		String html = page("/news/" + SLUG, 200);
		assertThat(html).contains("<h1 class=\"headline\">Alpine village votes to move as glacier above it retreats</h1>")
			.contains(CAPTION.replace("'", "&#39;"))
			.contains("<span class=\"credit\">" + CREDIT + "</span>")
			.contains("<p class=\"source\">(AFP)</p>")
			.contains("<strong>buy time</strong>", "<em>natural disasters</em>")
			.contains("<a href=\"https://www.glamos.ch/en/\" rel=\"nofollow noopener noreferrer\">GLAMOS</a>")
			.contains("— Mayor Lukas Imboden")
			.contains("VALDORA, Switzerland")
			.contains("datetime=\"2026-11-27T06:10:00Z\"")
			.contains("Nov 27, 2026, 15:10 KST")
			.contains("An earlier version of this article gave the wrong height")
			.contains("Top 10 Stories", "Seoul subway adds late-night trains for the year-end rush",
					"Film festival opens with debut of first-time director")
			.contains("Swiss glaciers lose four percent of their ice in a year")
			.contains("data-article-id=\"6750a1b2c3d4e5f601234567\"")
			.contains("srcset=\"/api/media/6750a1b2c3d4e5f6089abcde/renditions/thumb 320w")
			.contains("href=\"https://news.example.org/letters\">LETTER</a>")
			.doesNotContain("renditions/og 1200w");
		assertThat(html).contains("<link rel=\"canonical\" href=\"" + CANONICAL + "\">")
			.contains("<meta property=\"og:title\" content=\"Alpine village votes to move as glacier above it retreats\">")
			.contains("<meta property=\"og:image\" content=\"https://news.example.org/api/media/6750a1b2c3d4e5f6089abcde/renditions/og\">")
			.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">")
			.contains("<meta property=\"og:site_name\" content=\"The Daily Meridian\">");
		assertThat(html.split("<head>", -1)).as("one <head> element").hasSize(2);
		assertThat(html)
			.contains("<script type=\"application/ld+json\">{", "\"@context\":\"https://schema.org\"");
		assertThat(html.split("class=\"font-step\"", -1)).hasSize(6);
	}

	@Test
	void theShareBarCarriesTheCanonicalAddress() {
		serveStory(articles, media, rankings);
		String html = page("/news/" + SLUG, 200);
		String encoded = java.net.URLEncoder.encode(CANONICAL, java.nio.charset.StandardCharsets.UTF_8);
		assertThat(html).contains("class=\"share-facebook\" href=\"https://www.facebook.com/sharer/sharer.php?u=" + encoded + "\"")
			.contains("class=\"share-x\" href=\"https://x.com/intent/post?url=" + encoded)
			.contains("class=\"share-kakao\" href=\"https://sharer.kakao.com/")
			.contains("class=\"share-mail\" href=\"mailto:?subject=")
			.contains("data-copy-link=\"" + CANONICAL + "\"");
	}

	@Test
	void withoutAKakaoLinkTheKakaoButtonIsLeftOut() {
		Map<String, Object> story = article(SLUG, "No Kakao here", List.of(paragraph("Text.")));
		@SuppressWarnings("unchecked")
		Map<String, Object> share = new java.util.HashMap<>((Map<String, Object>) story.get("share"));
		share.remove("kakao");
		story.put("share", share);
		serveStory(articles, media, rankings);
		serveArticle(articles, story);
		assertThat(page("/news/" + SLUG, 200)).doesNotContain("share-kakao").contains("share-facebook");
	}

	@Test
	void scriptsAndMarkupInArticleTextAreShownAsText() {
		Map<String, Object> hostile = article("hostile", "<script>alert('headline')</script> Breaking",
				List.of(paragraph("<img src=x onerror=alert(1)> and **bold** and [click](javascript:alert(2))"),
						quote("</blockquote><script>alert(3)</script>", "<b>Someone</b>")));
		hostile.put("seo", Map.of("title", "<script>alert(4)</script>", "canonicalUrl", "javascript:alert(5)",
				"jsonLd", Map.of("@type", "NewsArticle", "headline", "</script><script>alert(6)</script>")));
		hostile.put("source", "AFP\"><script>alert(7)</script>");
		hostile.put("share", Map.of("facebook", "javascript:alert(8)", "link", "javascript:alert(9)"));
		serveArticle(articles, hostile);
		String html = page("/news/hostile", 200);
		assertThat(html).contains("&lt;script&gt;alert(&#39;headline&#39;)&lt;/script&gt; Breaking")
			.contains("&lt;img src=x onerror=alert(1)&gt; and <strong>bold</strong> and [click](javascript:alert(2))")
			.contains("&lt;/blockquote&gt;&lt;script&gt;alert(3)&lt;/script&gt;")
			.contains("&lt;b&gt;Someone&lt;/b&gt;")
			.contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(6)");
		assertThat(html).doesNotContain("<script>alert", "javascript:alert(5)", "javascript:alert(8)",
				"javascript:alert(9)", "<img src=x", "href=\"javascript");
		// the only script elements are the site's own file and the JSON-LD data block
		assertThat(html.split("<script", -1)).hasSize(3);
	}

	@Test
	void theArticlePageIsServedWithAStrictContentSecurityPolicy() {
		serveStory(articles, media, rankings);
		http.get().uri("/news/" + SLUG).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
				.contains("script-src 'self'", "default-src 'self'", "frame-ancestors 'none'")
				.doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:"))
			.expectHeader().valueEquals("X-Frame-Options", "DENY")
			.expectHeader().value(HttpHeaders.CACHE_CONTROL, v -> assertThat(v).contains("max-age=30"));
	}

	@Test
	void withRankingDownThePageRendersWithoutTheTopTen() {
		serveStory(articles, media, rankings);
		rankings.stubFor(get(urlPathEqualTo("/api/rankings/top")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		String html = page("/news/" + SLUG, 200);
		assertThat(html).contains("Alpine village votes to move", "<span class=\"credit\">" + CREDIT + "</span>")
			.contains("The most-read list is not available right now.")
			.doesNotContain("Seoul subway adds late-night trains");
	}

	@Test
	void withMediaDownThePageRendersWithoutThePhoto() {
		serveStory(articles, media, rankings);
		media.stubFor(get(urlEqualTo("/api/media/" + NewsroomFixtures.PHOTO_ID)).willReturn(aResponse().withStatus(503)));
		String html = page("/news/" + SLUG, 200);
		assertThat(html).contains("Alpine village votes to move", "Top 10 Stories", "(AFP)")
			.doesNotContain("lead-photo", CREDIT);
	}

	@Test
	void withArticleServiceDownReadersGetA503Page() {
		articles.stubFor(get(urlPathMatching("/api/articles/.*")).willReturn(aResponse().withStatus(500)));
		http.get().uri("/news/" + SLUG).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader().exists(HttpHeaders.RETRY_AFTER)
			.expectBody(String.class).value(html -> assertThat(html).contains("temporarily unavailable")
				.doesNotContain("Exception", "localhost"));
	}

	@Test
	void anUnknownArticleIsA404Page() {
		articles.stubFor(get(urlPathMatching("/api/articles/slug/.*")).willReturn(aResponse().withStatus(404)));
		http.get().uri("/news/gone-story").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).value(html -> assertThat(html).contains("We could not find that page"));
	}

	@Test
	void theHomePageListsTheLatestBySectionAndTheTopTen() {
		serveStory(articles, media, rankings);
		Map<String, Object> world = article(SLUG, NewsroomFixtures.HEADLINE, List.of());
		Map<String, Object> national = article("subway-late-trains", "Seoul subway adds late-night trains", List.of());
		articles.stubFor(get(urlPathEqualTo("/api/articles")).withQueryParam("section", equalTo("world"))
			.willReturn(okJson(write(Map.of("items", List.of(world))))));
		articles.stubFor(get(urlPathEqualTo("/api/articles")).withQueryParam("section", equalTo("national"))
			.willReturn(okJson(write(Map.of("items", List.of(national))))));
		articles.stubFor(get(urlPathEqualTo("/api/articles")).withQueryParam("section", equalTo("business"))
			.willReturn(okJson("{\"items\": [], \"nextCursor\": null}")));
		String html = page("/", 200);
		assertThat(html).contains("<h2><a href=\"/section/world\">World</a></h2>", "<h2><a href=\"/section/national\">National</a></h2>")
			.doesNotContain("<h2><a href=\"/section/business\">")
			.contains("href=\"/news/" + SLUG + "\"", "href=\"/news/subway-late-trains\"")
			.contains("Top 10 Stories", "Museum returns looted scrolls to temple after 80 years");
		assertThat(html.indexOf(">World</a></h2>")).isLessThan(html.indexOf(">National</a></h2>"));
		assertThat(html.split("<head>", -1)).as("one <head> element").hasSize(2);
	}

	@Test
	void theHomePageIsA503PageWhenNoSectionCanBeRead() {
		articles.stubFor(get(urlPathEqualTo("/api/articles")).willReturn(aResponse().withStatus(500)));
		rankings.stubFor(get(urlPathEqualTo("/api/rankings/top")).willReturn(okJson(write(NewsroomFixtures.top()))));
		http.get().uri("/").accept(MediaType.TEXT_HTML).exchange().expectStatus().isEqualTo(503);
	}

	@Test
	void theStylesheetAndScriptAreServedByTheGatewayItself() {
		http.get().uri("/assets/newsroom.css").exchange().expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith("text/css")
			.expectHeader().valueEquals("Cache-Control", "max-age=3600, public, stale-while-revalidate=86400");
		http.get().uri("/assets/newsroom.js").exchange().expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith("text/javascript")
			.expectBody(String.class).value(js -> assertThat(js).contains("nr_vid", "/api/rankings/views")
				.doesNotContain("http://", "https://"));
	}
}
