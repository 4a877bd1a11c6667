package org.newsroom.media.photo;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A photo's metadata, in the {@code media} collection; its bytes are in GridFS under
 * {@code originalFileId}.
 */
@Document("media")
public record Photo(
		@Id String id,
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
		@Indexed(unique = true) String sha256,
		String originalFileId,
		MediaStatus status,
		Instant createdAt) {
}
