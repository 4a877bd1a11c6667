package org.newsroom.ranking.config;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.newsroom.ranking.counting.Replica;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RankingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RankingConfiguration.class);

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	Replica replica() {
		Replica replica = Replica.random();
		log.info("Counting as replica {} (flush batches are numbered per replica)", replica.id());
		return replica;
	}

	/**
	 * The driver would wait 30 s to find a server and forever for an answer; the flusher and the
	 * refresher must notice a slow or absent store within {@code store-timeout} and retry.
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer storeTimeouts(RankingProperties properties) {
		long millis = properties.counting().storeTimeout().toMillis();
		return settings -> settings
			.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
			.applyToSocketSettings(socket -> socket.connectTimeout((int) millis, TimeUnit.MILLISECONDS)
				.readTimeout((int) millis, TimeUnit.MILLISECONDS));
	}
}
