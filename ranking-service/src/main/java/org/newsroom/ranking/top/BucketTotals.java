package org.newsroom.ranking.top;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.newsroom.ranking.counting.HourlyBuckets;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads the hourly buckets for the lists: only on the refresher's thread, never for a request. */
@Component
public class BucketTotals {

	/** An article's views in a window under one section. */
	public record Total(String articleId, String section, long views) {
	}

	/** One bucket. */
	public record Bucket(String articleId, String section, Instant hour, long views) {
	}

	private final MongoTemplate mongo;

	public BucketTotals(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Views per article and section in the buckets from {@code from} on (summed by MongoDB). */
	public List<Total> since(Instant from) {
		List<Total> totals = new ArrayList<>();
		for (Document row : mongo.getCollection(HourlyBuckets.COLLECTION)
			.aggregate(List.of(Aggregates.match(Filters.gte(HourlyBuckets.HOUR, Date.from(from))),
					Aggregates.group(new Document("a", "$" + HourlyBuckets.ARTICLE_ID).append("s", "$" + HourlyBuckets.SECTION),
							Accumulators.sum("views", "$" + HourlyBuckets.VIEWS))))) {
			Document id = row.get("_id", Document.class);
			totals.add(new Total(id.getString("a"), id.getString("s"), ((Number) row.get("views")).longValue()));
		}
		return totals;
	}

	/** The buckets themselves from {@code from} on, for scores that weigh each hour. */
	public List<Bucket> bucketsSince(Instant from) {
		List<Bucket> buckets = new ArrayList<>();
		for (Document row : mongo.getCollection(HourlyBuckets.COLLECTION)
			.find(Filters.gte(HourlyBuckets.HOUR, Date.from(from)))
			.projection(Projections.include(HourlyBuckets.ARTICLE_ID, HourlyBuckets.SECTION, HourlyBuckets.HOUR,
					HourlyBuckets.VIEWS))) {
			buckets.add(new Bucket(row.getString(HourlyBuckets.ARTICLE_ID), row.getString(HourlyBuckets.SECTION),
					row.getDate(HourlyBuckets.HOUR).toInstant(), ((Number) row.get(HourlyBuckets.VIEWS)).longValue()));
		}
		return buckets;
	}
}
