package org.newsroom.article.media;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of media-service's photo JSON ({@code GET /api/media/{id}}) that ninjs needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhotoMetadata(
		String id,
		String caption,
		String altText,
		String credit,
		String creator,
		String source,
		String copyrightNotice,
		String usageTerms,
		String contentType,
		Integer width,
		Integer height,
		String status,
		List<Rendition> renditions) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Rendition(String name, Integer width, Integer height, String url) {
	}
}
