package org.newsroom.platform.store;

import com.mongodb.client.MongoClient;
import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Checks the store with {@code ping}, which both MongoDB and the embedded wire-protocol server
 * answer (Boot's own indicator sends {@code hello}, which the embedded server lacks).
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

	private final MongoClient client;

	public MongoPingHealthIndicator(MongoClient client) {
		super("MongoDB health check failed");
		this.client = client;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		client.getDatabase("admin").runCommand(new Document("ping", 1));
		builder.up();
	}
}
