package org.newsroom.gateway.services;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where each service's instances answer: {@code newsroom.services.article|media|ranking}, from
 * {@code ARTICLE_SERVICE_URL}, {@code MEDIA_SERVICE_URL} and {@code RANKING_SERVICE_URL}, each a
 * comma-separated list of base URLs (one URL is a list of one). On Kubernetes each is the one
 * address of the service's Service, which balances itself; a local run with replicas lists every
 * replica, and the gateway balances over them ({@link ServiceBalancing}).
 *
 * @param article article-service's instances
 * @param media media-service's instances
 * @param ranking ranking-service's instances
 */
@ConfigurationProperties("newsroom.services")
public record ServiceReplicas(@DefaultValue List<URI> article, @DefaultValue List<URI> media,
		@DefaultValue List<URI> ranking) {

	/** The instances of the service the gateway calls by this name, none for a name it does not know. */
	public List<URI> of(String service) {
		return switch (service) {
			case ServiceDirectory.ARTICLE -> article;
			case ServiceDirectory.MEDIA -> media;
			case ServiceDirectory.RANKING -> ranking;
			default -> List.of();
		};
	}
}
