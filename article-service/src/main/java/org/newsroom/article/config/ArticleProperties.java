package org.newsroom.article.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sections the newspaper's sections; an article belongs to exactly one
 *     (env {@code NEWSROOM_ARTICLES_SECTIONS}, comma-separated; default in application.yml)
 * @param scheduler the scheduled publisher (publishAt and embargoes)
 * @param mediaCheck the call to media-service that guards publishing
 */
@ConfigurationProperties("newsroom.articles")
public record ArticleProperties(
		List<String> sections,
		@DefaultValue Scheduler scheduler,
		@DefaultValue MediaCheck mediaCheck) {

	/**
	 * @param interval how often each replica looks for due articles
	 * @param lease how long a claimed article is held by the replica that claimed it; another
	 *     replica may take it over after that (a replica that died mid-publish)
	 * @param retryDelay how long an article waits after a failed attempt (media down, photo
	 *     unusable) before the next one
	 * @param batch at most this many articles per look
	 */
	public record Scheduler(
			@DefaultValue("true") boolean enabled,
			@DefaultValue("5s") Duration interval,
			@DefaultValue("60s") Duration lease,
			@DefaultValue("60s") Duration retryDelay,
			@DefaultValue("100") int batch) {
	}

	/**
	 * @param timeout each attempt's limit (connection and answer)
	 * @param attempts attempts in all, for connection errors, timeouts and 5xx only
	 * @param backoff wait before the second attempt; doubled for each later one
	 * @param failureRate percentage of failed calls (in the window) that opens the breaker
	 * @param window the number of recent calls the breaker judges
	 * @param minimumCalls calls needed before the breaker judges at all
	 * @param openFor how long the breaker stays open before letting a trial call through; also
	 *     the {@code Retry-After} given to clients meanwhile
	 */
	public record MediaCheck(
			@DefaultValue("2s") Duration timeout,
			@DefaultValue("3") int attempts,
			@DefaultValue("200ms") Duration backoff,
			@DefaultValue("50") float failureRate,
			@DefaultValue("10") int window,
			@DefaultValue("5") int minimumCalls,
			@DefaultValue("30s") Duration openFor) {
	}
}
