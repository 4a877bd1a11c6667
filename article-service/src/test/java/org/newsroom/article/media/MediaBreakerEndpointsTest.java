package org.newsroom.article.media;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The breaker in front of media-service is the one configured under {@code resilience4j.*}
 * (application.yml, with this suite's shorter settings), and operators see it: at
 * {@code /actuator/circuitbreakers} with its threshold, and in {@code /actuator/prometheus}.
 */
class MediaBreakerEndpointsTest extends ArticleServiceTest {

	@Test
	void theMediaBreakerRunsWithItsConfiguredValues() {
		var config = mediaClient.breaker().getCircuitBreakerConfig();
		assertThat(config.getSlidingWindowSize()).isEqualTo(6);
		assertThat(config.getMinimumNumberOfCalls()).isEqualTo(6);
		assertThat(config.getFailureRateThreshold()).isEqualTo(50f);
		assertThat(config.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(1000L);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theMediaBreakerIsListedWithItsConfiguredThreshold() {
		Map<String, Object> body = http.get().uri("/actuator/circuitbreakers").exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		Map<String, Object> breakers = (Map<String, Object>) body.get("circuitBreakers");
		assertThat(breakers).containsKey("media");
		assertThat((Map<String, Object>) breakers.get("media")).containsEntry("failureRateThreshold", "50.0%");
	}

	@Test
	void theMediaBreakerIsInTheMetrics() {
		String metrics = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(metrics).containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"media\"")
			.containsPattern("resilience4j_circuitbreaker_failure_rate\\{[^}]*name=\"media\"");
	}
}
