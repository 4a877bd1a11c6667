package org.newsroom.gateway.edge.client;

import org.newsroom.gateway.edge.EdgeEntry;
import org.newsroom.gateway.edge.EdgeOrder;
import org.newsroom.gateway.edge.EdgeRequest;
import org.newsroom.gateway.edge.logging.TraceParent;
import org.newsroom.platform.observability.RequestId;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who the client is and which request this is: {@code X-Forwarded-For}
 * carries the one address the edge resolved (see {@link org.newsroom.platform.web.ClientAddresses}), never a chain a client
 * made up (ranking-service keys its anonymous visitor hash on it); {@code X-Request-Id} and the
 * W3C {@code traceparent} are the ones {@link EdgeEntry} settled. Runs after the gateway's own
 * forwarded-header filters.
 */
@Component
public class ForwardedClientHeaders implements HttpHeadersFilter, Ordered {

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		EdgeRequest edge = EdgeRequest.of(exchange);
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(input);
		headers.set("X-Forwarded-For", edge.client());
		headers.set("X-Forwarded-Proto", edge.overTls() ? "https" : "http");
		headers.set(RequestId.HEADER, edge.requestId());
		if (edge.traceParent() != null) {
			headers.set(TraceParent.HEADER, edge.traceParent());
		}
		return headers;
	}

	@Override
	public int getOrder() {
		return EdgeOrder.FORWARDED_HEADERS;
	}
}
