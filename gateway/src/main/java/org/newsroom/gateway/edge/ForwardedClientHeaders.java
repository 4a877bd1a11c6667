package org.newsroom.gateway.edge;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who the client is: {@code X-Forwarded-For} carries the one address the edge
 * resolved (see {@link ClientAddress}), never a chain a client made up. ranking-service keys its
 * anonymous visitor hash on it. Runs after the gateway's own forwarded-header filters.
 */
@Component
class ForwardedClientHeaders implements HttpHeadersFilter, Ordered {

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		EdgeRequest edge = EdgeRequest.of(exchange);
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(input);
		headers.set("X-Forwarded-For", edge.client());
		headers.set("X-Forwarded-Proto", edge.overTls() ? "https" : "http");
		return headers;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
