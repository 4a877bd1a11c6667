package org.newsroom.gateway.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.newsroom.gateway.NewsroomFixtures;
import org.newsroom.gateway.PageTestSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.gateway.NewsroomFixtures.SLUG;
import static org.newsroom.gateway.NewsroomFixtures.write;

/**
 * Issue 18's defects 6 and 7 as readers' tools found them: share-card and structured-data metadata
 * (Open Graph image size and alt, the home page's description, h1 and JSON-LD) and accessibility
 * (text-size buttons' names, the Facebook button's contrast, the favicon, thumbnails' sizes).
 */
class HeadAndAccessibilityTest extends PageTestSupport {

	private static final JsonMapper json = JsonMapper.builder().build();

	private void serveHome() {
		NewsroomFixtures.serveStory(articles, media, rankings);
		Map<String, Object> world = NewsroomFixtures.article(SLUG, NewsroomFixtures.HEADLINE, List.of());
		articles.stubFor(get(urlPathEqualTo("/api/articles")).withQueryParam("section", equalTo("world"))
			.willReturn(okJson(write(Map.of("items", List.of(world))))));
		articles.stubFor(get(urlPathEqualTo("/api/articles")).withQueryParam("section", equalTo("national"))
			.willReturn(okJson("{\"items\": [], \"nextCursor\": null}")));
		articles.stubFor(get(urlPathEqualTo("/api/articles")).withQueryParam("section", equalTo("business"))
			.willReturn(okJson("{\"items\": [], \"nextCursor\": null}")));
	}

	@Test
	void theShareImageHasItsSizeAndAlternativeText() {
		NewsroomFixtures.serveStory(articles, media, rankings);
		assertThat(page("/news/" + SLUG, 200))
			.contains("<meta property=\"og:image:width\" content=\"1200\">")
			.contains("<meta property=\"og:image:height\" content=\"630\">")
			.contains("<meta property=\"og:image:alt\" content=\"Villagers walk along a road lined with sandbags beneath a glacier-covered mountain\">");
	}

	@Test
	void theHomePageHasAnH1ADescriptionAndStructuredData() throws Exception {
		serveHome();
		String html = page("/", 200);
		assertThat(html).contains("<h1 class=\"brand-heading\"><a class=\"brand\" href=\"/\">The Daily Meridian</a></h1>")
			.contains("<meta name=\"description\" content=\"The latest news from The Daily Meridian: World, National, Business.\">");
		Matcher script = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(html);
		assertThat(script.find()).as("JSON-LD on the home page").isTrue();
		JsonNode graph = json.readTree(script.group(1)).get("@graph");
		assertThat(graph.get(0).get("@type").asString()).isEqualTo("NewsMediaOrganization");
		assertThat(graph.get(0).get("logo").get("url").asString()).isEqualTo(NewsroomFixtures.BASE_URL + "/assets/logo.png");
		assertThat(graph.get(1).get("@type").asString()).isEqualTo("WebSite");
		assertThat(graph.get(1).get("url").asString()).isEqualTo(NewsroomFixtures.BASE_URL + "/");
		JsonNode first = graph.get(2).get("itemListElement").get(0);
		assertThat(first.get("position").asInt()).isEqualTo(1);
		assertThat(first.get("url").asString()).isEqualTo(NewsroomFixtures.CANONICAL);
		assertThat(first.get("name").asString()).isEqualTo(NewsroomFixtures.HEADLINE);
	}

	@Test
	void theHomePagesThumbnailsHaveTheirSizeSoTheLayoutDoesNotMove() {
		serveHome();
		String html = page("/", 200);
		Matcher thumbs = Pattern.compile("<img [^>]*class=\"thumb\"[^>]*>").matcher(html);
		int seen = 0;
		while (thumbs.find()) {
			seen++;
			assertThat(thumbs.group()).contains("width=\"640\"", "height=\"400\"");
		}
		assertThat(seen).isPositive();
	}

	/** WCAG 2.5.3 (axe's label-content-name-mismatch): a control's name contains its visible label. */
	@Test
	void eachTextSizeButtonsNameStartsWithItsVisibleLabel() {
		NewsroomFixtures.serveStory(articles, media, rankings);
		Matcher buttons = Pattern.compile("<button type=\"button\" class=\"font-step\"[^>]*aria-label=\"([^\"]*)\"[^>]*>([^<]*)</button>")
			.matcher(page("/news/" + SLUG, 200));
		int seen = 0;
		while (buttons.find()) {
			seen++;
			assertThat(buttons.group(1)).as("name of the button showing " + buttons.group(2)).startsWith(buttons.group(2));
		}
		assertThat(seen).isEqualTo(5);
	}

	@Test
	void theFaviconIsARealIconAndEveryPageNamesIt() {
		byte[] icon = http.get().uri("/favicon.ico").exchange()
			.expectStatus().isOk()
			.expectHeader().contentType("image/x-icon")
			.expectHeader().value("Cache-Control", value -> assertThat(value).contains("max-age=86400", "public"))
			.expectBody(byte[].class).returnResult().getResponseBody();
		// an ICO file: reserved 0, type 1 (icon), three images (16, 32 and 48 px)
		assertThat(icon).startsWith(0, 0, 1, 0, 3, 0);
		http.get().uri("/assets/logo.png").exchange().expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG);
	}

	/** WCAG 1.4.3: 4.5:1 for the Facebook button's text on the share bar's grey. */
	@Test
	void theFacebookButtonsTextHasEnoughContrast() throws IOException {
		String css = new ClassPathResource("static/newsroom.css").getContentAsString(StandardCharsets.UTF_8);
		String text = colour(css, "\\.share-facebook \\{[^}]*?[^-]color: (#[0-9a-f]{6})");
		String background = colour(css, "\\.share a, \\.share button \\{[^}]*?background: (#[0-9a-f]{6})");
		assertThat(contrast(text, background)).isGreaterThanOrEqualTo(4.5);
	}

	private static String colour(String css, String rule) {
		Matcher matcher = Pattern.compile(rule, Pattern.DOTALL).matcher(css);
		assertThat(matcher.find()).as(rule).isTrue();
		return matcher.group(1);
	}

	/** WCAG 2.x contrast ratio of two sRGB colours. */
	static double contrast(String a, String b) {
		double la = luminance(a);
		double lb = luminance(b);
		return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
	}

	private static double luminance(String hex) {
		double[] channels = new double[3];
		for (int i = 0; i < 3; i++) {
			double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
			channels[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
		}
		return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
	}
}
