package org.newsroom.gateway.edge.limits;

import java.time.Duration;

import org.newsroom.gateway.edge.EdgeOrder;
import org.newsroom.gateway.edge.EdgeProblems;
import org.newsroom.gateway.edge.EdgeRequest;
import org.newsroom.platform.web.RankingPaths;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Token buckets per client: an authenticated client is keyed by its token's subject, anyone else
 * by address; the anonymous view beacon has its own, much smaller bucket per address, so a script
 * cannot inflate the Top 10 while readers still count. Runs after Spring Security, so the subject
 * is a validated one. Health probes, metrics and static files are exempt. With the shared store, a
 * client whose lease is spent waits here for the store's answer; the Netty fast path hands such
 * requests on to this filter rather than wait itself ({@link ClientLimits#takeForAddressHere}).
 */
@Component
public class RateLimitFilter implements WebFilter, Ordered {

	private final ClientLimits limits;

	RateLimitFilter(ClientLimits limits) {
		this.limits = limits;
	}

	@Override
	public int getOrder() {
		return EdgeOrder.RATE_LIMIT;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!limits.enabled() || exempt(exchange)) {
			return chain.filter(exchange);
		}
		String address = EdgeRequest.of(exchange).client();
		if (HttpMethod.POST.equals(exchange.getRequest().getMethod())
				&& RankingPaths.VIEW_BEACON.equals(exchange.getRequest().getPath().value())) {
			return limits.takeBeacon(address).flatMap(wait -> proceedOrRefuse(wait, exchange, chain));
		}
		if (!exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
			// no credentials, so no principal: no need to ask the security context
			return limits.takeForAddress(address).flatMap(wait -> proceedOrRefuse(wait, exchange, chain));
		}
		return exchange.getPrincipal()
			.flatMap(principal -> limits.takeForUser(principal.getName()))
			.switchIfEmpty(Mono.defer(() -> limits.takeForAddress(address)))
			.flatMap(wait -> proceedOrRefuse(wait, exchange, chain));
	}

	private static Mono<Void> proceedOrRefuse(Duration wait, ServerWebExchange exchange, WebFilterChain chain) {
		return wait.isZero() ? chain.filter(exchange) : Mono.error(EdgeProblems.tooManyRequests(roundUp(wait)));
	}

	static boolean exempt(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().value();
		return path.startsWith("/actuator/") || path.startsWith("/assets/") || path.equals("/favicon.ico");
	}

	/** Retry-After is in whole seconds; never tell a client to wait zero. */
	public static Duration roundUp(Duration wait) {
		long seconds = (wait.toMillis() + 999) / 1000;
		return Duration.ofSeconds(Math.max(1, seconds));
	}
}
