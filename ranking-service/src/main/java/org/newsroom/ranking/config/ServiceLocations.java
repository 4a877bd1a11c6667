package org.newsroom.ranking.config;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the services ranking-service calls live (env {@code ARTICLE_SERVICE_URL}). */
@ConfigurationProperties("newsroom.services")
public record ServiceLocations(URI article) {
}
