package org.newsroom.ranking.view;

import java.util.List;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.newsroom.ranking.config.RankingProperties;

import org.springframework.stereotype.Component;

/**
 * Known bots and crawlers, recognised by a fragment of their user agent (the list is
 * {@code newsroom.rankings.ingest.bot-agents} in {@code application.yml}). A request without a
 * user agent is no browser either. Verdicts are cached per user agent: a site sees few distinct
 * ones, so the hot path usually pays one hash lookup.
 */
@Component
public class BotAgents {

	private static final int LONGEST_CACHED = 512;

	private final List<String> fragments;

	private final Cache<String, Boolean> verdicts = Caffeine.newBuilder().maximumSize(10_000).build();

	public BotAgents(RankingProperties properties) {
		this.fragments = properties.ingest().botAgents().stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
	}

	public boolean isBot(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return true;
		}
		if (userAgent.length() > LONGEST_CACHED) {
			return matches(userAgent);
		}
		return verdicts.get(userAgent, this::matches);
	}

	private boolean matches(String userAgent) {
		String lower = userAgent.toLowerCase(Locale.ROOT);
		for (String fragment : fragments) {
			if (lower.contains(fragment)) {
				return true;
			}
		}
		return false;
	}
}
