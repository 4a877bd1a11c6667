package org.newsroom.gateway.edge.resilience;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.newsroom.gateway.edge.EdgeOrder;
import org.newsroom.gateway.edge.EdgeProblems;
import org.newsroom.gateway.edge.EdgeProperties;
import org.newsroom.gateway.edge.EdgeRequest;
import org.newsroom.gateway.edge.RouteSettings;
import org.newsroom.platform.observability.RequestLogContext;
import org.newsroom.platform.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Protects every proxied call: the route's circuit breaker and, for GET and HEAD only, a few
 * retries with exponential backoff and jitter after a connection failure or a 502/504. The time
 * limit is Spring Cloud Gateway's own response timeout (the route's {@code response-timeout}
 * metadata, else {@code spring.cloud.gateway.server.webflux.httpclient.response-timeout}), which
 * ends a slow call with a 504 that this filter sees like any other failure. A failure becomes an honest answer: 503 with {@code Retry-After} when the service
 * cannot be reached or its breaker is open, 504 when it did not answer in time (for a write the
 * outcome is unknown). A 5xx the service itself sent reaches the client as it is. Nothing is
 * ever turned into a success.
 *
 * <p>It runs inside the gateway's response writer, so it sees the service's status before the
 * body is streamed and can still retry or replace the answer.
 *
 * <p>The breakers are Spring's Resilience4j instances ({@link ServiceBreakers}, configured in
 * application.yml). Spring Cloud Gateway's own {@code CircuitBreaker} and {@code Retry} route
 * filters are not used, because they cannot express these rules: its {@code CircuitBreaker}
 * filter counts a 5xx as a failure only by throwing it away (the service's own 500/502/504 body,
 * problem+json with its {@code Retry-After}, would become the filter's fallback or error
 * instead of reaching the client as it is); it tells an open breaker from an unreachable service
 * and from a timeout only through a fallback URI, without the 503/504 distinction and the
 * breaker's own {@code Retry-After}; and its {@code Retry} filter has no jitter in its back-off
 * and, placed inside the {@code CircuitBreaker} filter, makes the breaker see one call per
 * request where this one counts every attempt.
 */
@Component
public class ResilientRouteFilter implements GlobalFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger(ResilientRouteFilter.class);

	/** Statuses that mean the service (or something in front of it) is failing. */
	private static final Set<Integer> SERVICE_FAILURES = Set.of(500, 502, 504);

	/** Of those, the ones where another attempt can help. */
	private static final Set<Integer> RETRYABLE = Set.of(502, 504);

	private final EdgeProperties properties;
	private final ServiceBreakers breakers;

	ResilientRouteFilter(EdgeProperties properties, ServiceBreakers breakers) {
		this.properties = properties;
		this.breakers = breakers;
	}

	@Override
	public int getOrder() {
		return EdgeOrder.RESILIENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route == null) {
			return chain.filter(exchange);
		}
		RouteSettings settings = RouteSettings.of(route, properties);
		CircuitBreaker breaker = breakers.named("route-" + route.getId());
		HttpMethod method = exchange.getRequest().getMethod();
		int retries = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) ? properties.resilience().retries() : 0;
		return attempt(exchange, chain, breaker, 0, retries)
			.onErrorResume(error -> answerFailure(exchange, settings.service(), error));
	}

	/**
	 * One attempt through the breaker, and the retries left after it. Retrying by resuming on an
	 * error builds nothing on the way of a call that succeeds (Reactor's retryWhen built its
	 * machinery for every request).
	 */
	private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, CircuitBreaker breaker, int made,
			int retries) {
		Mono<Void> call = Mono.defer(() -> chain.filter(exchange))
			.then(Mono.defer(() -> failOnServiceError(exchange)))
			.transformDeferred(CircuitBreakerOperator.of(breaker));
		if (made >= retries) {
			return call;
		}
		return call.onErrorResume(ResilientRouteFilter::worthRetrying, error -> {
			discardAnswer(exchange);
			return Mono.delay(backoff(made)).then(attempt(exchange, chain, breaker, made + 1, retries));
		});
	}

	/** Exponential from {@code first-backoff}, at most {@code max-backoff}, each with its jitter. */
	private Duration backoff(int retriesMade) {
		EdgeProperties.Resilience resilience = properties.resilience();
		long first = resilience.firstBackoff().toMillis();
		long pause = Math.min(resilience.maxBackoff().toMillis(), first << Math.min(retriesMade, 20));
		long spread = (long) (pause * resilience.jitter());
		long jittered = pause + (spread > 0 ? ThreadLocalRandom.current().nextLong(-spread, spread + 1) : 0);
		return Duration.ofMillis(Math.max(0, jittered));
	}

	private static Mono<Void> failOnServiceError(ServerWebExchange exchange) {
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		if (status != null && SERVICE_FAILURES.contains(status.value())) {
			return Mono.error(new ServiceError(status.value()));
		}
		return Mono.empty();
	}

	private static boolean worthRetrying(Throwable error) {
		if (error instanceof ServiceError failed) {
			return RETRYABLE.contains(failed.status);
		}
		return !(error instanceof TimeoutException) && !(error instanceof CallNotPermittedException)
				&& !(error instanceof ProblemException) && isTransportFailure(error);
	}

	private Mono<Void> answerFailure(ServerWebExchange exchange, String service, Throwable error) {
		if (error instanceof ServiceError) {
			// the service's own 5xx answer (already in the response) goes out as it came
			return Mono.empty();
		}
		if (error instanceof ProblemException problem && problem.status().is4xxClientError()) {
			return Mono.error(error);
		}
		discardAnswer(exchange);
		Duration retryAfter = breakers.retryAfter();
		if (error instanceof CallNotPermittedException) {
			return Mono.error(EdgeProblems.breakerOpen(service, retryAfter));
		}
		EdgeRequest edge = EdgeRequest.of(exchange);
		if (error instanceof TimeoutException || isGatewayTimeout(error)) {
			RequestLogContext.log(edge.requestId(), edge.traceId(), () -> log.warn("{} service did not answer {} {} in time",
					service, exchange.getRequest().getMethod(), exchange.getRequest().getPath()));
			return Mono.error(EdgeProblems.timedOut(service, Duration.ofSeconds(1)));
		}
		RequestLogContext.log(edge.requestId(), edge.traceId(), () -> log.warn("{} service unreachable for {} {}: {}",
				service, exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error.toString()));
		return Mono.error(EdgeProblems.serviceDown(service, retryAfter));
	}

	private static boolean isGatewayTimeout(Throwable error) {
		return error instanceof ResponseStatusException status && status.getStatusCode().value() == 504;
	}

	private static boolean isTransportFailure(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof IOException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/** Drops whatever a failed attempt left in the response, so the next answer starts clean. */
	private static void discardAnswer(ServerWebExchange exchange) {
		Connection connection = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
		if (connection != null) {
			connection.dispose();
			exchange.getAttributes().remove(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
		}
		ServerWebExchangeUtils.reset(exchange);
	}

	/** A 5xx status a service answered with, carried as an error so breaker and retry see it. */
	static final class ServiceError extends RuntimeException {

		final int status;

		ServiceError(int status) {
			super("service answered " + status, null, false, false);
			this.status = status;
		}
	}
}
