package org.newsroom.article.story;

import java.time.Instant;

/** When a scheduled article becomes due: at its publish time, but never before its embargo lifts. */
public final class Schedules {

	private Schedules() {
	}

	public static Instant due(Instant publishAt, Instant embargoUntil) {
		if (publishAt == null) {
			return embargoUntil;
		}
		if (embargoUntil == null) {
			return publishAt;
		}
		return publishAt.isAfter(embargoUntil) ? publishAt : embargoUntil;
	}
}
