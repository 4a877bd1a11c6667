package org.newsroom.ranking.top;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The gravity formula and the order of the lists. */
class TrendingScoreTest {

	@Test
	void viewsAreDividedByTheirAgePlusTwoToTheGravity() {
		assertThat(TrendingScore.of(100, 0, 1.8)).isCloseTo(100 / Math.pow(2, 1.8), within(1e-9));
		assertThat(TrendingScore.of(100, 0, 1.8)).isCloseTo(28.717, within(1e-3));
		assertThat(TrendingScore.of(100, 1, 1.8)).isCloseTo(13.841, within(1e-3));
		assertThat(TrendingScore.of(100, 22, 1.8)).isCloseTo(0.328, within(1e-3));
	}

	@Test
	void aBucketsAgeIsMeasuredFromTheMiddleOfItsHour() {
		Instant hour = Instant.parse("2025-05-01T09:00:00Z");
		assertThat(TrendingScore.ageHours(hour, Instant.parse("2025-05-01T09:10:00Z"))).isZero();
		assertThat(TrendingScore.ageHours(hour, Instant.parse("2025-05-01T10:00:00Z"))).isCloseTo(0.5, within(1e-9));
		assertThat(TrendingScore.ageHours(hour, Instant.parse("2025-05-02T09:30:00Z"))).isCloseTo(24, within(1e-9));
	}

	@Test
	void fewViewsNowBeatManyViewsYesterday() {
		double yesterday = TrendingScore.of(30, 20, 1.8);
		double now = TrendingScore.of(5, 0, 1.8);
		assertThat(now).isGreaterThan(yesterday);
	}

	@Test
	void standingsOrderByScoreThenViewsThenNewerArticleFirst() {
		Standings standings = new Standings();
		standings.add("65a000000000000000000001", "world", 10, 10);
		standings.add("65a000000000000000000002", "world", 10, 10);
		standings.add("65a000000000000000000003", "sports", 12, 12);
		standings.add("65a000000000000000000004", "world", 3, 20);
		standings.add("65a000000000000000000005", "world", 11, 10);

		assertThat(standings.best(Standings.SITE, 10)).extracting(Standings.Candidate::articleId)
			.containsExactly("65a000000000000000000004", "65a000000000000000000003", "65a000000000000000000005",
					"65a000000000000000000002", "65a000000000000000000001");
		assertThat(standings.best("world", 2)).extracting(Standings.Candidate::articleId)
			.isEqualTo(List.of("65a000000000000000000004", "65a000000000000000000005"));
		assertThat(standings.best("opinion", 10)).isEmpty();
	}

	@Test
	void anArticleCountedUnderTwoSectionsSumsInTheSiteList() {
		Standings standings = new Standings();
		standings.add("65a000000000000000000001", "world", 4, 4);
		standings.add("65a000000000000000000001", "national", 3, 3);

		assertThat(standings.best(Standings.SITE, 10)).singleElement()
			.satisfies(c -> assertThat(c.views()).isEqualTo(7));
		assertThat(standings.best("world", 10)).singleElement().satisfies(c -> assertThat(c.views()).isEqualTo(4));
	}
}
