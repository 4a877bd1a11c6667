package org.newsroom.ranking.top;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.newsroom.ranking.view.HourlyViews;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.limit;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.sort;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Sums hourly buckets over a window into a ranked list; ties go to the smaller article id. */
@Component
public class TopStories {

	private final MongoTemplate mongo;
	private final Clock clock = Clock.systemUTC();

	public TopStories(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public TopList top(Duration window, String windowName, int limit) {
		Instant now = clock.instant();
		Instant from = now.truncatedTo(ChronoUnit.HOURS).minus(window).plus(Duration.ofHours(1));
		Aggregation aggregation = Aggregation.newAggregation(match(where("hour").gte(from)),
				group("articleId").sum("views").as("views"),
				sort(Sort.by(Sort.Order.desc("views"), Sort.Order.asc("_id"))), limit(limit));
		List<TopList.Entry> items = new ArrayList<>();
		for (Document row : mongo.aggregate(aggregation, HourlyViews.class, Document.class)) {
			items.add(new TopList.Entry(items.size() + 1, row.getString("_id"), ((Number) row.get("views")).longValue()));
		}
		return new TopList(windowName, null, now, false, items);
	}
}
