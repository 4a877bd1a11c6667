package org.newsroom.media.photo;

import java.time.Instant;
import java.util.List;

import org.newsroom.media.rendition.RenditionSpec;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A photo as clients see it. {@code credit} is the display credit line; {@code rawCredit} is
 * the credit as given. {@code renditions} lists every named size with its real pixel size and a
 * site-relative URL, so a page can build {@code srcset}; a taken-down photo has none.
 */
public record PhotoView(
		@Schema(pattern = "^[0-9a-f]{24}$") String id,
		@Schema(nullable = true) String caption,
		@Schema(nullable = true) String altText,
		@Schema(nullable = true) String credit,
		@Schema(nullable = true) String rawCredit,
		@Schema(nullable = true) String creator,
		@Schema(nullable = true) String source,
		@Schema(nullable = true) String copyrightNotice,
		@Schema(nullable = true) String usageTerms,
		@Schema(nullable = true) Instant rightsExpireAt,
		@Schema(allowableValues = { "image/jpeg", "image/png", "image/webp" }) String contentType,
		int width,
		int height,
		long bytes,
		String sha256,
		Instant createdAt,
		@Schema(nullable = true) Instant updatedAt,
		List<Rendition> renditions,
		MediaStatus status,
		@Schema(nullable = true) Instant takenDownAt) {

	public record Rendition(@Schema(allowableValues = { "thumb", "small", "medium", "large", "og" }) String name,
			int width, int height, @Schema(description = "Site-relative: /api/media/{id}/renditions/{name}") String url) {
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
