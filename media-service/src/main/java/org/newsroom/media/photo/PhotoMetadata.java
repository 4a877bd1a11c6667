package org.newsroom.media.photo;

import java.time.Instant;

import jakarta.validation.constraints.Size;

/** The optional {@code metadata} part of an upload: what the editor says about the photo. */
public record PhotoMetadata(
		@Size(max = 2000) String caption,
		@Size(max = 1000) String altText,
		@Size(max = 200) String credit,
		@Size(max = 200) String creator,
		@Size(max = 200) String source,
		@Size(max = 500) String copyrightNotice,
		@Size(max = 2000) String usageTerms,
		Instant rightsExpireAt) {

	static final PhotoMetadata NONE = new PhotoMetadata(null, null, null, null, null, null, null, null);
}
