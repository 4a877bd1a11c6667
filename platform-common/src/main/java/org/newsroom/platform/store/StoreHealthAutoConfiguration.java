package org.newsroom.platform.store;

import com.mongodb.client.MongoClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** Registers {@link MongoPingHealthIndicator} under the name Boot's MongoDB indicator backs off for. */
@AutoConfiguration(afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
		beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@ConditionalOnClass({ MongoClient.class, HealthIndicator.class })
public class StoreHealthAutoConfiguration {

	@Bean(name = "mongoHealthContributor")
	@ConditionalOnBean(MongoClient.class)
	MongoPingHealthIndicator mongoHealthContributor(MongoClient client) {
		return new MongoPingHealthIndicator(client);
	}
}
