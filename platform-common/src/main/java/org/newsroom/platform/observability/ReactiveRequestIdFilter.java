package org.newsroom.platform.observability;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The request id of a reactive service's request (ranking-service; the gateway, where ids are
 * born, settles them in its edge entry): an acceptable incoming id is kept, anything else
 * replaced. The id is written back into the request headers, echoed in the response, kept as an
 * exchange attribute, and put into the Reactor context, where outgoing WebClient calls and
 * {@link RequestLogContext} find it.
 */
public class ReactiveRequestIdFilter implements WebFilter, Ordered {

	/** Before Spring Security (-100), so even a refused request is logged with its id. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String incoming = exchange.getRequest().getHeaders().getFirst(RequestId.HEADER);
		String id = RequestId.acceptOrGenerate(incoming);
		ServerWebExchange withId = exchange;
		if (!id.equals(incoming)) {
			ServerHttpRequest request = exchange.getRequest()
				.mutate()
				.headers(headers -> headers.set(RequestId.HEADER, id))
				.build();
			withId = exchange.mutate().request(request).build();
		}
		withId.getAttributes().put(RequestId.CONTEXT_KEY, id);
		withId.getResponse().getHeaders().set(RequestId.HEADER, id);
		return chain.filter(withId).contextWrite(Context.of(RequestId.MDC_KEY, id));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}
}
