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
 */
public class RequestIdWebClientCustomizer implements WebClientCustomizer {

	@Override
	public void customize(WebClient.Builder builder) {
		builder.filter((request, next) -> Mono.deferContextual(context -> {
			if (request.headers().containsHeader(RequestId.HEADER)) {
				return next.exchange(request);
			}
			String id = context.getOrDefault(RequestId.MDC_KEY, MDC.get(RequestId.MDC_KEY));
			if (id == null) {
				return next.exchange(request);
			}
			return next.exchange(ClientRequest.from(request).header(RequestId.HEADER, id).build());
		}));
	}
}
