package org.newsroom.platform.observability;

import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Passes the current request's id on when a reactive application calls a service (the gateway's
 * page composition, ranking → article). The id comes from the Reactor context of the call, or
 * from the MDC when the call is made outside a reactive request (a scheduled refresh has none).
 * A W3C {@code traceparent} in the Reactor context (the gateway puts one there while it records
 * no spans itself) is passed on the same way; with tracing on, Micrometer's own observation of
 * the call writes that header instead.
 */
public class RequestIdWebClientCustomizer implements WebClientCustomizer {

	/** Key of the request's {@code traceparent} header value in the Reactor context. */
	public static final String TRACE_PARENT = "traceparent";

	@Override
	public void customize(WebClient.Builder builder) {
		builder.filter((request, next) -> Mono.deferContextual(context -> {
			String id = request.headers().containsHeader(RequestId.HEADER) ? null
					: context.getOrDefault(RequestId.MDC_KEY, MDC.get(RequestId.MDC_KEY));
			String traceParent = request.headers().containsHeader(TRACE_PARENT) ? null
					: context.getOrDefault(TRACE_PARENT, null);
			if (id == null && traceParent == null) {
				return next.exchange(request);
			}
			ClientRequest.Builder passedOn = ClientRequest.from(request);
			if (id != null) {
				passedOn.header(RequestId.HEADER, id);
			}
			if (traceParent != null) {
				passedOn.header(TRACE_PARENT, traceParent);
			}
			return next.exchange(passedOn.build());
		}));
	}
}
