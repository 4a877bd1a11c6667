package org.newsroom.ranking.view;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Counts views into hourly buckets with {@code $inc} upserts, so replicas' counts simply add up. */
@Component
public class ViewCounter {

	private final MongoTemplate mongo;
	private final Clock clock = Clock.systemUTC();

	public ViewCounter(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public void count(String articleId) {
		Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
		mongo.upsert(query(where("_id").is(HourlyViews.idOf(articleId, hour))),
				new Update().setOnInsert("articleId", articleId).setOnInsert("hour", hour).inc("views", 1),
				HourlyViews.class);
	}
}
