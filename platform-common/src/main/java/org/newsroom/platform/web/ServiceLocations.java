package org.newsroom.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services answer, for whichever of them an application calls: {@code newsroom.services.*}
 * in its application.yml, from {@code ARTICLE_SERVICE_URL}, {@code MEDIA_SERVICE_URL} and
 * {@code RANKING_SERVICE_URL}. An application leaves unset the ones it does not call.
 *
 * @param article article-service's base URL, without a trailing slash
 * @param media media-service's base URL
 * @param ranking ranking-service's base URL
 */
@ConfigurationProperties("newsroom.services")
public record ServiceLocations(String article, String media, String ranking) {
}
