package org.newsroom.gateway.edge.limits;

import org.newsroom.gateway.edge.EdgeOrder;
import org.newsroom.gateway.edge.EdgeProblems;
import org.newsroom.gateway.edge.EdgeRequest;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Slows down token guessing: a client address that collected too many 401s for credentials it
 * presented (a forged, expired or foreign token) within the window gets 429 for every request
 * until the window has passed. A request that simply came without a token is not an
 * authentication failure. Runs before Spring Security, so a blocked client costs no token
 * validation at all. With the shared store the failure is counted there before the 401 goes out,
 * and a lock-out holds on every replica.
 */
@Component
public class AuthFailureGuard implements WebFilter, Ordered {

	private final ClientLimits limits;

	AuthFailureGuard(ClientLimits limits) {
		this.limits = limits;
	}

	@Override
	public int getOrder() {
		return EdgeOrder.AUTH_FAILURE_GUARD;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!limits.enabled() || RateLimitFilter.exempt(exchange)) {
			return chain.filter(exchange);
		}
		String client = EdgeRequest.of(exchange).client();
		var penalty = limits.authPenalty(client);
		if (!penalty.isZero()) {
			return Mono.error(EdgeProblems.tooManyAuthFailures(RateLimitFilter.roundUp(penalty)));
		}
		if (!exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
			return chain.filter(exchange);
		}
		exchange.getResponse().beforeCommit(() -> {
			if (HttpStatus.UNAUTHORIZED.equals(exchange.getResponse().getStatusCode())) {
				return limits.recordAuthFailure(client);
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}
}
