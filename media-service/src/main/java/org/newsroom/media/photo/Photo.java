package org.newsroom.media.photo;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A photo's record, in the {@code media} collection; its bytes are in the GridFS bucket
 * {@code originals} under {@code originalFileId}, its renditions in {@code renditions}.
 *
 * <p>{@code width} and {@code height} are as a reader sees the photo, after its EXIF
 * {@code orientation} is applied; {@code credit} is the display credit line and
 * {@code rawCredit} the credit as it was given ({@link org.newsroom.media.metadata.CreditLine}).
 * {@code creditKey} and {@code sourceKey} are the lower-case forms the listing filters compare.
 * The compound indexes serve the listing: newest first, optionally by credit or by source.
 */
@Document("media")
@CompoundIndex(name = "listing", def = "{'status': 1, 'createdAt': -1, '_id': -1}")
@CompoundIndex(name = "listing_by_credit", def = "{'creditKey': 1, 'status': 1, 'createdAt': -1, '_id': -1}")
@CompoundIndex(name = "listing_by_source", def = "{'sourceKey': 1, 'status': 1, 'createdAt': -1, '_id': -1}")
public record Photo(
		@Id String id,
		String caption,
		String altText,
		String credit,
		String rawCredit,
		String creditKey,
		String creator,
		String source,
		String sourceKey,
		String copyrightNotice,
		String usageTerms,
		Instant rightsExpireAt,
		String contentType,
		int width,
		int height,
		int orientation,
		long bytes,
		@Indexed(unique = true) String sha256,
		String originalFileId,
		MediaStatus status,
		Instant createdAt,
		String createdBy,
		Instant updatedAt,
		Instant takenDownAt,
		String takenDownBy) {

	public boolean isTakenDown() {
		return status == MediaStatus.TAKEN_DOWN;
	}

	/** EXIF orientations 5 to 8 turn the stored image by a quarter: width and height swap. */
	public boolean orientationSwapsSides() {
		return orientation >= 5 && orientation <= 8;
	}

	/** Field names as stored, for updates that touch single fields. */
	public static final class Fields {

		public static final String ID = "_id";
		public static final String CREDIT = "credit";
		public static final String RAW_CREDIT = "rawCredit";
		public static final String CREDIT_KEY = "creditKey";
		public static final String SOURCE = "source";
		public static final String SOURCE_KEY = "sourceKey";
		public static final String CAPTION = "caption";
		public static final String STATUS = "status";
		public static final String CREATED_AT = "createdAt";
		public static final String UPDATED_AT = "updatedAt";
		public static final String TAKEN_DOWN_AT = "takenDownAt";
		public static final String TAKEN_DOWN_BY = "takenDownBy";

		private Fields() {
		}
	}
}
