package org.newsroom.platform.observability;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Every circuit breaker of the Resilience4j registry that Spring configures from
 * {@code resilience4j.circuitbreaker.*} as {@code resilience4j_circuitbreaker_*} metrics (state,
 * calls, failure and slow-call rates), breakers created later included.
 *
 * <p>Resilience4j's own Spring Boot 3 starter would do this, but under Spring Boot 4 its metrics
 * configuration no longer finds the meter registry (it orders itself after Boot 3's metrics
 * configuration class, which Boot 4 moved), so no breaker reached /actuator/prometheus. This
 * binder is the one line it would have run; Boot binds every {@link MeterBinder} bean to the
 * meter registry.
 */
@AutoConfiguration
@ConditionalOnClass({ CircuitBreakerRegistry.class, TaggedCircuitBreakerMetrics.class, MeterBinder.class })
public class BreakerMetricsAutoConfiguration {

	@Bean
	MeterBinder circuitBreakerMetrics(ObjectProvider<CircuitBreakerRegistry> breakers) {
		return meters -> breakers
			.ifAvailable(registry -> TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters));
	}
}
