package org.newsroom.gateway.services;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * How the gateway's own code calls the services (page composition, the page cache's change logs,
 * the desk): by name, {@code http://article-service/...}, through a WebClient whose load
 * balancer picks one of the service's instances for each call ({@link ServiceBalancing}) and, for
 * a GET whose instance could not be reached, tries the next one. The proxied routes reach the
 * same instances through {@code lb://article-service} (application.yml).
 */
@Component
public class ServiceDirectory {

	public static final String ARTICLE = "article-service";

	public static final String MEDIA = "media-service";

	public static final String RANKING = "ranking-service";

	private final WebClient.Builder balanced;

	@Autowired
	ServiceDirectory(WebClient.Builder builder, LoadBalancedExchangeFilterFunction balancer) {
		this(builder, (ExchangeFilterFunction) balancer);
	}

	/** With {@code balancer} resolving the service names (tests stand one in). */
	public ServiceDirectory(WebClient.Builder builder, ExchangeFilterFunction balancer) {
		this.balanced = builder.clone().filter(balancer);
	}

	/** A new WebClient for calls by service name. */
	public WebClient client() {
		return balanced.build();
	}

	public String article() {
		return "http://" + ARTICLE;
	}

	public String media() {
		return "http://" + MEDIA;
	}

	public String ranking() {
		return "http://" + RANKING;
	}
}
