package org.newsroom.gateway.edge.resilience;

import java.time.Duration;
import java.util.function.Predicate;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.newsroom.platform.problem.ProblemException;

import org.springframework.stereotype.Component;

/**
 * The circuit breakers of the proxied routes ({@code route-<route id>}) and of the page parts
 * ({@code page-article}, {@code page-top}, ...), taken from the Resilience4j registry that Spring
 * configures from {@code resilience4j.circuitbreaker.*} in application.yml: every breaker there
 * is declared by name on the shared default settings, so each is listed at
 * {@code /actuator/circuitbreakers} and exported as {@code resilience4j_circuitbreaker_*} metrics
 * from start-up. A breaker opens when too many recent calls failed or were slow; while open,
 * calls fail at once (503 with Retry-After) instead of waiting on a service that is down; after
 * a pause it lets a few probes through and closes again when they succeed.
 */
@Component
public class ServiceBreakers {

	private final CircuitBreakerRegistry registry;

	public ServiceBreakers(CircuitBreakerRegistry registry) {
		this.registry = registry;
	}

	/**
	 * The named breaker; one not declared in application.yml (a route added without its breaker)
	 * gets the registry's default settings.
	 */
	public CircuitBreaker named(String name) {
		return registry.circuitBreaker(name);
	}

	/**
	 * What a client is told to wait when a breaker refuses a call: the time the breakers stay open
	 * ({@code resilience4j.circuitbreaker.configs.default}, which all of them share).
	 */
	public Duration retryAfter() {
		return Duration.ofMillis(registry.getDefaultConfig().getWaitIntervalFunctionInOpenState().apply(1));
	}

	/**
	 * What a breaker counts as a failure ({@code record-failure-predicate} in application.yml):
	 * anything but a client's own mistake (413, another 4xx), which says nothing about the
	 * service's health.
	 */
	public static final class ServiceFailure implements Predicate<Throwable> {

		@Override
		public boolean test(Throwable error) {
			return !(error instanceof ProblemException problem && problem.status().is4xxClientError());
		}
	}
}
