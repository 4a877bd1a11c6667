package org.newsroom.article.story;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.newsroom.platform.openapi.ApiDocument;

/**
 * An article as clients see it (docs/architecture.md, "article-service"). {@code publishingProblem} appears only for
 * a scheduled article whose last publishing attempt failed (editors only see those).
 */
public record ArticleView(
		@Schema(pattern = "^[0-9a-f]{24}$", example = "6752a1f0c3b9e54d2a1b7c90") String id,
		String slug,
		String headline,
		@Schema(nullable = true) String deck,
		@Schema(nullable = true) String summary,
		List<Block> body,
		String section,
		List<String> tags,
		List<String> byline,
		@Schema(nullable = true) String source,
		@Schema(nullable = true) String dateline,
		String language,
		@Schema(nullable = true) String leadMediaId,
		List<String> relatedIds,
		ArticleStatus status,
		@Schema(nullable = true, description = "When a scheduled article is to be published") Instant publishAt,
		@Schema(nullable = true) Instant embargoUntil,
		@Schema(nullable = true) Instant firstPublishedAt,
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
	public record Seo(String title, String description, String canonicalUrl,
			@Schema(nullable = true, description = "The lead photo's 1200x630 rendition, null without a lead photo") String ogImage,
			@Schema(ref = ApiDocument.JSON_OBJECT, description = "schema.org NewsArticle as JSON-LD") Map<String, Object> jsonLd) {
	}
}
