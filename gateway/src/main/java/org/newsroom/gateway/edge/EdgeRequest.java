package org.newsroom.gateway.edge;

import org.springframework.web.server.ServerWebExchange;

/**
 * What the edge knows about one request, settled once when it arrives ({@link EdgeEntry}) and
 * read by every later step instead of working it out again.
 *
 * @param client the client's address (see {@link org.newsroom.platform.web.ClientAddresses})
 * @param overTls whether the client reached the edge over TLS, directly or per a trusted proxy
 * @param requestId the request id passed to the services and logged
 * @param traceId the W3C trace id passed to the services, or null when Micrometer Tracing makes
 *     the trace context (tracing switched on)
 * @param traceParent the {@code traceparent} header passed to the services (received or new), or
 *     null when Micrometer Tracing makes it
 * @param startedNanos when the edge received the request ({@link System#nanoTime()})
 */
public record EdgeRequest(String client, boolean overTls, String requestId, String traceId, String traceParent,
		long startedNanos) {

	static final String ATTRIBUTE = EdgeRequest.class.getName();

	/** The request's facts; every request has them once it is past the entry. */
	public static EdgeRequest of(ServerWebExchange exchange) {
		EdgeRequest request = exchange.getAttribute(ATTRIBUTE);
		if (request == null) {
			throw new IllegalStateException("The edge entry did not run for " + exchange.getRequest().getPath());
		}
		return request;
	}
}
