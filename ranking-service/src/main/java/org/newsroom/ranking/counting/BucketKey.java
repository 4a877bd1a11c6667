package org.newsroom.ranking.counting;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One article's views in one clock hour, under the section the article had when they were
 * counted. {@code section} is null while the article's section is still being looked up.
 *
 * @param hour hours since the epoch (UTC)
 */
public record BucketKey(String articleId, String section, long hour) {

	private static final long HOUR_MILLIS = 3_600_000L;

	private static final DateTimeFormatter ID_HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

	public static long hourOf(long epochMillis) {
		return Math.floorDiv(epochMillis, HOUR_MILLIS);
	}

	public static Instant startOf(long hour) {
		return Instant.ofEpochMilli(hour * HOUR_MILLIS);
	}

	/** The bucket document's {@code _id}: readable, and unique per article, hour and section. */
	public String documentId() {
		return articleId + ':' + ID_HOUR.format(startOf(hour)) + ':' + section;
	}
}
