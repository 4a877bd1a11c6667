package org.newsroom.gateway.page;

import java.time.Duration;
import java.util.Optional;

import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.newsroom.gateway.edge.ServiceBreakers;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * GETs to the services for composed pages, each behind the named breaker and a time limit. An
 * answer is the JSON body, empty for a 404, or an error for anything a reader cannot be shown
 * (5xx, timeout, refused connection, open breaker); the caller decides what that error means
 * for its page.
 */
@Component
class ServiceCalls {

	private final WebClient http;
	private final ServiceBreakers breakers;

	ServiceCalls(WebClient.Builder builder, ServiceBreakers breakers) {
		this.http = builder.build();
		this.breakers = breakers;
	}

	Mono<Optional<JsonNode>> get(String breaker, Duration timeout, String url, Object... variables) {
		return http.get()
			.uri(url, variables)
			.accept(MediaType.APPLICATION_JSON)
			.exchangeToMono(response -> {
				if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
					return response.releaseBody().thenReturn(Optional.<JsonNode>empty());
				}
				if (response.statusCode().is2xxSuccessful()) {
					return response.bodyToMono(JsonNode.class).map(Optional::of);
				}
				return response.releaseBody()
					.then(Mono.error(new UnusableAnswer(response.statusCode().value())));
			})
			.timeout(timeout)
			.transformDeferred(CircuitBreakerOperator.of(breakers.named(breaker)));
	}

	/** A service answered, but not with something a page can use (a 5xx, or a 4xx other than 404). */
	static final class UnusableAnswer extends RuntimeException {

		UnusableAnswer(int status) {
			super("service answered " + status, null, false, false);
		}
	}
}
