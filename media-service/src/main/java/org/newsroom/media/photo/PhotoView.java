package org.newsroom.media.photo;

import java.time.Instant;
import java.util.List;

import org.newsroom.media.rendition.RenditionSpec;

/**
 * A photo as clients see it. {@code credit} is the display credit line; {@code rawCredit} is
 * the credit as given. {@code renditions} lists every named size with its real pixel size and a
 * site-relative URL, so a page can build {@code srcset}; a taken-down photo has none.
 */
public record PhotoView(
		String id,
		String caption,
		String altText,
		String credit,
		String rawCredit,
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
		Instant updatedAt,
		List<Rendition> renditions,
		MediaStatus status,
		Instant takenDownAt) {

	public record Rendition(String name, int width, int height, String url) {
	}

	public static PhotoView of(Photo photo) {
		List<Rendition> renditions = photo.isTakenDown() ? List.of()
				: RenditionSpec.all()
					.stream()
					.map(spec -> {
						RenditionSpec.Size size = spec.sizeFor(photo.width(), photo.height());
						return new Rendition(spec.id(), size.width(), size.height(), spec.url(photo.id()));
					})
					.toList();
		return new PhotoView(photo.id(), photo.caption(), photo.altText(), photo.credit(), photo.rawCredit(),
				photo.creator(), photo.source(), photo.copyrightNotice(), photo.usageTerms(), photo.rightsExpireAt(),
				photo.contentType(), photo.width(), photo.height(), photo.bytes(), photo.sha256(), photo.createdAt(),
				photo.updatedAt(), renditions, photo.status(), photo.takenDownAt());
	}
}
