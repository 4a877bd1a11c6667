package org.newsroom.gateway.contract;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/**
 * An article as article-service answers it ({@code GET /api/articles/slug/{slug}}, and
 * {@code /api/articles/{id}} for the desk's preview): what the pages show and what the page cache
 * tags them with. Times are kept as sent (ISO-8601): a page shows an unreadable one as missing.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Article(String id, String slug, String headline, String deck, String summary, String section,
		List<String> byline, String source, String dateline, String language, String firstPublishedAt,
		String updatedAt, String leadMediaId, List<String> relatedIds, List<Block> body, List<Correction> corrections,
		Seo seo, Share share, Links links) {

	public Article {
		byline = byline != null ? byline : List.of();
		relatedIds = relatedIds != null ? relatedIds : List.of();
		body = body != null ? body : List.of();
		corrections = corrections != null ? corrections : List.of();
		seo = seo != null ? seo : new Seo(null, null, null, null, null);
		share = share != null ? share : new Share(null, null, null, null, null);
		links = links != null ? links : new Links(null);
	}

	/**
	 * A body block: {@code type} says which of the other fields it uses (paragraph and heading:
	 * text; quote: text, attribution; image: mediaId, caption; embed: url).
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Block(String type, String text, String attribution, String mediaId, String caption, String url) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Correction(String at, String text) {
	}

	/** {@code jsonLd} is schema.org JSON-LD, sent as an object or as a string holding one. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Seo(String title, String description, String canonicalUrl, String ogImage, JsonNode jsonLd) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Share(String facebook, String x, String kakao, String email, String link) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Links(String web) {
	}
}
