package org.newsroom.media.metadata;

/**
 * What a photo file says about itself, already cleaned ({@link MetadataText}); null where the
 * file says nothing. {@code orientation} is the EXIF orientation, 1 (as stored) to 8.
 */
public record EmbeddedMetadata(
		String caption,
		String altText,
		String creator,
		String credit,
		String copyrightNotice,
		String source,
		String usageTerms,
		int orientation) {

	public static final EmbeddedMetadata NONE = new EmbeddedMetadata(null, null, null, null, null, null, null, 1);
}
