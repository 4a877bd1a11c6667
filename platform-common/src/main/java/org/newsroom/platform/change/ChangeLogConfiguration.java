package org.newsroom.platform.change;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A service that records what changed for readers (article-service, media-service) imports this:
 * its {@link ChangeLog} in its own database, which {@link ChangeFeedAutoConfiguration} then
 * publishes at {@value ChangeFeed#PATH}. The services that only follow changes do not.
 */
@Configuration(proxyBeanMethods = false)
public class ChangeLogConfiguration {

	@Bean
	ChangeLog changeLog(MongoTemplate mongo, Clock clock) {
		return new ChangeLog(mongo, clock);
	}
}
