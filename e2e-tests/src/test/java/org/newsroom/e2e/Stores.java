package org.newsroom.e2e;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

/**
 * Reads the services' stores directly (the embedded wire-protocol servers on their fixed suite
 * ports), to check what the API says against what was actually stored.
 */
final class Stores {

	private Stores() {
	}

	static long count(String service, String collection) {
		try (MongoClient client = MongoClients.create(uri(service))) {
			return client.getDatabase(database(service)).getCollection(collection).countDocuments();
		}
	}

	static <T> T read(String service, java.util.function.Function<MongoDatabase, T> query) {
		try (MongoClient client = MongoClients.create(uri(service))) {
			return query.apply(client.getDatabase(database(service)));
		}
	}

	/** The views ranking-service has stored for the article, over all its hourly buckets. */
	static long views(String articleId) {
		return read("ranking-service", db -> {
			long sum = 0;
			for (Document bucket : db.getCollection("hourly_views").find(Filters.eq("articleId", articleId))) {
				sum += bucket.get("views", Number.class).longValue();
			}
			return sum;
		});
	}

	private static String uri(String service) {
		int offset = switch (service) {
			case "article-service" -> 1;
			case "media-service" -> 2;
			case "ranking-service" -> 3;
			default -> throw new IllegalArgumentException(service);
		};
		return "mongodb://127.0.0.1:" + (LocalStack.STORE_PORT_BASE + offset) + "/?serverSelectionTimeoutMS=3000";
	}

	private static String database(String service) {
		return switch (service) {
			case "article-service" -> "articles";
			case "media-service" -> "media";
			default -> "rankings";
		};
	}
}
