package org.newsroom.gateway.edge.limits;

import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.MeterRegistry;
import org.newsroom.gateway.edge.EdgeProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The client limits, kept where {@code newsroom.edge.rate-limits.store} says: this replica's
 * memory, or the Redis at {@code spring.data.redis.url} for all replicas together.
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

	@Bean
	ClientLimits clientLimits(EdgeProperties properties, MeterRegistry registry,
			@Value("${spring.data.redis.url:redis://localhost:6379}") String redisUrl) {
		EdgeProperties.RateLimits settings = properties.rateLimits();
		boolean shared = settings.enabled() && settings.store() == EdgeProperties.Store.REDIS;
		return new ClientLimits(settings, shared ? new SharedStore(RedisURI.create(redisUrl), settings, registry) : null);
	}
}
