package org.newsroom.gateway.edge;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.newsroom.platform.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.util.retry.Retry;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Protects every proxied call: a time limit, the route's circuit breaker, and, for GET and HEAD
 * only, a few retries with exponential backoff and jitter after a connection failure or a
 * 502/504. A failure becomes an honest answer: 503 with {@code Retry-After} when the service
 * cannot be reached or its breaker is open, 504 when it did not answer in time (for a write the
 * outcome is unknown). A 5xx the service itself sent reaches the client as it is. Nothing is
 * ever turned into a success.
 *
 * <p>It runs inside the gateway's response writer, so it sees the service's status before the
 * body is streamed and can still retry or replace the answer.
 */
@Component
class ResilientRouteFilter implements GlobalFilter, Ordered {

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
		return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route == null) {
			return chain.filter(exchange);
		}
		RouteSettings settings = RouteSettings.of(route, properties);
		CircuitBreaker breaker = breakers.named("route-" + route.getId());
		Mono<Void> call = Mono.defer(() -> chain.filter(exchange))
			.then(Mono.defer(() -> failOnServiceError(exchange)))
			.timeout(settings.timeout())
			.transformDeferred(CircuitBreakerOperator.of(breaker));
		HttpMethod method = exchange.getRequest().getMethod();
		EdgeProperties.Resilience resilience = properties.resilience();
		if ((HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) && resilience.retries() > 0) {
			call = call.retryWhen(Retry.backoff(resilience.retries(), resilience.firstBackoff())
				.maxBackoff(resilience.maxBackoff())
				.jitter(resilience.jitter())
				.filter(ResilientRouteFilter::worthRetrying)
				.doBeforeRetry(signal -> discardAnswer(exchange))
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()));
		}
		return call.onErrorResume(error -> answerFailure(exchange, settings.service(), error));
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
		if (error instanceof TimeoutException || isGatewayTimeout(error)) {
			log.warn("{} service did not answer {} {} in time", service, exchange.getRequest().getMethod(),
					exchange.getRequest().getPath());
			return Mono.error(EdgeProblems.timedOut(service, Duration.ofSeconds(1)));
		}
		log.warn("{} service unreachable for {} {}: {}", service, exchange.getRequest().getMethod(),
				exchange.getRequest().getPath(), error.toString());
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
