package org.newsroom.gateway.edge.logging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The edge's {@code http_server_requests_seconds}, recorded when an answer is complete, with the
 * tags Spring's own server observation uses ({@code method}, {@code status}, {@code outcome},
 * {@code uri}, {@code exception}), so dashboards and the alerts in docs/operations.md read it the
 * same way. {@code uri} is the controller's path pattern, or {@code route:<id>} for a proxied
 * route (Spring's observation says UNKNOWN there).
 *
 * <p>With tracing off (the default) the gateway records the timer itself: Spring's observation of
 * each request builds a context, a convention and a set of handlers per request, a tenth of the
 * edge's throughput in bench/gateway.sh for one timer. With tracing on, the observation is
 * needed for the server span anyway, and it records this timer instead.
 */
@Component
public final class ServerRequestMetrics {

	static final String NAME = "http.server.requests";

	private record Key(String method, int status, String uri, String exception) {
	}

	private final MeterRegistry registry;
	private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

	ServerRequestMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	public void record(ServerWebExchange exchange, int status, Throwable error, long nanos) {
		record(exchange.getRequest().getMethod().name(), status, uri(exchange, status),
				error != null ? error.getClass().getSimpleName() : "none", nanos);
	}

	public void record(String method, int status, String uri, String exception, long nanos) {
		timers.computeIfAbsent(new Key(method, status, uri, exception), this::timer).record(nanos, TimeUnit.NANOSECONDS);
	}

	private Timer timer(Key key) {
		return Timer.builder(NAME)
			.description("Duration of HTTP server request handling")
			.tag("method", key.method())
			.tag("status", Integer.toString(key.status()))
			.tag("outcome", outcome(key.status()))
			.tag("uri", key.uri())
			.tag("exception", key.exception())
			.register(registry);
	}

	private static String uri(ServerWebExchange exchange, int status) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route != null) {
			return "route:" + route.getId();
		}
		PathPattern pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (pattern != null) {
			return pattern.getPatternString().isEmpty() ? "root" : pattern.getPatternString();
		}
		if (status >= 300 && status < 400) {
			return "REDIRECTION";
		}
		if (status == 404) {
			return "NOT_FOUND";
		}
		return exchange.getRequest().getPath().value().equals("/") ? "root" : "UNKNOWN";
	}

	private static String outcome(int status) {
		if (status < 200) {
			return "INFORMATIONAL";
		}
		if (status < 300) {
			return "SUCCESS";
		}
		if (status < 400) {
			return "REDIRECTION";
		}
		return status < 500 ? "CLIENT_ERROR" : status < 600 ? "SERVER_ERROR" : "UNKNOWN";
	}
}
