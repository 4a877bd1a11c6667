package org.newsroom.ranking.top;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.ranking.RankingServiceTest;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What readers get from {@code /top} and {@code /trending}. */
class TopListTest extends RankingServiceTest {

	/** {@code views} views of the article, each by a new visitor, at {@code at}. */
	private void views(String articleId, int views, Instant at) {
		List<Object> batch = new ArrayList<>();
		for (int i = 0; i < views; i++) {
			batch.add(batchView(articleId, newVisitor(), at));
		}
		batch(Map.of("views", batch)).expectStatus().isAccepted().expectBody().jsonPath("$.accepted").isEqualTo(views);
	}

	@Test
	void eachWindowSumsOnlyItsOwnHours() {
		Instant now = Instant.now();
		String recent = articles.publish("opinion");
		String threeHoursAgo = articles.publish("opinion");
		String yesterday = articles.publish("opinion");
		String lastWeek = articles.publish("opinion");
		views(recent, 1, now.minus(Duration.ofMinutes(1)));
		views(threeHoursAgo, 2, now.minus(Duration.ofHours(3)));
		views(yesterday, 3, now.minus(Duration.ofHours(30)));
		views(lastWeek, 4, now.minus(Duration.ofDays(10)));

		assertViews("/api/rankings/top?window=30d&section=opinion&limit=50", lastWeek, 4);
		assertThat(ids(settled("/api/rankings/top?window=1h&section=opinion&limit=50"))).contains(recent)
			.doesNotContain(threeHoursAgo, yesterday, lastWeek);
		assertThat(ids(settled("/api/rankings/top?window=6h&section=opinion&limit=50"))).contains(recent, threeHoursAgo)
			.doesNotContain(yesterday, lastWeek);
		assertThat(ids(settled("/api/rankings/top?window=24h&section=opinion&limit=50"))).contains(recent, threeHoursAgo)
			.doesNotContain(yesterday, lastWeek);
		assertThat(ids(settled("/api/rankings/top?window=7d&section=opinion&limit=50")))
			.contains(recent, threeHoursAgo, yesterday)
			.doesNotContain(lastWeek);
		assertThat(ids(settled("/api/rankings/top?window=30d&section=opinion&limit=50"))).containsSubsequence(lastWeek,
				yesterday, threeHoursAgo, recent);
	}

	@Test
	void moreViewsRankHigherAndEqualViewsPutTheNewerArticleFirst() {
		Instant now = Instant.now();
		String older = articles.publish("lifestyle");
		String newer = articles.publish("lifestyle");
		String popular = articles.publish("lifestyle");
		views(older, 2, now);
		views(newer, 2, now);
		views(popular, 5, now);

		assertViews("/api/rankings/top?window=1h&section=lifestyle&limit=50", popular, 5);
		List<Map<String, Object>> items = items(settled("/api/rankings/top?window=1h&section=lifestyle&limit=50"));
		assertThat(items).extracting(item -> item.get("articleId")).containsSubsequence(popular, newer, older);
		assertThat(items.get(0)).containsEntry("rank", 1)
			.containsEntry("articleId", popular)
			.containsEntry("views", 5)
			.containsEntry("section", "lifestyle")
			.containsEntry("slug", "story-" + popular.substring(16))
			.containsEntry("headline", "Headline " + popular.substring(16));
		assertThat(items).extracting(item -> item.get("rank")).containsExactly(1, 2, 3);
	}

	@Test
	void theResponseSaysWhichListItIsAndWhenItWasComputed() {
		String article = articles.publish("national");
		views(article, 1, Instant.now());
		assertViews("/api/rankings/top?section=national&limit=50", article, 1);

		Map<String, Object> list = list("/api/rankings/top?section=national");
		assertThat(list).containsEntry("window", "24h").containsEntry("section", "national").containsEntry("stale", false);
		assertThat(Instant.parse((String) list.get("generatedAt"))).isBetween(Instant.now().minusSeconds(10), Instant.now());
		assertThat(list("/api/rankings/top")).containsEntry("section", null);
	}

	@Test
	void aSectionListHoldsOnlyThatSectionAndTheSiteListHoldsAll() {
		Instant now = Instant.now();
		String sports = articles.publish("sports");
		String world = articles.publish("world");
		views(sports, 40, now);
		views(world, 41, now);

		assertViews("/api/rankings/top?window=1h&section=sports&limit=50", sports, 40);
		assertThat(ids(settled("/api/rankings/top?window=1h&section=sports&limit=50"))).contains(sports).doesNotContain(world);
		assertThat(ids(settled("/api/rankings/top?window=1h&limit=50"))).containsSubsequence(world, sports);
		assertThat(ids(list("/api/rankings/top?window=1h&section=&limit=50"))).contains(world, sports);
	}

	@Test
	void anArticleMovedToAnotherSectionLeavesItsOldSectionsList() {
		String article = articles.publish("tech");
		views(article, 3, Instant.now());
		assertViews("/api/rankings/top?window=1h&section=tech&limit=50", article, 3);

		articles.moveTo(article, "business");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> !ids(list("/api/rankings/top?window=1h&section=tech&limit=50")).contains(article));
		assertThat(items(list("/api/rankings/top?window=1h&limit=50"))).filteredOn(i -> article.equals(i.get("articleId")))
			.singleElement()
			.satisfies(item -> assertThat(item).containsEntry("section", "business").containsEntry("views", 3));
	}

	@Test
	void limitCutsTheListAndDefaultsToTen() {
		Instant now = Instant.now();
		for (int i = 0; i < 12; i++) {
			views(articles.publish("culture"), 1, now);
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> items(list("/api/rankings/top?window=1h&section=culture&limit=50")).size() >= 12);

		assertThat(items(list("/api/rankings/top?window=1h&section=culture"))).hasSize(10);
		assertThat(items(list("/api/rankings/top?window=1h&section=culture&limit=3"))).hasSize(3);
		assertThat(items(list("/api/rankings/trending?section=culture&limit=2"))).hasSize(2);
	}

	@Test
	void trendingPutsWhatIsReadNowAboveWhatWasReadMoreYesterday() {
		Instant now = Instant.now();
		String yesterdaysHit = articles.publish("world");
		String risingNow = articles.publish("world");
		views(yesterdaysHit, 30, now.minus(Duration.ofHours(20)));
		views(risingNow, 5, now.minus(Duration.ofMinutes(1)));

		assertViews("/api/rankings/top?window=24h&section=world&limit=50", yesterdaysHit, 30);
		assertThat(ids(settled("/api/rankings/top?window=24h&section=world&limit=50"))).containsSubsequence(yesterdaysHit,
				risingNow);
		Map<String, Object> trending = settled("/api/rankings/trending?section=world&limit=50");
		assertThat(trending).containsEntry("window", "trending");
		assertThat(ids(trending)).containsSubsequence(risingNow, yesterdaysHit);
		assertThat(items(trending)).filteredOn(i -> risingNow.equals(i.get("articleId")))
			.singleElement()
			.satisfies(item -> assertThat(item).containsEntry("views", 5));
	}

	@Test
	void anUnknownWindowOrSectionOrALimitOutOfRangeIs400() {
		http.get().uri("/api/rankings/top?window=2y").exchange().expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("window");
		http.get().uri("/api/rankings/top?section=gossip").exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("section");
		http.get().uri("/api/rankings/trending?section=gossip").exchange().expectStatus().isBadRequest();
		for (String limit : new String[] { "0", "51", "500", "abc", "-1" }) {
			http.get().uri("/api/rankings/top?limit=" + limit).exchange().expectStatus().isBadRequest()
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
			http.get().uri("/api/rankings/trending?limit=" + limit).exchange().expectStatus().isBadRequest();
		}
	}
}
