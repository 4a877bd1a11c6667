package org.newsroom.media.upload;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a photo file says about itself ({@code POST /api/media/metadata}), read as an upload
 * reads it (IPTC IIM, then XMP, then EXIF); null where the file says nothing. {@code credit} is
 * as written in the file, {@code creditLine} the display form readers would see. {@code width}
 * and {@code height} are as a reader sees the photo. {@code existingId} names the photo already
 * stored with these bytes: uploading them again returns that photo unchanged.
 */
public record FileMetadata(
		@Schema(nullable = true) String caption,
		@Schema(nullable = true) String altText,
		@Schema(nullable = true) String credit,
		@Schema(nullable = true) String creditLine,
		@Schema(nullable = true) String creator,
		@Schema(nullable = true) String source,
		@Schema(nullable = true) String copyrightNotice,
		@Schema(nullable = true) String usageTerms,
		String contentType,
		int width,
		int height,
		@Schema(nullable = true) String existingId) {
}
