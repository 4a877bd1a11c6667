package org.newsroom.gateway.page;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the three services answer (env ARTICLE_SERVICE_URL, MEDIA_SERVICE_URL, RANKING_SERVICE_URL). */
@ConfigurationProperties("newsroom.services")
public record ServiceLocations(String article, String media, String ranking) {
}
