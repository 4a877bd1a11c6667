package org.newsroom.ranking.top;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.ranking.RankingServiceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The lists when article-service is down, slow or flapping, and when an article is withdrawn. */
class ArticleServiceOutageTest extends RankingServiceTest {

	static final String LIST = "/api/rankings/top?window=1h&section=national&limit=50";

	@AfterEach
	void articleServiceRecovers() {
		articles.healthy();
		await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.FALSE.equals(list(LIST).get("stale")));
	}

	private void views(String articleId, int views) {
		List<Object> batch = new ArrayList<>();
		for (int i = 0; i < views; i++) {
			batch.add(batchView(articleId, newVisitor(), Instant.now()));
		}
		batch(Map.of("views", batch)).expectStatus().isAccepted();
	}

	@Test
	void whenArticleServiceIsDownTheLastGoodListIsServedMarkedStale() {
		String article = articles.publish("national");
		views(article, 2);
		assertViews(LIST, article, 2);
		Object generatedAt = list(LIST).get("generatedAt");

		articles.down();

		await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(list(LIST).get("stale")));
		Map<String, Object> stale = list(LIST);
		assertThat(ids(stale)).contains(article);
		assertThat(Instant.parse((String) stale.get("generatedAt"))).isAfterOrEqualTo(Instant.parse((String) generatedAt));

		articles.healthy();
		await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.FALSE.equals(list(LIST).get("stale")));
		assertThat(ids(list(LIST))).contains(article);
	}

	@Test
	void whenArticleServiceIsSlowReadersGetTheLastGoodListWithoutWaiting() {
		String article = articles.publish("national");
		views(article, 1);
		assertViews(LIST, article, 1);

		articles.slow(Duration.ofSeconds(6));

		await().atMost(Duration.ofSeconds(15)).until(() -> Boolean.TRUE.equals(list(LIST).get("stale")));
		for (int i = 0; i < 20; i++) {
			long started = System.nanoTime();
			Map<String, Object> list = list(LIST);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
			assertThat(ids(list)).contains(article);
		}
	}

	@Test
	void anArticleWithdrawnMeanwhileLeavesTheListAtTheNextRefreshAndStopsCounting() {
		String kept = articles.publish("national");
		String withdrawn = articles.publish("national");
		views(kept, 1);
		views(withdrawn, 3);
		assertViews(LIST, withdrawn, 3);

		articles.withdraw(withdrawn);

		await().atMost(Duration.ofSeconds(10)).until(() -> !ids(list(LIST)).contains(withdrawn));
		assertThat(list(LIST)).containsEntry("stale", false);
		assertThat(ids(list(LIST))).contains(kept);
		view(withdrawn).expectStatus().isAccepted();
		assertStored(withdrawn, 3);
	}

	@Test
	void whileArticleServiceFlapsEveryAnswerIsAListAndNoFreshListHoldsAWithdrawnArticle() {
		String kept = articles.publish("national");
		String withdrawn = articles.publish("national");
		views(kept, 2);
		views(withdrawn, 2);
		assertViews(LIST, withdrawn, 2);

		articles.withdraw(withdrawn);
		Instant withdrawnAt = Instant.now();
		articles.flapping();

		boolean sawStale = false;
		long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
		while (System.nanoTime() < until) {
			Map<String, Object> list = list(LIST);
			if (Boolean.TRUE.equals(list.get("stale"))) {
				sawStale = true;
			}
			else if (Instant.parse((String) list.get("generatedAt")).isAfter(withdrawnAt)) {
				assertThat(ids(list)).contains(kept).doesNotContain(withdrawn);
			}
		}
		assertThat(sawStale).as("the failed refreshes were noticed").isTrue();

		articles.healthy();
		await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.FALSE.equals(list(LIST).get("stale")));
		assertThat(ids(list(LIST))).contains(kept).doesNotContain(withdrawn);
	}

	@Test
	void viewsOfNewArticlesWaitWhileArticleServiceIsDownAndCountWhenItAnswers() {
		articles.down();
		String article = articles.publish("national");

		view(article).expectStatus().isAccepted();
		view(article).expectStatus().isAccepted();
		await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> stored(article) == 0);

		articles.healthy();
		assertViews(LIST, article, 2);
		assertStored(article, 2);
	}
}
