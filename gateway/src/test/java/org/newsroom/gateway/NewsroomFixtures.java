package org.newsroom.gateway;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.github.tomakehurst.wiremock.WireMockServer;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Service answers shaped exactly like the contract (docs/architecture.md, the three services' sections): a wire-agency
 * article with a credited lead photo, the Top 10, related summaries and rendition images. The
 * story is invented for these tests.
 */
public final class NewsroomFixtures {

	public static final String BASE_URL = "https://news.example.org";
	public static final String SLUG = "alpine-village-votes-to-move-as-glacier-retreats";
	public static final String ARTICLE_ID = "6750a1b2c3d4e5f601234567";
	public static final String PHOTO_ID = "6750a1b2c3d4e5f6089abcde";
	public static final String HEADLINE = "Alpine village votes to move as glacier above it retreats";
	public static final String CAPTION = "Residents of Valdora walk past sandbags below the Tessa glacier in the Swiss canton of Valais on Nov. 25, 2026.";
	public static final String CREDIT = "Reuters-Yonhap";
	public static final String SOURCE = "AFP";
	public static final String CANONICAL = BASE_URL + "/news/" + SLUG;

	private static final JsonMapper json = JsonMapper.builder().build();

	private NewsroomFixtures() {
	}

	public static Map<String, Object> article(String slug, String headline, List<Map<String, Object>> body) {
		String canonical = BASE_URL + "/news/" + slug;
		String encoded = URLEncoder.encode(canonical, StandardCharsets.UTF_8);
		String title = URLEncoder.encode(headline, StandardCharsets.UTF_8);
		Map<String, Object> article = new java.util.LinkedHashMap<>();
		article.put("id", ARTICLE_ID);
		article.put("slug", slug);
		article.put("headline", headline);
		article.put("deck", null);
		article.put("summary", "Villagers in the Swiss Alps chose to rebuild lower in the valley after geologists warned the slope above them is moving faster every year.");
		article.put("body", body);
		article.put("section", "world");
		article.put("tags", List.of("climate", "switzerland"));
		article.put("byline", List.of());
		article.put("source", SOURCE);
		article.put("dateline", "VALDORA, Switzerland");
		article.put("language", "en");
		article.put("leadMediaId", PHOTO_ID);
		article.put("relatedIds", List.of("6750a1b2c3d4e5f601234568", "6750a1b2c3d4e5f601234569"));
		article.put("status", "PUBLISHED");
		article.put("firstPublishedAt", "2026-11-27T06:10:00Z");
		article.put("updatedAt", "2026-11-27T08:45:00Z");
		article.put("version", 3);
		article.put("corrections", List.of(Map.of("at", "2026-11-27T08:45:00Z", "text",
				"An earlier version of this article gave the wrong height for the village. It lies at 1,540 metres.")));
		article.put("links", Map.of("self", "/api/articles/" + ARTICLE_ID, "web", canonical));
		article.put("share", Map.of("facebook", "https://www.facebook.com/sharer/sharer.php?u=" + encoded,
				"x", "https://x.com/intent/post?url=" + encoded + "&text=" + title,
				"kakao", "https://sharer.kakao.com/talk/friends/picker/shorturl?url=" + encoded,
				"email", "mailto:?subject=" + title.replace("+", "%20") + "&body=" + encoded,
				"link", canonical));
		article.put("seo", Map.of("title", headline, "description", article.get("summary"), "canonicalUrl", canonical,
				"ogImage", BASE_URL + "/api/media/" + PHOTO_ID + "/renditions/og",
				"jsonLd", Map.of("@context", "https://schema.org", "@type", "NewsArticle", "headline", headline,
						"datePublished", "2026-11-27T06:10:00Z")));
		return article;
	}

	public static List<Map<String, Object>> storyBody() {
		List<Map<String, Object>> body = new ArrayList<>();
		body.add(paragraph("The 300 residents of Valdora voted on Wednesday to rebuild their village two kilometres down the valley, after geologists said the slope beneath the retreating Tessa glacier was sliding faster than at any time since measurements began."));
		body.add(paragraph("The decision ends months of debate in the hamlet, where most families have farmed the same meadows for generations."));
		body.add(quote("We are not leaving the mountain, we are leaving the place where the mountain is falling.", "Mayor Lukas Imboden"));
		body.add(paragraph("Sensors installed on the slope recorded movement of up to 30 centimetres a day in late October, according to the cantonal natural hazards office."));
		body.add(paragraph("Engineers have already built a protective dam and moved the village school, but experts warned that such measures could only **buy time**."));
		body.add(heading("A costly move"));
		body.add(paragraph("The relocation is expected to cost around 200 million Swiss francs, most of it paid by federal and cantonal funds set aside for *natural disasters*."));
		body.add(quote("Every year the ice gives up more of what it was holding back. Villages like this one are the first to feel it.", "Petra Wyss, a glaciologist at the cantonal hazards office"));
		body.add(paragraph("Measurements of Swiss glaciers are published every year by the national monitoring network [GLAMOS](https://www.glamos.ch/en/), which tracks the Tessa glacier among others."));
		body.add(paragraph("Residents will be allowed to keep using their summer pastures on the upper slopes, which are outside the danger zone."));
		body.add(quote("My grandfather built our house with his own hands. I will take the door with me.", "Resident Anna Zurbriggen, 71"));
		body.add(paragraph("Construction of the new village is due to begin next spring, with the first families expected to move in 2029."));
		return body;
	}

	public static Map<String, Object> paragraph(String text) {
		return Map.of("type", "paragraph", "text", text);
	}

	public static Map<String, Object> heading(String text) {
		return Map.of("type", "heading", "text", text);
	}

	public static Map<String, Object> quote(String text, String attribution) {
		return Map.of("type", "quote", "text", text, "attribution", attribution);
	}

	public static Map<String, Object> photo() {
		String base = "/api/media/" + PHOTO_ID + "/renditions/";
		return Map.of("id", PHOTO_ID, "caption", CAPTION, "altText",
				"Villagers walk along a road lined with sandbags beneath a glacier-covered mountain", "credit", CREDIT,
				"creator", "Marc Keller", "source", "Reuters", "renditions",
				List.of(Map.of("name", "thumb", "width", 320, "height", 200, "url", base + "thumb"),
						Map.of("name", "small", "width", 640, "height", 400, "url", base + "small"),
						Map.of("name", "medium", "width", 1024, "height", 640, "url", base + "medium"),
						Map.of("name", "large", "width", 1600, "height", 1000, "url", base + "large"),
						Map.of("name", "og", "width", 1200, "height", 630, "url", base + "og")),
				"status", "ACTIVE");
	}

	public static final List<String> TOP_HEADLINES = List.of(
			"Seoul subway adds late-night trains for the year-end rush",
			HEADLINE,
			"Central bank holds rates as export growth slows",
			"Rescuers reach fishing crew stranded off Jeju",
			"Parliament passes bill on rental deposit protection",
			"National team names squad for Asian Cup qualifiers",
			"Museum returns looted scrolls to temple after 80 years",
			"Chipmakers expand hiring as memory prices recover",
			"Fine dust warning issued for the capital region",
			"Film festival opens with debut of first-time director");

	public static Map<String, Object> top() {
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < TOP_HEADLINES.size(); i++) {
			String headline = TOP_HEADLINES.get(i);
			String slug = i == 1 ? SLUG : headline.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
			items.add(Map.of("rank", i + 1, "articleId", String.format("6750a1b2c3d4e5f6012345%02d", i), "slug", slug,
					"headline", headline, "section", "national", "views", 9000 - i * 700));
		}
		java.util.Map<String, Object> top = new java.util.LinkedHashMap<>();
		top.put("window", "24h");
		top.put("section", null);
		top.put("generatedAt", "2026-11-27T09:00:00Z");
		top.put("stale", false);
		top.put("items", items);
		return top;
	}

	public static Map<String, Object> relatedSummaries() {
		return Map.of("items", List.of(
				Map.of("id", "6750a1b2c3d4e5f601234568", "slug", "swiss-glaciers-lose-four-percent-of-ice-in-a-year",
						"headline", "Swiss glaciers lose four percent of their ice in a year", "section", "world",
						"firstPublishedAt", "2026-10-01T07:00:00Z"),
				Map.of("id", "6750a1b2c3d4e5f601234569", "slug", "dam-built-to-shield-alpine-hamlet",
						"headline", "Dam built to shield Alpine hamlet from debris flows", "section", "world",
						"firstPublishedAt", "2026-09-12T07:00:00Z")));
	}

	public static String write(Object value) {
		return json.writeValueAsString(value);
	}

	/** Stubs all three services with the full story, its photo, the Top 10 and related summaries. */
	public static void serveStory(WireMockServer articles, WireMockServer media, WireMockServer rankings) {
		serveArticle(articles, article(SLUG, HEADLINE, storyBody()));
		articles.stubFor(get(urlPathEqualTo("/api/articles/summaries")).willReturn(okJson(write(relatedSummaries()))));
		servePhoto(media);
		rankings.stubFor(get(urlPathEqualTo("/api/rankings/top")).willReturn(okJson(write(top()))));
		rankings.stubFor(post(urlEqualTo("/api/rankings/views")).willReturn(aResponse().withStatus(202)));
	}

	public static void serveArticle(WireMockServer articles, Map<String, Object> article) {
		articles.stubFor(get(urlEqualTo("/api/articles/slug/" + article.get("slug"))).willReturn(okJson(write(article))));
	}

	public static void servePhoto(WireMockServer media) {
		media.stubFor(get(urlEqualTo("/api/media/" + PHOTO_ID)).willReturn(okJson(write(photo()))));
		media.stubFor(get(urlPathMatching("/api/media/" + PHOTO_ID + "/renditions/.*"))
			.willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(landscape(1024, 640))));
	}

	private static byte[] landscapeCache;

	/** A drawn mountain landscape, so pages have a real photo to lay out. */
	public static synchronized byte[] landscape(int width, int height) {
		if (landscapeCache != null) {
			return landscapeCache;
		}
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setPaint(new GradientPaint(0, 0, new Color(120, 170, 215), 0, height * 0.6f, new Color(225, 235, 245)));
		g.fillRect(0, 0, width, height);
		g.setColor(new Color(110, 120, 135));
		g.fillPolygon(new Polygon(new int[] { 0, width / 5, width * 2 / 5, width * 3 / 5, width * 4 / 5, width, width, 0 },
				new int[] { height * 3 / 5, height / 4, height / 2, height / 6, height * 2 / 5, height / 3, height, height }, 8));
		g.setColor(new Color(245, 248, 252));
		g.fillPolygon(new Polygon(new int[] { width / 2 - 90, width * 3 / 5, width * 3 / 5 + 100 },
				new int[] { height / 3, height / 6, height / 3 + 10 }, 3));
		g.fillPolygon(new Polygon(new int[] { width / 5 - 70, width / 5, width / 5 + 80 },
				new int[] { height / 3 + 20, height / 4, height / 3 + 30 }, 3));
		g.setColor(new Color(80, 125, 70));
		g.fillRect(0, height * 3 / 4, width, height / 4);
		g.setColor(new Color(150, 110, 80));
		for (int i = 0; i < 6; i++) {
			int x = width / 8 + i * width / 8;
			g.fillRect(x, height * 3 / 4 - 40, 60, 45);
			g.setColor(new Color(120, 60, 50));
			g.fillPolygon(new Polygon(new int[] { x - 8, x + 30, x + 68 }, new int[] { height * 3 / 4 - 40, height * 3 / 4 - 70, height * 3 / 4 - 40 }, 3));
			g.setColor(new Color(150, 110, 80));
		}
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		landscapeCache = out.toByteArray();
		return landscapeCache;
	}
}
