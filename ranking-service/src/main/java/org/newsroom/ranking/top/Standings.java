package org.newsroom.ranking.top;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order of articles in one window (or trending), site-wide and per section, before
 * article-service is asked which of them are published.
 *
 * <p>Order: score descending (the views, or the trending score), then views descending, then
 * article id descending. Article ids are ObjectIds, which begin with their creation time, so
 * among equals the newer article comes first; ids are unique, so the order is total and the
 * same on every replica.
 */
final class Standings {

	record Candidate(String articleId, long views, double score) {
	}

	static final Comparator<Candidate> ORDER = Comparator.comparingDouble(Candidate::score)
		.reversed()
		.thenComparing(Comparator.comparingLong(Candidate::views).reversed())
		.thenComparing(Comparator.comparing(Candidate::articleId).reversed());

	/** The site-wide standings' key. */
	static final String SITE = "";

	private static final class Tally {

		long views;
		double score;
	}

	private final Map<String, Map<String, Tally>> bySection = new HashMap<>();

	/** Adds views (and their score) of an article counted under a section. */
	void add(String articleId, String section, long views, double score) {
		tally(SITE, articleId, views, score);
		if (section != null) {
			tally(section, articleId, views, score);
		}
	}

	private void tally(String list, String articleId, long views, double score) {
		Tally tally = bySection.computeIfAbsent(list, l -> new HashMap<>()).computeIfAbsent(articleId, a -> new Tally());
		tally.views += views;
		tally.score += score;
	}

	/** The first {@code n} of the site ({@link #SITE}) or of a section. */
	List<Candidate> best(String section, int n) {
		Map<String, Tally> tallies = bySection.getOrDefault(section, Map.of());
		List<Candidate> all = new ArrayList<>(tallies.size());
		tallies.forEach((id, tally) -> all.add(new Candidate(id, tally.views, tally.score)));
		all.sort(ORDER);
		return all.size() <= n ? all : new ArrayList<>(all.subList(0, n));
	}
}
