package org.newsroom.media.photo;

import java.time.Instant;
import java.util.List;

/** A photo as clients see it. */
public record PhotoView(
		String id,
		String caption,
		String altText,
		String credit,
		String creator,
		String source,
		String copyrightNotice,
		String usageTerms,
		Instant rightsExpireAt,
		String contentType,
		int width,
		int height,
		long bytes,
		String sha256,
		Instant createdAt,
		List<Rendition> renditions,
		MediaStatus status) {

	public record Rendition(String name, int width, int height, String url) {
	}

	static PhotoView of(Photo photo) {
		return new PhotoView(photo.id(), photo.caption(), photo.altText(), photo.credit(), photo.creator(),
				photo.source(), photo.copyrightNotice(), photo.usageTerms(), photo.rightsExpireAt(),
				photo.contentType(), photo.width(), photo.height(), photo.bytes(), photo.sha256(), photo.createdAt(),
				List.of(), photo.status());
	}
}
