package org.newsroom.ranking.counting;

import java.time.Duration;

/**
 * The shape of the {@code hourly_views} collection, shared by the writer ({@link BucketStore})
 * and the readers of the top lists.
 *
 * <pre>
 * { _id: "&lt;articleId&gt;:&lt;yyyyMMddHH&gt;:&lt;section&gt;", articleId, section, hour: Date, views: long,
 *   applied: { &lt;replicaId&gt;: &lt;last flush sequence applied&gt; } }
 * </pre>
 */
public final class HourlyBuckets {

	public static final String COLLECTION = "hourly_views";

	public static final String ARTICLE_ID = "articleId";

	public static final String SECTION = "section";

	public static final String HOUR = "hour";

	public static final String VIEWS = "views";

	public static final String APPLIED = "applied";

	/** Buckets outlive the longest window (30 days) by five days, then MongoDB deletes them. */
	public static final Duration RETENTION = Duration.ofDays(35);

	public static final String TTL_INDEX = "hour_ttl";

	private HourlyBuckets() {
	}
}
