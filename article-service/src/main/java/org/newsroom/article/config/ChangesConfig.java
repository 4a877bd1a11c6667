package org.newsroom.article.config;

import java.time.Clock;

import org.newsroom.article.story.PublishedArticles;
import org.newsroom.platform.change.ChangeFollower;
import org.newsroom.platform.change.ChangeLog;
import org.newsroom.platform.change.ChangeLogConfiguration;
import org.newsroom.platform.change.ChangeSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The change log of the articles readers see (published at /internal/changes for the gateway
 * and ranking-service), and this replica following it, so that another replica's change drops
 * this one's copy of the article too.
 */
@Configuration(proxyBeanMethods = false)
@Import(ChangeLogConfiguration.class)
class ChangesConfig {

	@Bean
	ChangeFollower publishedArticlesFollower(ChangeLog log, PublishedArticles published, ChangeSettings settings,
			Clock clock) {
		return new ChangeFollower("articles", log::read, published, settings.interval(), settings.overlap(),
				settings.settle(), clock);
	}
}
