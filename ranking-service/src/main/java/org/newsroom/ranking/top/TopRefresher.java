package org.newsroom.ranking.top;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.newsroom.ranking.article.ArticleDirectory;
import org.newsroom.ranking.article.ArticleSummary;
import org.newsroom.platform.lifecycle.Rounds;
import org.newsroom.ranking.config.RankingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Recomputes the lists in the background: the 1h, 6h, 24h and trending lists every
 * {@code refresh}, the 7d and 30d lists every {@code long-window-refresh}. Each round sums the
 * buckets (in MongoDB), takes the best {@code candidates} per list, asks article-service once
 * for all of them (fresh, never from a cache: an article withdrawn a moment ago must go), and
 * replaces the lists with the published articles among the candidates, with their current
 * slug, headline and section. An article counted under a section it has since left does not
 * appear in that section's list.
 *
 * <p>A round is computed once for the whole deployment: of the replicas, the one that claims the
 * round of a set of lists ({@link ListSet}) computes it and stores it, and every replica serves
 * the stored lists ({@link SharedLists}). When the buckets cannot be read or article-service
 * cannot answer, the stored lists keep their last good content, marked stale.
 */
@Component
public class TopRefresher extends Rounds {

	static final String TRENDING = "trending";

	/** The most a list holds (the largest {@code limit}). */
	static final int LIST_SIZE = 50;

	private static final Logger log = LoggerFactory.getLogger(TopRefresher.class);

	private final BucketTotals totals;
	private final ArticleDirectory articles;
	private final SharedLists shared;
	private final RankingProperties properties;
	private final Clock clock;
	private final Map<String, Long> nextDue = new HashMap<>();
	private volatile boolean failing;
	private volatile boolean unclaimable;
	private volatile boolean soon;

	public TopRefresher(BucketTotals totals, ArticleDirectory articles, SharedLists shared, RankingProperties properties,
			Clock clock) {
		super("ranking-top-refresh", "Refreshing the top lists", tick(properties));
		this.totals = totals;
		this.articles = articles;
		this.shared = shared;
		this.properties = properties;
		this.clock = clock;
	}

	/** How often to look which lists are due: a quarter of the shortest refresh, within 20 ms and 1 s. */
	private static Duration tick(RankingProperties properties) {
		Duration shortest = properties.top().refresh().compareTo(properties.top().longWindowRefresh()) < 0
				? properties.top().refresh() : properties.top().longWindowRefresh();
		return Duration.ofMillis(Math.max(20, Math.min(1000, shortest.toMillis() / 4)));
	}

	/** Refreshes the lists of the short windows at the next tick, whatever their schedule. */
	public void refreshSoon() {
		soon = true;
	}

	/** Refreshes the lists that are due. */
	@Override
	protected void round() {
		long now = System.nanoTime();
		boolean early = soon;
		soon = false;
		List<String> due = new ArrayList<>();
		for (String kind : kinds()) {
			Long at = nextDue.get(kind);
			boolean shortWindow = interval(kind).equals(properties.top().refresh());
			if (at == null || now - at >= 0 || early && shortWindow) {
				due.add(kind);
				nextDue.put(kind, now + interval(kind).toNanos());
			}
		}
		if (!due.isEmpty()) {
			refresh(due, clock.instant());
		}
	}

	private static List<String> kinds() {
		List<String> kinds = new ArrayList<>();
		for (Window window : Window.values()) {
			kinds.add(window.label());
		}
		kinds.add(TRENDING);
		return kinds;
	}

	private Duration interval(String kind) {
		Window window = Window.named(kind);
		return window != null && window.isLong() ? properties.top().longWindowRefresh() : properties.top().refresh();
	}

	/**
	 * One round for the given windows (labels or {@code trending}): each set of them is computed
	 * here only if this replica claims it, else another replica computes it.
	 */
	void refresh(List<String> kinds, Instant now) {
		// stored with millisecond precision: every replica serves the same generatedAt
		Instant at = now.truncatedTo(ChronoUnit.MILLIS);
		for (ListSet set : ListSet.values()) {
			List<String> due = kinds.stream().filter(kind -> ListSet.of(kind) == set).toList();
			if (!due.isEmpty() && claim(set, at)) {
				compute(set, due, at);
			}
		}
	}

	/** Whether this replica computes the set's round; not when the store cannot say (its lists go stale). */
	private boolean claim(ListSet set, Instant now) {
		try {
			boolean claimed = shared.claim(set, now);
			unclaimable = false;
			return claimed;
		}
		catch (RuntimeException e) {
			if (!unclaimable) {
				log.warn("Cannot claim the round of the {} lists (the store does not answer); the lists served are "
						+ "marked stale until it does: {}", set.id(), e.toString());
			}
			unclaimable = true;
			return false;
		}
	}

	private void compute(ListSet set, List<String> kinds, Instant now) {
		List<String> sectionLists = new ArrayList<>();
		sectionLists.add(Standings.SITE);
		sectionLists.addAll(properties.sections());
		int candidates = Math.max(LIST_SIZE, properties.top().candidates());

		Map<String, Map<String, List<Standings.Candidate>>> chosen = new LinkedHashMap<>();
		Set<String> ids = new LinkedHashSet<>();
		List<String> unreadable = new ArrayList<>();
		for (String kind : kinds) {
			Standings standings;
			try {
				standings = standings(kind, now);
			}
			catch (RuntimeException e) {
				unreadable.add(kind);
				log.warn("Cannot read the buckets for the {} lists; serving the last good ones: {}", kind, e.toString());
				continue;
			}
			Map<String, List<Standings.Candidate>> perSection = new LinkedHashMap<>();
			for (String section : sectionLists) {
				List<Standings.Candidate> best = standings.best(section, candidates);
				perSection.put(section, best);
				best.forEach(c -> ids.add(c.articleId()));
			}
			chosen.put(kind, perSection);
		}
		if (chosen.isEmpty()) {
			shared.publish(set, now, Map.of(), unreadable);
			return;
		}

		Map<String, ArticleSummary> published;
		try {
			published = articles.fresh(ids).block();
		}
		catch (RuntimeException e) {
			if (!failing) {
				log.warn("article-service cannot say which articles are published; serving the last good lists, "
						+ "marked stale: {}", e.toString());
			}
			failing = true;
			List<String> stale = new ArrayList<>(unreadable);
			stale.addAll(chosen.keySet());
			shared.publish(set, now, Map.of(), stale);
			return;
		}
		if (failing) {
			log.info("article-service answers again; the lists are fresh");
			failing = false;
		}
		Map<String, List<TopList>> fresh = new LinkedHashMap<>();
		chosen.forEach((kind, perSection) -> fresh.put(kind, perSection.entrySet()
			.stream()
			.map(best -> list(kind, best.getKey().isEmpty() ? null : best.getKey(), best.getValue(), published, now))
			.toList()));
		shared.publish(set, now, fresh, unreadable);
	}

	private Standings standings(String kind, Instant now) {
		Standings standings = new Standings();
		if (TRENDING.equals(kind)) {
			double gravity = properties.top().trendingGravity();
			Instant from = now.truncatedTo(ChronoUnit.HOURS).minus(properties.top().trendingLookback());
			for (BucketTotals.Bucket bucket : totals.bucketsSince(from)) {
				double score = TrendingScore.of(bucket.views(), TrendingScore.ageHours(bucket.hour(), now), gravity);
				standings.add(bucket.articleId(), bucket.section(), bucket.views(), score);
			}
		}
		else {
			for (BucketTotals.Total total : totals.since(Window.named(kind).from(now))) {
				standings.add(total.articleId(), total.section(), total.views(), total.views());
			}
		}
		return standings;
	}

	private static TopList list(String kind, String section, List<Standings.Candidate> best,
			Map<String, ArticleSummary> published, Instant now) {
		List<TopList.Entry> entries = new ArrayList<>(LIST_SIZE);
		for (Standings.Candidate candidate : best) {
			ArticleSummary summary = published.get(candidate.articleId());
			// not published any more, or moved to another section since these views
			if (summary == null || section != null && !section.equals(summary.section())) {
				continue;
			}
			entries.add(new TopList.Entry(entries.size() + 1, candidate.articleId(), summary.slug(), summary.headline(),
					summary.section(), candidate.views()));
			if (entries.size() == LIST_SIZE) {
				break;
			}
		}
		return new TopList(kind, section, now, false, List.copyOf(entries));
	}
}
