package org.newsroom.article.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sections the newspaper's sections; an article belongs to exactly one
 *     (env {@code NEWSROOM_ARTICLES_SECTIONS}, comma-separated)
 */
@ConfigurationProperties("newsroom.articles")
public record ArticleProperties(
		@DefaultValue({ "national", "world", "business", "opinion", "sports", "culture", "lifestyle", "tech" })
		List<String> sections) {
}
