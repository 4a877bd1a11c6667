package org.newsroom.ranking.view;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** Views of one article in one clock hour; {@code _id} is {@code <articleId>:<hour epoch second>}. */
@Document("hourly_views")
@CompoundIndex(name = "hour_article", def = "{'hour': 1, 'articleId': 1}")
public record HourlyViews(@Id String id, String articleId, Instant hour, long views) {

	public static String idOf(String articleId, Instant hour) {
		return articleId + ":" + hour.getEpochSecond();
	}
}
