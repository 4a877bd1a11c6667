package org.newsroom.ranking.article;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.ranking.RankingServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The breaker in front of article-service is the one configured under {@code resilience4j.*} in
 * application.yml, and operators see it: at {@code /actuator/circuitbreakers} with its threshold
 * and state, and in {@code /actuator/prometheus}.
 */
class ArticleBreakerEndpointsTest extends RankingServiceTest {

	@Test
	@SuppressWarnings("unchecked")
	void theArticleBreakerIsListedWithItsConfiguredThreshold() {
		Map<String, Object> body = http.get().uri("/actuator/circuitbreakers").exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		Map<String, Object> breakers = (Map<String, Object>) body.get("circuitBreakers");
		assertThat(breakers).containsKey("article-summaries");
		Map<String, Object> breaker = (Map<String, Object>) breakers.get("article-summaries");
		assertThat(breaker).containsEntry("failureRateThreshold", "50.0%");
	}

	@Test
	void theArticleBreakerIsInTheMetrics() {
		String metrics = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(metrics)
			.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"article-summaries\"")
			.containsPattern("resilience4j_circuitbreaker_failure_rate\\{[^}]*name=\"article-summaries\"");
	}
}
