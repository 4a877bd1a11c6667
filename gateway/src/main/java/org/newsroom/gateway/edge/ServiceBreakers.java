package org.newsroom.gateway.edge;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.newsroom.platform.problem.ProblemException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One circuit breaker per proxied route and per page part, all with the same settings. A
 * breaker opens when too many recent calls failed or were slow; while open, calls fail at once
 * (503 with Retry-After) instead of waiting on a service that is down; after a pause it lets a
 * few probes through and closes again when they succeed. State and counts are exported as
 * {@code resilience4j_circuitbreaker_*} metrics.
 */
@Component
public class ServiceBreakers {

	private final CircuitBreakerRegistry registry;
	private final Duration waitInOpen;

	public ServiceBreakers(EdgeProperties properties, ObjectProvider<MeterRegistry> meters) {
		EdgeProperties.Breaker settings = properties.resilience().breaker();
		this.waitInOpen = settings.waitInOpen();
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.failureRateThreshold(settings.failureRateThreshold())
			.slowCallDurationThreshold(settings.slowCallDuration())
			.slowCallRateThreshold(settings.slowCallRateThreshold())
			.slidingWindowSize(settings.slidingWindow())
			.minimumNumberOfCalls(settings.minimumCalls())
			.waitDurationInOpenState(settings.waitInOpen())
			.permittedNumberOfCallsInHalfOpenState(settings.probesInHalfOpen())
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			// a client's own mistake (413, 4xx) says nothing about the service's health
			.recordException(error -> !(error instanceof ProblemException problem && problem.status().is4xxClientError()))
			.build();
		this.registry = CircuitBreakerRegistry.of(config);
		meters.ifAvailable(meterRegistry -> TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry)
			.bindTo(meterRegistry));
	}

	public CircuitBreaker named(String name) {
		return registry.circuitBreaker(name);
	}

	/** What a client is told to wait when a breaker refuses a call. */
	public Duration retryAfter() {
		return waitInOpen;
	}
}
