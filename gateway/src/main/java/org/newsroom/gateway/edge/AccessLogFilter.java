package org.newsroom.gateway.edge;

import java.time.Instant;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.newsroom.platform.observability.ReactiveRequestIdFilter;
import org.newsroom.platform.observability.RequestId;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * One access-log line per request, written when the response is complete (or the client went
 * away). Runs right after the request id is settled, so refused requests are logged too.
 */
@Component
class AccessLogFilter implements WebFilter, Ordered {

	private final AccessLog accessLog;
	private final ClientAddress clientAddress;

	AccessLogFilter(AccessLog accessLog, ClientAddress clientAddress) {
		this.accessLog = accessLog;
		this.clientAddress = clientAddress;
	}

	@Override
	public int getOrder() {
		return ReactiveRequestIdFilter.ORDER + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long started = System.nanoTime();
		return Mono.deferContextual(context -> {
			String traceId = traceId(context);
			return chain.filter(exchange).doFinally(signal -> {
				HttpStatusCode status = exchange.getResponse().getStatusCode();
				Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
				accessLog.write(new AccessLog.Entry(Instant.now(), exchange.getRequest().getMethod().name(),
						exchange.getRequest().getPath().value(), status != null ? status.value() : 200,
						(System.nanoTime() - started) / 1_000_000, exchange.getAttribute(RequestId.CONTEXT_KEY),
						traceId, clientAddress.of(exchange.getRequest()), route != null ? route.getId() : null));
			});
		});
	}

	/** The trace id of the server observation Spring opened for this request, if tracing is on. */
	static String traceId(ContextView context) {
		Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
		if (observation == null || observation.isNoop()) {
			return null;
		}
		TracingObservationHandler.TracingContext tracing = observation.getContextView()
			.get(TracingObservationHandler.TracingContext.class);
		if (tracing == null || tracing.getSpan() == null) {
			return null;
		}
		return tracing.getSpan().context().traceId();
	}
}
