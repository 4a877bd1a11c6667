package org.newsroom.article.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sections the newspaper's sections; an article belongs to exactly one
 *     (env {@code NEWSROOM_ARTICLES_SECTIONS}, comma-separated; default in application.yml)
 * @param scheduler the scheduled publisher (publishAt and embargoes)
 *
 * <p>The call to media-service that guards publishing (its time limit, retries, breaker and
 * thread pool) is configured under {@code resilience4j.*} in application.yml (media/MediaClient).
 */
@ConfigurationProperties("newsroom.articles")
public record ArticleProperties(
		List<String> sections,
		@DefaultValue Scheduler scheduler) {

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
}
