package org.newsroom.ranking.counting;

import java.util.Map;

import org.newsroom.platform.test.TestMongo;

/** The shared dedupe in the service's own MongoDB ({@link SharedViewStore}), reached by both replicas. */
class SharedDedupeTest extends SharedDedupeContract {

	@Override
	int sharedStorePort() {
		return Integer.parseInt(TestMongo.uri().substring(TestMongo.uri().lastIndexOf(':') + 1));
	}

	@Override
	Map<String, String> sharedStore(String host, int port) {
		return Map.of("spring.mongodb.uri", "mongodb://" + host + ":" + port, "newsroom.rankings.ingest.shared-store",
				"mongodb");
	}
}
