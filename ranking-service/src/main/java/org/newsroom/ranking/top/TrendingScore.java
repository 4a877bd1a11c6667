package org.newsroom.ranking.top;

import java.time.Duration;
import java.time.Instant;

/**
 * The trending score, a gravity formula in the manner of Hacker News applied to each hourly
 * bucket: views count less the older they are.
 *
 * <pre>
 * score = Σ over the buckets of the lookback   views_b / (age_b + 2) ^ gravity
 * age_b = hours from the middle of the bucket's hour to now (0 while that middle is ahead)
 * </pre>
 *
 * With the default gravity 1.8, a view from the current hour weighs 1/3.5 ≈ 0.29, one from an
 * hour ago about 1/7.2 ≈ 0.14, one from a day ago about 1/350: a story read a lot right now
 * beats one read more in total yesterday. The +2 keeps the newest buckets from dominating
 * through a tiny denominator.
 */
public final class TrendingScore {

	private static final double HOUR_SECONDS = 3600.0;

	private TrendingScore() {
	}

	public static double of(long views, double ageHours, double gravity) {
		return views / Math.pow(ageHours + 2, gravity);
	}

	public static double ageHours(Instant bucketStart, Instant now) {
		Instant middle = bucketStart.plus(Duration.ofMinutes(30));
		return Math.max(0, Duration.between(middle, now).toMillis() / 1000.0 / HOUR_SECONDS);
	}
}
