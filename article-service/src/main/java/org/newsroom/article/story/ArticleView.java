package org.newsroom.article.story;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An article as clients see it (docs/architecture.md, "article-service"). {@code publishingProblem} appears only for
 * a scheduled article whose last publishing attempt failed (editors only see those).
 */
public record ArticleView(
		String id,
		String slug,
		String headline,
		String deck,
		String summary,
		List<Block> body,
		String section,
		List<String> tags,
		List<String> byline,
		String source,
		String dateline,
		String language,
		String leadMediaId,
		List<String> relatedIds,
		ArticleStatus status,
		Instant publishAt,
		Instant embargoUntil,
		Instant firstPublishedAt,
		Instant updatedAt,
		long version,
		List<Correction> corrections,
		Links links,
		Share share,
		Seo seo,
		@JsonInclude(JsonInclude.Include.NON_NULL) PublishingProblem publishingProblem) {

	/** {@code self}: this article in the API; {@code web}: the reader's page. */
	public record Links(String self, String web) {
	}

	/**
	 * Share targets: ready-made URLs for Facebook, X and e-mail, the canonical link to copy, and
	 * for KakaoTalk (only when a Kakao app key is configured) the data its JavaScript SDK needs.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Share(String facebook, String x, Kakao kakao, String email, String link) {
	}

	/** The fields of a Kakao feed message ({@code Kakao.Share.sendDefault}), built from the same Open Graph data. */
	public record Kakao(String appKey, String title, String description, String imageUrl, String webUrl) {
	}

	/**
	 * What the page's head carries: title and description (also Open Graph and X card),
	 * the canonical URL, the Open Graph image (1200×630 rendition of the lead photo, or null), and
	 * schema.org NewsArticle JSON-LD.
	 */
	public record Seo(String title, String description, String canonicalUrl, String ogImage, Map<String, Object> jsonLd) {
	}
}
