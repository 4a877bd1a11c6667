package org.newsroom.ranking.top;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.ranking.RankingServiceTest;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A withdrawn article leaves every list as soon as article-service's change log says so, not at
 * the next refresh (here a minute away): readers never see it in a Top 10 two seconds later.
 */
class WithdrawnArticleTest extends RankingServiceTest {

	@DynamicPropertySource
	static void slowRefresh(DynamicPropertyRegistry registry) {
		registry.add("newsroom.rankings.top.refresh", () -> "60s");
		registry.add("newsroom.rankings.top.long-window-refresh", () -> "60s");
	}

	@Test
	void aWithdrawnArticleLeavesTheListsWithinTwoSeconds() {
		String withdrawn = articles.publish("national");
		String kept = articles.publish("national");
		for (int i = 0; i < 3; i++) {
			view(withdrawn).expectStatus().isAccepted();
		}
		view(kept).expectStatus().isAccepted();
		awaitIdle();
		// the lists were computed at start, before these views; a change of a published article
		// brings the next refresh forward (an edit here)
		articles.edited(kept);
		await().atMost(Duration.ofSeconds(5)).until(() -> ids(list("/api/rankings/top?window=1h")).contains(withdrawn));

		long started = System.nanoTime();
		articles.withdraw(withdrawn);
		await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
			.until(() -> !ids(list("/api/rankings/top?window=1h")).contains(withdrawn));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		Map<String, Object> top = list("/api/rankings/top?window=1h");
		assertThat(ids(top)).containsExactly(kept);
		assertThat(items(top).get(0).get("rank")).isEqualTo(1);
	}
}
