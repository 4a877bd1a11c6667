package org.newsroom.article.story;

import org.newsroom.platform.text.InlineMarkup;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.newsroom.article.config.SiteProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * How an article appears on the web and when shared: its links, share targets, and the
 * metadata for the page head (Open Graph, X card, JSON-LD), all built on the configured public
 * base URL. Also turns a stored article into its JSON view.
 */
@Component
public class PageMetadata {

	/** Search engines and share cards cut descriptions around here. */
	static final int DESCRIPTION_LENGTH = 200;

	/** Google's guidance for the JSON-LD headline. */
	static final int JSON_LD_HEADLINE = 110;

	/**
	 * The paper's logo, a 512×512 PNG the gateway serves with the web edition's assets
	 * (gateway/brand/README.md); Google asks for a raster logo for a NewsArticle's publisher.
	 */
	static final String LOGO_PATH = "/assets/logo.png";
	static final int LOGO_SIZE = 512;

	/**
	 * Bylines that name a body, not a person: "The Editorial Board", "The Associated Press",
	 * "Business Desk", "Seoul Bureau". schema.org types them Organization; a wrong Person confuses
	 * search engines' author pages.
	 */
	private static final Pattern ORGANIZATION = Pattern.compile("^The\\s.+|.+\\s(Board|Desk|Bureau|Staff|Editors|Newsroom)$");

	private final SiteProperties site;

	public PageMetadata(SiteProperties site) {
		this.site = site;
	}

	public ArticleView view(Article article, boolean forEditor) {
		ArticleContent c = article.content();
		return new ArticleView(article.id(), article.slug(), c.headline(), c.deck(), c.summary(), c.body(), c.section(),
				c.tags(), c.byline(), c.source(), c.dateline(), c.language(), c.leadMediaId(), c.relatedIds(),
				article.status(), article.publishAt(), c.embargoUntil(), article.firstPublishedAt(), article.updatedAt(),
				article.currentVersion(), article.corrections() != null ? article.corrections() : List.of(),
				links(article), share(article), seo(article), forEditor ? article.publishingProblem() : null);
	}

	public ArticleView.Links links(Article article) {
		return new ArticleView.Links(site.base() + "/api/articles/" + article.id(), webUrl(article));
	}

	/** The reader's page: {@code {publicBaseUrl}/news/{slug}}, the slug percent-encoded as a path segment. */
	public String webUrl(Article article) {
		return site.base() + "/news/" + UriUtils.encodePathSegment(article.slug(), StandardCharsets.UTF_8);
	}

	/** The lead photo's 1200×630 rendition, served by media-service through the public site. */
	public String ogImage(Article article) {
		String lead = article.content().leadMediaId();
		return lead == null ? null : site.base() + "/api/media/" + lead + "/renditions/og";
	}

	public String description(Article article) {
		ArticleContent c = article.content();
		String text = c.summary() != null ? c.summary() : c.deck();
		if (text == null) {
			text = c.body().stream()
				.filter(b -> Block.PARAGRAPH.equals(b.type()) && b.text() != null)
				.map(b -> InlineMarkup.toPlainText(b.text()))
				.findFirst()
				.orElse(c.headline());
		}
		return shorten(text.replace('\n', ' '), DESCRIPTION_LENGTH);
	}

	private ArticleView.Share share(Article article) {
		String url = webUrl(article);
		String headline = article.content().headline();
		String facebook = "https://www.facebook.com/sharer/sharer.php?u=" + query(url);
		String x = "https://x.com/intent/post?url=" + query(url) + "&text=" + query(headline);
		String email = "mailto:?subject=" + query(headline) + "&body=" + query(description(article) + "\n\n" + url);
		ArticleView.Kakao kakao = site.kakaoEnabled()
				? new ArticleView.Kakao(site.kakaoAppKey(), headline, description(article), ogImage(article), url) : null;
		return new ArticleView.Share(facebook, x, kakao, email, url);
	}

	private ArticleView.Seo seo(Article article) {
		return new ArticleView.Seo(article.content().headline(), description(article), webUrl(article), ogImage(article),
				jsonLd(article));
	}

	/** schema.org NewsArticle, as Google's article structured data describes it. */
	private Map<String, Object> jsonLd(Article article) {
		ArticleContent c = article.content();
		Map<String, Object> ld = new LinkedHashMap<>();
		ld.put("@context", "https://schema.org");
		ld.put("@type", "NewsArticle");
		ld.put("mainEntityOfPage", webUrl(article));
		ld.put("headline", shorten(c.headline(), JSON_LD_HEADLINE));
		ld.put("description", description(article));
		String image = ogImage(article);
		if (image != null) {
			ld.put("image", List.of(image));
		}
		if (article.firstPublishedAt() != null) {
			ld.put("datePublished", article.firstPublishedAt().toString());
		}
		ld.put("dateModified", article.updatedAt().toString());
		if (!c.byline().isEmpty()) {
			ld.put("author", c.byline().stream()
				.map(name -> Map.of("@type", isOrganization(name) ? "Organization" : "Person", "name", name))
				.toList());
		}
		else if (c.source() != null) {
			ld.put("author", List.of(Map.of("@type", "Organization", "name", c.source())));
		}
		ld.put("publisher", Map.of("@type", "Organization", "name", site.siteName(), "url", site.base() + "/", "logo",
				Map.of("@type", "ImageObject", "url", site.base() + LOGO_PATH, "width", LOGO_SIZE, "height", LOGO_SIZE)));
		ld.put("articleSection", c.section());
		ld.put("inLanguage", c.language());
		if (!c.tags().isEmpty()) {
			ld.put("keywords", String.join(", ", c.tags()));
		}
		return ld;
	}

	/** Whether a byline names an organization rather than a person ({@link #ORGANIZATION}). */
	static boolean isOrganization(String byline) {
		return ORGANIZATION.matcher(byline.strip()).matches();
	}

	/** Percent-encoding for a query value; spaces as %20, which mailto: needs (RFC 6068). */
	private static String query(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	static String shorten(String text, int max) {
		if (text.codePointCount(0, text.length()) <= max) {
			return text;
		}
		int end = text.offsetByCodePoints(0, max - 1);
		int space = text.lastIndexOf(' ', end);
		if (space > max / 2) {
			end = space;
		}
		return text.substring(0, end).stripTrailing() + "…";
	}
}
