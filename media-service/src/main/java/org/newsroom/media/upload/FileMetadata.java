package org.newsroom.media.upload;

/**
 * What a photo file says about itself ({@code POST /api/media/metadata}), read as an upload
 * reads it (IPTC IIM, then XMP, then EXIF); null where the file says nothing. {@code credit} is
 * as written in the file, {@code creditLine} the display form readers would see. {@code width}
 * and {@code height} are as a reader sees the photo. {@code existingId} names the photo already
 * stored with these bytes: uploading them again returns that photo unchanged.
 */
public record FileMetadata(
		String caption,
		String altText,
		String credit,
		String creditLine,
		String creator,
		String source,
		String copyrightNotice,
		String usageTerms,
		String contentType,
		int width,
		int height,
		String existingId) {
}
